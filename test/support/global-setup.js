/**
 * Jest globalSetup of the e2e tier: migrates and seeds one template database per run; each test
 * file then starts from a copy (test/support/test-database.ts, `fromTemplate`), with the demo signing
 * PKI that first boot generated in its data folder (test/support/test-app.ts): two RSA keys and a
 * PKCS#12 per boot otherwise, the largest part of booting a test app. The URL and the folder reach
 * the workers through the environment; global-teardown.js drops and removes them.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const TEMPLATE_ENV = 'MOTCUA_TEST_TEMPLATE_DATABASE_URL';
const TEMPLATE_DATA_DIR_ENV = 'MOTCUA_TEST_TEMPLATE_DATA_DIR';

module.exports = async function globalSetup() {
  if (process.env[TEMPLATE_ENV]) return;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'test/support/build-template-database.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = output.trim().split('\n');
  process.env[TEMPLATE_ENV] = lines.pop();
  const dataDir = lines.find((line) => line.startsWith('template-data-dir: '));
  if (dataDir) process.env[TEMPLATE_DATA_DIR_ENV] = dataDir.slice('template-data-dir: '.length);
  // Only the run that made the template drops it (global-teardown.js).
  globalThis.__motcuaTemplateDatabaseUrl = process.env[TEMPLATE_ENV];
  globalThis.__motcuaTemplateDataDir = process.env[TEMPLATE_DATA_DIR_ENV];
};
