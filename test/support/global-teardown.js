/** Jest globalTeardown of the e2e tier: drops the run's template database and removes its data folder (see global-setup.js). */
'use strict';
const { rmSync } = require('node:fs');
const { dirname } = require('node:path');
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const dataDir = globalThis.__motcuaTemplateDataDir;
  if (dataDir) {
    delete globalThis.__motcuaTemplateDataDir;
    delete process.env.MOTCUA_TEST_TEMPLATE_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = globalThis.__motcuaTemplateDatabaseUrl;
  if (!url) return;
  delete globalThis.__motcuaTemplateDatabaseUrl;
  delete process.env.MOTCUA_TEST_TEMPLATE_DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};
