#!/usr/bin/env node
/**
 * Benchmark (issue #14, D9): memory of one API instance while it takes a large historical import
 * (POST /api/admin/dossiers/import, NDJSON). Two files of IMPORT_MB megabytes each, written to a
 * temp folder and streamed to the API (from dist, child process): one of valid dossiers (every line
 * validated, spooled, then inserted in the one transaction), one of bad lines only (`{"code":1}`,
 * about nine problems each: the answer lists the first 1,000 and counts the rest). The harness
 * samples the child's RSS (/proc) every SAMPLE_MS while the request runs; the figure is the peak.
 * Target of the issue (reported, never asserted): peak RSS under 300 MB for 100 MB.
 *
 *   npm run bench:import
 *
 * Environment:
 *   DIALECTS=sqlite,postgres   database(s) of the instance
 *   IMPORT_MB=100              size of each file
 *   SAMPLE_MS=50               RSS sampling period
 *   DATABASE_URL               PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *
 * Prints a table and writes bench/results.json (section "importMemory").
 */
const { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } = require('node:fs');
const { request } = require('node:http');
const { once } = require('node:events');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { requireBuild, envNumber, envList, round, writeSection, printTable, log, runMain } = require('./lib/common');
const { throwawayDatabase } = require('./lib/databases');
const { startApi } = require('./lib/api');

const DIALECTS = envList('DIALECTS', 'sqlite,postgres');
const IMPORT_MB = envNumber('IMPORT_MB', 100);
const SAMPLE_MS = envNumber('SAMPLE_MS', 50);
const MB = 1024 * 1024;

async function main() {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-import-'));
  try {
    log(`writing two files of ${IMPORT_MB} MB`);
    const files = { valid: await writeFile(join(dir, 'valid.ndjson'), validLine), bad: await writeFile(join(dir, 'bad.ndjson'), () => '{"code":1}') };
    const results = {};
    for (const dialect of DIALECTS) results[dialect] = await runDialect(dialect, files);
    print(results);
    writeSection('importMemory', { settings: { importMb: IMPORT_MB, sampleMs: SAMPLE_MS }, files: { valid: files.valid.lines, bad: files.bad.lines }, results });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A dossier of the previous system; codes are unique, dates vary a little. */
function validLine(i) {
  const day = String(1 + (i % 27)).padStart(2, '0');
  return JSON.stringify({
    code: `OLD-${String(i).padStart(8, '0')}`,
    procedureCode: '1.014393',
    channel: ['direct', 'online', 'postal'][i % 3],
    receivedAt: `2025-03-${day}T09:00:00+07:00`,
    dueAt: `2025-04-${day}T17:00:00+07:00`,
    finishedAt: i % 5 === 0 ? null : `2025-04-${day}T10:00:00+07:00`,
    outcome: i % 5 === 0 ? 'processing' : 'returned',
    supplements: i % 7 === 0 ? [{ requestedAt: `2025-03-${day}T15:00:00+07:00`, completedAt: `2025-03-${day}T16:00:00+07:00` }] : [],
    digitised: i % 2 === 0,
    eResult: i % 3 === 0,
    paidOnline: null,
    rating: i % 4 === 0 ? 'satisfied' : null,
  });
}

async function writeFile(path, line) {
  const out = createWriteStream(path);
  const limit = IMPORT_MB * MB;
  let bytes = 0;
  let lines = 0;
  while (bytes < limit) {
    const text = `${line(lines)}\n`;
    bytes += Buffer.byteLength(text);
    lines++;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, bytes: statSync(path).size, lines };
}

/** Each file on a fresh instance and database, so that one peak does not hide the other. */
async function runDialect(dialect, files) {
  const out = {};
  for (const [name, file] of Object.entries(files)) {
    const db = await throwawayDatabase(dialect);
    let api;
    try {
      api = await startApi(db);
      const token = await api.login('admin');
      log(`${dialect}: importing the ${name} file (${file.lines.toLocaleString('en')} lines)`);
      out[name] = await measuredImport(api, token, file);
      out[name].liveHeapAfterMb = round((await api.memoryUsage({ gc: true })).heapUsed / MB, 1);
      log(`${dialect}: ${name}: ${out[name].status} in ${out[name].seconds} s, peak RSS ${out[name].peakRssMb} MB`);
    } finally {
      if (api) await api.stop();
      await db.drop();
    }
  }
  return out;
}

async function measuredImport(api, token, file) {
  const before = api.rssBytes();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, api.rssBytes() ?? 0)), SAMPLE_MS);
  const started = Date.now();
  try {
    const answer = await new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: api.port, method: 'POST', path: '/api/admin/dossiers/import', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson', 'content-length': String(file.bytes) } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        },
      );
      req.on('error', reject);
      createReadStream(file.path).pipe(req);
    });
    const seconds = round((Date.now() - started) / 1000, 1);
    return {
      status: answer.status,
      imported: answer.body.imported ?? 0,
      problemsListed: answer.body.details?.problems?.length ?? 0,
      problemsTotal: answer.body.details?.total ?? 0,
      seconds,
      mbPerSecond: round(file.bytes / MB / seconds, 1),
      rssBeforeMb: round(before / MB, 1),
      peakRssMb: round(peak / MB, 1),
    };
  } finally {
    clearInterval(sampler);
  }
}

function print(results) {
  const rows = [];
  for (const [dialect, r] of Object.entries(results)) {
    for (const name of ['valid', 'bad']) {
      const x = r[name];
      rows.push([dialect, name, x.status, x.imported || `${x.problemsListed} listed of ${x.problemsTotal}`, x.seconds, x.mbPerSecond, x.rssBeforeMb, x.peakRssMb, x.liveHeapAfterMb]);
    }
  }
  printTable(`Import of ${IMPORT_MB} MB of NDJSON: memory of the API instance (target: peak RSS < 300 MB)`, ['database', 'file', 'status', 'imported / problems', 's', 'MB/s', 'RSS before MB', 'peak RSS MB', 'live heap after MB'], rows);
}

runMain(main);
