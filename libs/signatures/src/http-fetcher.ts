import type { HttpFetcher } from './revocation-data';

/** Largest OCSP/CRL/TSA answer read (a CRL of a big public CA is a few MB). */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/**
 * The real network for {@link HttpFetcher}, on Node's fetch: http(s) only, a timeout per
 * request, answers capped at 16 MB. The verification core never calls it directly.
 */
export function httpFetcher(): HttpFetcher {
  return {
    async request({ url, method, body, contentType, timeoutMs }) {
      if (!/^https?:\/\//i.test(url)) throw new Error(`Refusing to fetch ${url}: only http(s)`);
      const response = await fetch(url, {
        method,
        body: body ? Buffer.from(body) : undefined,
        headers: contentType ? { 'content-type': contentType } : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > MAX_ANSWER_BYTES) throw new Error(`Answer too large (${declared} bytes)`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > MAX_ANSWER_BYTES) {
          await reader.cancel();
          throw new Error('Answer too large');
        }
        chunks.push(value);
      }
      return { status: response.status, body: Buffer.concat(chunks) };
    },
  };
}

/**
 * Remembers successful answers for `ttlMs` (keyed by method, URL and body), so a burst of
 * uploads signed by the same leader asks the OCSP responder once. `now` is injected.
 */
export function cachingFetcher(inner: HttpFetcher, options: { ttlMs: number; maxEntries?: number; now: () => number }): HttpFetcher {
  const cache = new Map<string, { at: number; answer: { status: number; body: Uint8Array } }>();
  const maxEntries = options.maxEntries ?? 1000;
  return {
    async request(req) {
      const key = `${req.method} ${req.url} ${req.body ? Buffer.from(req.body).toString('base64') : ''}`;
      const hit = cache.get(key);
      if (hit && options.now() - hit.at < options.ttlMs) return hit.answer;
      const answer = await inner.request(req);
      if (answer.status === 200) {
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
        cache.set(key, { at: options.now(), answer });
      }
      return answer;
    },
  };
}
