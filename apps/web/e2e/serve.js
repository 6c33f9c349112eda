#!/usr/bin/env node
/**
 * A tiny same-origin server for the built web app: files from dist/web (index.html for
 * unknown paths) and everything under /api proxied to the API. Used by the end-to-end
 * test until the API serves dist/web itself; handy by hand too:
 *
 *   node apps/web/e2e/serve.js --port 8080 --api http://127.0.0.1:3000
 */
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * @param {{ root: string, apiUrl: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
function startServer({ root, apiUrl, port = 0, host = '127.0.0.1' }) {
  const api = new URL(apiUrl);
  const rootDir = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://local');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return proxy(req, res, api);
    return serveFile(rootDir, url.pathname, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

function proxy(req, res, api) {
  const upstream = http.request(
    {
      hostname: api.hostname,
      port: api.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: api.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode || 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ statusCode: 502, error: 'BAD_GATEWAY', message: `API not reachable: ${error.message}` }));
  });
  req.pipe(upstream);
}

function serveFile(rootDir, pathname, res) {
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.join(rootDir, relative);
  if (!file.startsWith(rootDir)) {
    res.writeHead(403).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    // Unknown paths get the app (it routes on the hash, but be kind to old links).
    file = path.join(rootDir, 'index.html');
  }
  fs.readFile(file, (error, data) => {
    if (error) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': type, 'cache-control': cache });
    res.end(data);
  });
}

module.exports = { startServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const root = arg('root', path.resolve(__dirname, '../../../dist/web'));
  startServer({ root, apiUrl: arg('api', 'http://127.0.0.1:3000'), port: Number(arg('port', '8080')), host: arg('host', '127.0.0.1') }).then(
    ({ url }) => console.log(`motcua web: ${url} (files from ${root}, /api → ${arg('api', 'http://127.0.0.1:3000')})`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
