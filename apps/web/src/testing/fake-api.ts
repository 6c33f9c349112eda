/**
 * A stand-in for `fetch` (and for XMLHttpRequest uploads) in component tests: routes
 * `METHOD /api/path` to handlers and records every call. Only what the client reads is faked.
 */
export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON, or for multipart bodies the FormData entries in the order they were appended. */
  body: unknown;
  /** Multipart bodies: field names in order (the result upload needs `mode` before `file`). */
  fieldOrder?: string[];
}

export interface FakeResponse {
  status?: number;
  body?: unknown;
  /** For binary answers (PDF, spreadsheet): the Content-Type and the bytes. */
  contentType?: string;
  blob?: Blob;
  contentDisposition?: string;
}

export type FakeReply = FakeResponse | ((call: FakeCall) => FakeResponse | Promise<FakeResponse>);

export interface FakeApi {
  calls: FakeCall[];
  on(method: string, path: string | RegExp, reply: FakeReply): FakeApi;
  callsTo(method: string, path: string | RegExp): FakeCall[];
  /** Upload progress the fake XMLHttpRequest reports before answering (fractions 0–1). */
  progressSteps: number[];
}

function readBody(body: unknown): { body: unknown; fieldOrder?: string[] } {
  if (body instanceof FormData) {
    const entries: Record<string, unknown> = {};
    const order: string[] = [];
    body.forEach((value, key) => {
      entries[key] = value;
      order.push(key);
    });
    return { body: entries, fieldOrder: order };
  }
  if (typeof body === 'string' && body !== '') return { body: JSON.parse(body) };
  return { body: undefined };
}

export function installFakeApi(): FakeApi {
  const routes: { method: string; path: string | RegExp; reply: FakeReply }[] = [];
  const calls: FakeCall[] = [];
  const matches = (pattern: string | RegExp, path: string) => (typeof pattern === 'string' ? pattern === path : pattern.test(path));

  const answer = async (method: string, input: string, headers: Record<string, string>, rawBody: unknown): Promise<FakeResponse & { status: number }> => {
    const { body, fieldOrder } = readBody(rawBody);
    const call: FakeCall = { method, path: input, headers, body, ...(fieldOrder ? { fieldOrder } : {}) };
    calls.push(call);
    // The latest registration wins, so a test can override a default route.
    const route = [...routes].reverse().find((r) => r.method === method && matches(r.path, input.split('?')[0]));
    const reply = route
      ? typeof route.reply === 'function'
        ? await route.reply(call)
        : route.reply
      : { status: 404, body: { statusCode: 404, error: 'NOT_FOUND', message: `no fake for ${method} ${input}` } };
    return { ...reply, status: reply.status ?? 200 };
  };

  const fetchMock = jest.fn(async (input: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const reply = await answer(method, input, init.headers ?? {}, init.body);
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    const headers: Record<string, string> = {
      'content-type': reply.contentType ?? 'application/json; charset=utf-8',
      ...(reply.contentDisposition ? { 'content-disposition': reply.contentDisposition } : {}),
    };
    return {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      statusText: String(reply.status),
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: async () => text,
      blob: async () => reply.blob ?? new Blob([text], { type: headers['content-type'] }),
    };
  });
  (globalThis as unknown as { fetch: unknown }).fetch = fetchMock;

  const api: FakeApi = {
    calls,
    progressSteps: [0.5],
    on(method, path, reply) {
      routes.push({ method: method.toUpperCase(), path, reply });
      return api;
    },
    callsTo(method, path) {
      return calls.filter((c) => c.method === method.toUpperCase() && matches(path, c.path.split('?')[0]));
    },
  };

  /** Enough of XMLHttpRequest for `apiUpload`: headers, upload progress, load, error, abort. */
  class FakeXhr {
    status = 0;
    statusText = '';
    responseText = '';
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private headers: Record<string, string> = {};
    private aborted = false;

    open(method: string, url: string) {
      this.method = method.toUpperCase();
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }

    abort() {
      this.aborted = true;
      this.onabort?.();
    }

    send(body: unknown) {
      void (async () => {
        for (const step of api.progressSteps) {
          await Promise.resolve();
          if (this.aborted) return;
          this.upload.onprogress?.({ lengthComputable: true, loaded: step * 1000, total: 1000 });
        }
        let reply: FakeResponse & { status: number };
        try {
          reply = await answer(this.method, this.url, this.headers, body);
        } catch {
          if (!this.aborted) this.onerror?.();
          return;
        }
        if (this.aborted) return;
        this.status = reply.status;
        this.statusText = String(reply.status);
        this.responseText = reply.body === undefined ? '' : JSON.stringify(reply.body);
        this.onload?.();
      })();
    }
  }
  (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  return api;
}

export function apiError(status: number, error: string, message = error, details?: Record<string, unknown>) {
  return { status, body: { statusCode: status, error, message, ...(details ? { details } : {}) } };
}

/** jsdom has no blob URLs and no real window.open: record what would have been opened. */
export function installBlobUrls(): { opened: { url: string | undefined }[]; created: Blob[] } {
  const created: Blob[] = [];
  const opened: { url: string | undefined }[] = [];
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => (created.push(blob), `blob:fake/${created.length}`) });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  window.open = jest.fn(() => {
    const tab = { url: undefined as string | undefined };
    opened.push(tab);
    return {
      document: { title: '', body: { textContent: '' } },
      location: {
        set href(value: string) {
          tab.url = value;
        },
      },
      close: jest.fn(),
    } as unknown as Window;
  }) as unknown as typeof window.open;
  return { opened, created };
}
