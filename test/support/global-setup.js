/**
 * Jest globalSetup of the e2e tier: migrates and seeds one template database per run; each test
 * file then starts from a copy (test/support/test-database.ts, `fromTemplate`). The URL reaches
 * the workers through the environment; global-teardown.js drops it.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const TEMPLATE_ENV = 'MOTCUA_TEST_TEMPLATE_DATABASE_URL';

module.exports = async function globalSetup() {
  if (process.env[TEMPLATE_ENV]) return;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'test/support/build-template-database.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.env[TEMPLATE_ENV] = output.trim().split('\n').pop();
  // Only the run that made the template drops it (global-teardown.js).
  globalThis.__motcuaTemplateDatabaseUrl = process.env[TEMPLATE_ENV];
};
