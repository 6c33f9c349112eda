import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

export interface FakeServer {
  port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<FakeServer> {
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A port nobody listens on: bound once to get a free number, then released. */
export async function closedPort(): Promise<number> {
  const server = await listen(createTcpServer(), new Set());
  await server.close();
  return server.port;
}

/** Accepts TCP connections and never answers: a hung or black-holed server. */
export function silentServer(): Promise<FakeServer> {
  return listen(createTcpServer(), new Set());
}

/** An HTTP server answering every request with `status` and `body` (after reading the request). */
export function answeringServer(status: number, body: string, contentType = 'application/xml'): Promise<FakeServer> {
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  return listen(server, new Set());
}

/** An S3 XML error document. */
export function s3ErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>1</RequestId></Error>`;
}
