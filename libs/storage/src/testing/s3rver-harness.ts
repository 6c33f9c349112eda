import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { MinioConfig } from '../minio-config';

/** s3rver's built-in account; it accepts no other access key. */
export const S3RVER_ACCESS_KEY = 'S3RVER';
export const S3RVER_SECRET_KEY = 'S3RVER';

export interface RunningS3rver {
  server: S3rver;
  port: number;
  /** Every request received, as "METHOD /path?query", to check which S3 calls a client made. */
  requests: string[];
  /** Stops the server (cutting open connections) and deletes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts a real s3rver on 127.0.0.1 and a random free port, storing into a fresh temp folder.
 *
 * One gap of s3rver is filled in: it answers ListMultipartUploads (`GET /bucket?uploads`) with
 * 501 NotImplemented, and minio-js lists incomplete uploads before every multipart upload (to
 * resume one). The stub answers "no incomplete uploads", which is what a real server says for a
 * fresh key; everything else (initiate, upload part, complete) is s3rver's own.
 */
export async function startS3rver(): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), 'motcua-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const requests: string[] = [];
  server.middleware.unshift(async (ctx, next) => {
    requests.push(`${ctx.method} ${ctx.url}`);
    const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
    if (ctx.method === 'GET' && bucket && 'uploads' in ctx.query) {
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket></ListMultipartUploadsResult>`;
      return;
    }
    await next();
  });
  const { port } = await server.run();
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let stopped = false;
  return {
    server,
    port,
    requests,
    async stop() {
      if (!stopped) {
        stopped = true;
        // Cut open connections (a download in progress) and let s3rver log their end before it
        // closes its logger; otherwise winston complains about writing to a closed logger.
        const closed = [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
        for (const socket of sockets) socket.destroy();
        await Promise.all(closed);
        await new Promise((resolve) => setImmediate(resolve));
        await server.close();
      }
      // Retries: a request cut off by the stop may still be finishing its write into the folder.
      await rm(directory, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

let bucketCounter = 0;

/** Client settings for `port`, with a bucket name not used before in this process (not created). */
export function s3rverConfig(port: number, bucket = `test-${process.pid}-${++bucketCounter}`): MinioConfig {
  return { endPoint: '127.0.0.1', port, useSSL: false, accessKey: S3RVER_ACCESS_KEY, secretKey: S3RVER_SECRET_KEY, bucket };
}
