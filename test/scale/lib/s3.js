/**
 * s3rver (the S3/MinIO protocol) on 127.0.0.1, restartable on the same port and data folder, so a
 * fault test can take "MinIO" down and bring it back with its bucket and objects intact.
 * Like libs/storage/src/testing/s3rver-harness.ts (TypeScript, not built into dist/), it stubs
 * ListMultipartUploads, which s3rver does not implement and minio-js calls before multipart uploads.
 */
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const S3rver = require('s3rver');
const { onCleanup } = require('./harness');

const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

async function startS3() {
  const directory = mkdtempSync(join(tmpdir(), 'motcua-scale-s3-'));
  let server = null;
  let sockets = new Set();
  const s3 = {
    port: 0,
    directory,
    /** Requests received, as "METHOD /path", over all runs. */
    requests: [],
    running: false,
    async start() {
      server = new S3rver({ address: '127.0.0.1', port: s3.port, silent: true, directory });
      server.middleware.unshift(async (ctx, next) => {
        s3.requests.push(`${ctx.method} ${ctx.path}`);
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
      s3.port = port;
      sockets = new Set();
      server.httpServer.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      s3.running = true;
    },
    /** Stops listening and cuts open connections (an upload in progress sees its connection reset). */
    async stop() {
      if (!server) return;
      const s = server;
      server = null;
      s3.running = false;
      const closed = [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
      for (const socket of sockets) socket.destroy();
      await Promise.all(closed);
      await new Promise((resolve) => setImmediate(resolve));
      await s.close();
    },
    /** MINIO_* settings of the service. */
    env(bucket = 'motcua-scale') {
      return { MINIO_ENDPOINT: '127.0.0.1', MINIO_PORT: String(s3.port), MINIO_USE_SSL: 'false', MINIO_ACCESS_KEY: ACCESS_KEY, MINIO_SECRET_KEY: SECRET_KEY, MINIO_BUCKET: bucket };
    },
  };
  await s3.start();
  onCleanup(`s3rver :${s3.port}`, async () => {
    await s3.stop();
    rmSync(directory, { recursive: true, force: true, maxRetries: 5 });
  });
  return s3;
}

module.exports = { startS3 };
