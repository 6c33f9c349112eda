import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { AppConfig, loadAppConfig } from '@config/app-config';
import { createApp } from '../../apps/api/src/app.factory';
import { Clock } from '../../apps/api/src/common/clock';
import { createTestDatabase, TestDatabase } from './test-database';

export const DEMO_PASSWORD = 'mật-khẩu-demo-2026';
/** The data folder of the run's template database's first boot (test/support/global-setup.js). */
const TEMPLATE_DATA_DIR_ENV = 'MOTCUA_TEST_TEMPLATE_DATA_DIR';

/** A clock the test moves by hand. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Logs in a demo account and returns its bearer token. */
  login(username: string): Promise<string>;
  /** Stops this instance and boots a new one on the same database and data folder (a process restart). */
  restart(): Promise<TestApp>;
  close(): Promise<void>;
}

/**
 * The real application on a database of its own (a copy of the run's migrated and seeded template) and a
 * fresh data folder holding what the template's first boot left in its own (the demo signing PKI).
 */
export async function startTestApp(options: BootOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-data-'));
  // Without a template (no e2e globalSetup) the application generates its PKI itself, as on a first boot.
  const templateDataDir = process.env[TEMPLATE_DATA_DIR_ENV];
  if (templateDataDir && existsSync(join(templateDataDir, 'pki'))) cpSync(join(templateDataDir, 'pki'), join(dataDir, 'pki'), { recursive: true });
  return boot(await createTestDatabase({ fromTemplate: true }), options, true, dataDir);
}

/** The configuration every test instance runs with; the template database is seeded with it too. */
export function testAppConfig(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    DEMO_PASSWORD,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: process.env.TEST_LOGS ? 'debug' : 'error',
    SWEEP_INTERVAL_SECONDS: '0',
    ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
    // Tests that exercise delivery turn it on or run a dispatch cycle themselves.
    OUTBOX_DISPATCHER: 'off',
    ...env,
  });
}

/** A second instance of the application on the database of `first` (as when scaled out). */
export async function startTestAppOn(first: TestApp, options: BootOptions = {}): Promise<TestApp> {
  return boot(first.database, options, false, mkdtempSync(join(tmpdir(), 'motcua-data-')));
}

/** The application on an existing test database (e.g. a restored copy); the caller drops the database. */
export async function startTestAppOnDatabase(database: TestDatabase, options: BootOptions = {}): Promise<TestApp> {
  return boot(database, options, false, mkdtempSync(join(tmpdir(), 'motcua-data-')));
}

export interface BootOptions {
  clock?: Clock;
  env?: Record<string, string>;
  /** Receives the application's JSON log lines (otherwise silenced unless TEST_LOGS is set). */
  logs?: DestinationStream;
  /** A folder to serve as the built web application at `/` (default: dist/web when built). */
  webRoot?: string;
}

async function boot(database: TestDatabase, options: BootOptions, ownsDatabase: boolean, dataDir: string): Promise<TestApp> {
  const config = testAppConfig(database.url, dataDir, options.env);
  const { app } = await createApp(config, { logger: process.env.TEST_LOGS ? undefined : false, logDestination: options.logs, overrides: { clock: options.clock, webRoot: options.webRoot } });
  // A listening server: supertest would otherwise start one per request, which breaks under parallel requests.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    config,
    database,
    http: () => request(server),
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await request(server).post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken as string;
    },
    async restart() {
      await app.close();
      return boot(database, options, ownsDatabase, dataDir);
    },
    async close() {
      await app.close();
      if (ownsDatabase) await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
