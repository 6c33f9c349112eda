/**
 * Everything the browser test needs, started for real: the web bundle (vite build into
 * dist/web), the API as `npm start` runs it (on a free port, fresh SQLite data folder,
 * known demo password), a same-origin server for both, and headless Chromium.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- serve.js is plain CommonJS, also run by node directly
const { startServer } = require('./serve.js') as {
  startServer(o: { root: string; apiUrl: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

export const REPO = resolve(__dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'mật-khẩu-e2e-2026';
const WEB_DIST = join(REPO, 'dist/web');
const API_ENTRY = process.env.E2E_API_ENTRY ?? join(REPO, 'dist/apps/api/src/main.js');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** GET without keep-alive (fetch's pooled sockets would keep Jest alive after the run). */
function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.setTimeout(5_000, () => req.destroy(new Error('timeout')));
  });
}

export function buildWeb(): void {
  if (process.env.E2E_SKIP_WEB_BUILD === '1' && existsSync(join(WEB_DIST, 'index.html'))) return;
  log('building the web app into dist/web');
  execFileSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(REPO, 'apps/web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

/** The compiled API; built with the project's own `npm run build` when missing or when E2E_BUILD_API=1. */
export function ensureApiBuilt(): string {
  if (process.env.E2E_BUILD_API === '1' || !existsSync(API_ENTRY)) {
    log('building the API (npm run build)');
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
  }
  return API_ENTRY;
}

export interface RunningApi {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** `env`: settings a test needs on top of the harness's own (e.g. PORTAL_SYNC_URL to a loopback receiver). */
export async function startApi(entry: string, extraEnv: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-web-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
    // The receipt's QR code and the clerk's lookup link point at this very server.
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    ...extraEnv,
  };
  // A fresh SQLite file in DATA_DIR, whatever database the surrounding test run uses.
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const child = spawn(process.execPath, [entry], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The API exited with code ${child.exitCode}:\n${output}`);
    try {
      const res = await httpGet(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not answer /api/health within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`API on ${url} (data ${dataDir})`);
  return {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The API's own URL once it serves dist/web at `/`; until then a local static server with an /api proxy. */
export async function startWebOrigin(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  try {
    const res = await httpGet(`${apiUrl}/`);
    const body = res.status === 200 ? res.body : '';
    if (body.includes('name="application-name" content="motcua-web"')) {
      log('the API serves the web app itself');
      return { url: apiUrl, close: async () => undefined };
    }
  } catch {
    // fall through
  }
  const server = await startServer({ root: WEB_DIST, apiUrl, port: 0 });
  log(`web app on ${server.url} (static files + /api proxy)`);
  return server;
}

/** The API's paths as its OpenAPI document lists them (`/api/public/dossiers/{code}`…). */
export async function apiPaths(apiUrl: string): Promise<Set<string>> {
  try {
    const res = await httpGet(`${apiUrl}/api/docs-json`);
    return new Set(Object.keys((JSON.parse(res.body) as { paths?: Record<string, unknown> }).paths ?? {}));
  } catch {
    return new Set();
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
