import { connect } from 'node:net';
import type { TestApp } from './test-app';

/** `status` of an answer lost because the server reset the connection while the client was still sending (`untilClosed`). */
export const RESET_BY_SERVER = 0;

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Request bytes the server let the client write (the rest was never sent). */
  bytesSent: number;
}

/**
 * One HTTP/1.1 request written byte by byte on a plain socket, for what supertest cannot send:
 * a body shorter or longer than its Content-Length, a broken multipart envelope, or a body the
 * server should refuse before reading. `body` may be a generator, so a test can feed a large
 * body slowly and see whether the server answers before the end. Rejects when no answer comes
 * within `timeoutMs`: a hung request. With `untilClosed`, the client goes on sending after the
 * answer, as curl would, until the server closes the connection or the body is all sent; so
 * `bytesSent` tells whether the server read (drained) a body it had already refused.
 */
export function rawRequest(
  t: TestApp,
  request: { method: string; path: string; headers: Record<string, string>; body?: Buffer | Iterable<Buffer> },
  timeoutMs = 10_000,
  options: { untilClosed?: boolean } = {},
): Promise<RawAnswer> {
  const address = t.app.getHttpServer().address() as { port: number };
  return new Promise((resolve, reject) => {
    const socket = connect(address.port, '127.0.0.1');
    let answer = Buffer.alloc(0);
    let sent = 0;
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no answer to ${request.method} ${request.path} within ${timeoutMs} ms (${sent} bytes sent)`)), timeoutMs);
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) return reject(error);
      resolve(parseAnswer(answer, sent));
    };
    socket.on('data', (chunk) => {
      answer = Buffer.concat([answer, chunk]);
      if (isComplete(answer) && !options.untilClosed) finish();
    });
    socket.on('close', () => (answer.length > 0 ? finish() : finish(new Error('connection closed without an answer'))));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (answer.length > 0 && isComplete(answer)) return finish();
      // Sending on after the server closed: it reset the connection, and TCP may have dropped its answer with it.
      if (options.untilClosed && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
        done = true;
        clearTimeout(timer);
        socket.destroy();
        return resolve({ status: RESET_BY_SERVER, headers: {}, body: '', bytesSent: sent });
      }
      finish(error);
    });
    socket.on('connect', async () => {
      const head = [`${request.method} ${request.path} HTTP/1.1`, 'host: 127.0.0.1', ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
      socket.write(head);
      const parts = request.body === undefined ? [] : Buffer.isBuffer(request.body) ? [request.body] : request.body;
      for (const part of parts) {
        if (done || socket.destroyed) return;
        const flushed = socket.write(part);
        sent += part.length;
        if (!flushed) await new Promise((r) => socket.once('drain', r));
        // Give the server a chance to answer between chunks (and notice when it does).
        await new Promise((r) => setImmediate(r));
      }
      // Everything sent: from here on only the answer matters.
      if (options.untilClosed && isComplete(answer)) finish();
      else if (options.untilClosed) socket.once('data', () => isComplete(answer) && finish());
    });
  });
}

function headerEnd(buffer: Buffer): number {
  return buffer.indexOf('\r\n\r\n');
}

function isComplete(buffer: Buffer): boolean {
  const end = headerEnd(buffer);
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString('latin1'));
  return length ? buffer.length >= end + 4 + Number(length[1]) : false;
}

function parseAnswer(buffer: Buffer, bytesSent: number): RawAnswer {
  const end = headerEnd(buffer);
  const [statusLine, ...lines] = buffer.subarray(0, end < 0 ? buffer.length : end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: end < 0 ? '' : buffer.subarray(end + 4).toString('utf8'), bytesSent };
}

/** A multipart/form-data body: text fields first, then files, each part as given. */
export function multipartBody(boundary: string, parts: Array<{ name: string; value: string } | { name: string; fileName: string; contentType: string; content: Buffer }>): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\ncontent-type: ${part.contentType}\r\n\r\n`));
      chunks.push(part.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
