import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cachingFetcher, httpFetcher } from './http-fetcher';

/** The network adapter and its cache, against a real HTTP server on loopback. */
let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url === '/hang') return; // never answers
    if (req.url === '/down') return void res.writeHead(503).end();
    res.writeHead(200).end(Buffer.from(`answer to ${req.url}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections(); // the /hang request
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => (hits.length = 0));

it('reuses a successful answer for the TTL, then asks again; failures are not cached', async () => {
  let now = 0;
  const fetcher = cachingFetcher(httpFetcher(), { ttlMs: 1000, now: () => now });
  const get = (path: string) => fetcher.request({ url: `${base}${path}`, method: 'GET', timeoutMs: 2000 });
  expect(Buffer.from((await get('/crl')).body).toString()).toBe('answer to /crl');
  await get('/crl');
  expect(hits).toEqual(['GET /crl']);
  now = 1500;
  await get('/crl');
  expect(hits).toEqual(['GET /crl', 'GET /crl']);
  expect((await get('/down')).status).toBe(503);
  await get('/down');
  expect(hits.filter((h) => h === 'GET /down')).toHaveLength(2);
});

it('gives up after the timeout instead of hanging', async () => {
  const started = Date.now();
  await expect(httpFetcher().request({ url: `${base}/hang`, method: 'GET', timeoutMs: 300 })).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(5000);
});

it('refuses anything but http(s)', async () => {
  await expect(httpFetcher().request({ url: 'file:///etc/passwd', method: 'GET', timeoutMs: 300 })).rejects.toThrow(/only http/);
});
