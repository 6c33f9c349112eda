/** Query parameters whose values are credentials (`?secret=` of the public lookup, tokens). */
const SECRET_PARAMS = new Set(['secret', 'k', 'token', 'access_token', 'password']);

/**
 * The path of a request URL, and its query with credential values replaced, for logs: the public
 * lookup sends the dossier's secret in the query string, and a log line must not carry it.
 */
export function redactUrl(url: string): { path: string; query?: string } {
  const at = url.indexOf('?');
  if (at < 0) return { path: url };
  const params = new URLSearchParams(url.slice(at + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMS.has(key.toLowerCase())) params.set(key, '[REDACTED]');
  const query = params.toString().replace(/%5BREDACTED%5D/g, '[REDACTED]');
  return query ? { path: url.slice(0, at), query } : { path: url.slice(0, at) };
}
