import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { get, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** Issue #15 acceptance 4: the bundle compressed (as the build writes it) and cached by hash; index.html never cached. */
describe('Static assets of the web app', () => {
  const bundle = `console.log(${JSON.stringify('Hồ sơ thủ tục hành chính '.repeat(200))});`;
  const index = '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-9f8e7d.js"></script></head><body></body></html>';
  let webRoot: string;
  let t: TestApp;
  beforeAll(async () => {
    // The same layout as `npm run build:web` (apps/web/vite-precompress.ts) writes.
    webRoot = mkdtempSync(join(tmpdir(), 'motcua-web-'));
    mkdirSync(join(webRoot, 'assets'));
    for (const [name, text] of [['index.html', index], ['assets/index-9f8e7d.js', bundle]]) {
      writeFileSync(join(webRoot, name), text);
      writeFileSync(join(webRoot, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(webRoot, `${name}.gz`), gzipSync(text));
    }
    t = await startTestApp({ webRoot });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  /** Node's own client, which (unlike supertest) leaves the body as sent. */
  const fetchRaw = (path: string, acceptEncoding: string) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const { port } = t.app.getHttpServer().address() as AddressInfo;
      get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve({ headers: res.headers, body: Buffer.concat(chunks) }) : reject(new Error(`${path}: ${res.statusCode}`))));
      }).on('error', reject);
    });
  const body = (res: { body: Buffer }) => res.body;

  it('sends the bundle in brotli to a browser that accepts it, gzip otherwise, plain as a last resort; cached immutably', async () => {
    const br = await fetchRaw('/assets/index-9f8e7d.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(body(br)).toString()).toBe(bundle);
    expect(body(br).length).toBeLessThan(Buffer.byteLength(bundle) / 5);
    const gz = await fetchRaw('/assets/index-9f8e7d.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(body(gz)).toString()).toBe(bundle);
    const plain = await fetchRaw('/assets/index-9f8e7d.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(body(plain).toString()).toBe(bundle);
    for (const res of [br, gz, plain]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('never caches index.html, compressed or not', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await fetchRaw(encoding === 'identity' ? '/' : '/index.html', encoding);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
  });
});
