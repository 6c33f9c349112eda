/**
 * `node -r @swc-node/register test/support/build-template-database.ts`: the run's template database,
 * made by the application's own first boot (every migration, catalogue seed, demo accounts with their
 * argon2 hash) exactly as each test file used to make its own, and the data folder that boot left
 * (its demo signing PKI, DATA_DIR/pki). Prints `template-data-dir: <folder>`, then the DATABASE_URL as
 * the last line. Run by test/support/global-setup.js in a process of its own, because Jest's global
 * setup does not resolve the tsconfig aliases.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app.factory';
import { testAppConfig } from './test-app';
import { createTestDatabase } from './test-database';

async function main(): Promise<void> {
  const database = await createTestDatabase({ prefix: 'motcua_template' });
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-template-data-'));
  try {
    const { app } = await createApp(testAppConfig(database.url, dataDir), { logger: false });
    await app.close();
  } catch (error) {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.stdout.write(`template-data-dir: ${dataDir}\n${database.url}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
