import { createServer, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  idempotencyKey: string | undefined;
  body: unknown;
  headers: IncomingMessage['headers'];
}

/** Decides the HTTP status of a request; may hold it (return a promise) to play a slow or hung receiver. */
export type Responder = (request: ReceivedRequest, nthForKey: number) => number | Promise<number>;

export interface HttpReceiver {
  url: string;
  /** Every request, in arrival order (duplicates included). */
  requests: ReceivedRequest[];
  /** Requests answered 2xx, by idempotency key. */
  acceptedByKey(): Map<string, number>;
  respond(responder: Responder): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint (node:http) standing in for the portal or a webhook consumer. Answers 200 unless told otherwise. */
export async function startHttpReceiver(): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const seen = new Map<string, number>();
  const accepted = new Map<string, number>();
  let responder: Responder = () => 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const key = req.headers['idempotency-key'] as string | undefined;
        const request: ReceivedRequest = { idempotencyKey: key, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: req.headers };
        requests.push(request);
        const nth = (seen.get(key ?? '') ?? 0) + 1;
        seen.set(key ?? '', nth);
        const status = await responder(request, nth);
        if (status >= 200 && status < 300 && key) accepted.set(key, (accepted.get(key) ?? 0) + 1);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status < 300 ? { ok: true } : { error: 'unavailable' }));
      })();
    });
  });
  // Keep-alive sockets of the client would keep close() waiting.
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sync`,
    requests,
    acceptedByKey: () => new Map(accepted),
    respond: (r) => (responder = r),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
