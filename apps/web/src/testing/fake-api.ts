/**
 * A stand-in for `fetch` in component tests: routes `METHOD /api/path` to handlers and
 * records every call. Only what the client reads (ok, status, statusText, text) is faked.
 */
export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export type FakeReply = { status?: number; body?: unknown } | ((call: FakeCall) => { status?: number; body?: unknown } | Promise<{ status?: number; body?: unknown }>);

export interface FakeApi {
  calls: FakeCall[];
  on(method: string, path: string | RegExp, reply: FakeReply): FakeApi;
  callsTo(method: string, path: string | RegExp): FakeCall[];
}

export function installFakeApi(): FakeApi {
  const routes: { method: string; path: string | RegExp; reply: FakeReply }[] = [];
  const calls: FakeCall[] = [];
  const matches = (pattern: string | RegExp, path: string) => (typeof pattern === 'string' ? pattern === path : pattern.test(path));
  const fetchMock = jest.fn(async (input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const call: FakeCall = { method, path: input, headers: init.headers ?? {}, body: init.body ? JSON.parse(init.body) : undefined };
    calls.push(call);
    // The latest registration wins, so a test can override a default route.
    const route = [...routes].reverse().find((r) => r.method === method && matches(r.path, input.split('?')[0]));
    const reply = route ? (typeof route.reply === 'function' ? await route.reply(call) : route.reply) : { status: 404, body: { statusCode: 404, error: 'NOT_FOUND', message: `no fake for ${method} ${input}` } };
    const status = reply.status ?? 200;
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    return { ok: status >= 200 && status < 300, status, statusText: String(status), text: async () => text };
  });
  (globalThis as unknown as { fetch: unknown }).fetch = fetchMock;
  const api: FakeApi = {
    calls,
    on(method, path, reply) {
      routes.push({ method: method.toUpperCase(), path, reply });
      return api;
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method.toUpperCase() && matches(path, c.path.split('?')[0]));
    },
  };
  return api;
}

export function apiError(status: number, error: string, message = error, details?: Record<string, unknown>) {
  return { status, body: { statusCode: status, error, message, ...(details ? { details } : {}) } };
}
