/**
 * Harness of the scale and fault scripts (test/scale/*.js): cleanup that runs whatever happens,
 * the check list printed as a table (exit 1 when any check failed), small waiting helpers.
 *
 * These scripts run the *built* service (dist/, made by `npm run build`), as production does:
 * separate processes, real PostgreSQL, s3rver speaking the MinIO protocol, local receivers.
 */
'use strict';
const { existsSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');

const REPO = join(__dirname, '..', '..', '..');
const DIST = join(REPO, 'dist');
const API_MAIN = join(DIST, 'apps/api/src/main.js');
const WORKER_MAIN = join(DIST, 'apps/worker/src/main.js');

/** Exits with a clear message when the build is missing (CI runs `npm run build` before these scripts). */
function requireDist() {
  const missing = [API_MAIN, WORKER_MAIN].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.error(`The built service is missing (${missing.map((p) => p.slice(REPO.length + 1)).join(', ')}).`);
    console.error('Build it first: npm run build (or npm run build:api); these scripts never build.');
    process.exit(1);
  }
}

function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...args);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a truthy value; the bound turns a hang into a readable failure. */
async function waitFor(what, probe, { timeoutMs = 60_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError = null;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError.message ?? lastError}` : ''}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: every started resource registers its undo; they run in reverse order on success,
// failure, Ctrl-C or SIGTERM. Child processes are also SIGKILLed synchronously on exit as a last resort.

const cleanups = [];
const liveChildren = new Set();

function onCleanup(name, fn) {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

let cleaning = null;

/** Runs every registered cleanup once, newest first; concurrent callers (a failure and a signal) share the one run. */
function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { name, fn } = cleanups.pop();
      try {
        await Promise.race([fn(), sleep(30_000).then(() => Promise.reject(new Error('timed out after 30 s')))]);
      } catch (error) {
        console.error(`cleanup "${name}" failed: ${error?.message ?? error}`);
      }
    }
  })();
  return cleaning;
}

process.on('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Checks: each one a row of the final table; any failure makes the script exit 1.

const checks = [];

/**
 * Records a check. `expected` and `actual` are printed; `ok` decides (default: actual === expected).
 * Returns ok, so callers may branch on it.
 */
function check(section, name, actual, expected, ok = actual === expected) {
  checks.push({ section, name, expected, actual, ok: Boolean(ok) });
  if (!ok) log(`CHECK FAILED [${section}] ${name}: expected ${fmt(expected)}, got ${fmt(actual)}`);
  return Boolean(ok);
}

function fmt(v) {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Prints rows (arrays) under a header; numbers right-aligned. */
function printTable(title, header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => fmt(c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r, raw) => r.map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(`\n${title}`);
  console.log(line(cells[0], header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r, k) => console.log(line(cells[k + 1], r)));
}

function printChecks(title) {
  printTable(
    title,
    ['section', 'check', 'expected', 'actual', 'result'],
    checks.map((c) => [c.section, c.name, c.expected, c.actual, c.ok ? 'ok' : 'FAIL']),
  );
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\n${checks.length - failed} of ${checks.length} checks passed${failed ? `; ${failed} FAILED` : ''}`);
  return failed;
}

/**
 * Runs `main`, then the cleanups, prints the checks and exits: 0 when main succeeded and every
 * check passed, 1 otherwise. SIGINT/SIGTERM to the script run the cleanups too.
 */
function runScript(title, main) {
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: cleaning up`);
    runCleanups().finally(() => process.exit(1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const started = Date.now();
  main().then(
    async () => {
      await runCleanups();
      const failed = printChecks(title);
      log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
      process.exit(failed > 0 || checks.length === 0 ? 1 : 0);
    },
    async (error) => {
      console.error(`\n${title}: aborted: ${error?.stack ?? error}`);
      await runCleanups();
      printChecks(`${title} (aborted)`);
      process.exit(1);
    },
  );
}

module.exports = { REPO, DIST, API_MAIN, WORKER_MAIN, requireDist, log, freePort, waitFor, sleep, onCleanup, liveChildren, check, printTable, runScript };
