/**
 * Small helpers shared by the benchmarks: environment knobs, statistics, the results file,
 * tables. No dependency on the built service.
 */
const { existsSync, readFileSync, writeFileSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const BENCH_DIR = join(__dirname, '..');
const DIST = join(BENCH_DIR, '..', 'dist');
const RESULTS_FILE = join(BENCH_DIR, 'results.json');

/** Exits with the build hint when dist/ lacks the API (every benchmark runs the built service). */
function requireBuild() {
  if (!existsSync(join(DIST, 'apps/api/src/main.js'))) {
    console.error('Build first: npm run build:api');
    process.exit(1);
  }
}

function envNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number (got "${raw}")`);
  return n;
}

function envList(name, fallback) {
  const raw = process.env[name];
  return (raw === undefined || raw.trim() === '' ? fallback : raw)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Order statistics of a list of milliseconds (nearest-rank percentiles). */
function stats(ms) {
  if (ms.length === 0) return { n: 0, min: null, p50: null, p95: null, p99: null, max: null, mean: null };
  const s = Float64Array.from(ms).sort();
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  let sum = 0;
  for (const x of s) sum += x;
  return { n: s.length, min: round(s[0]), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s[s.length - 1]), mean: round(sum / s.length) };
}

function round(x, digits = 2) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x ?? null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** a / b rounded, or null when either side is missing (a failed phase must not print a ratio). */
function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? round(a / b) : null;
}

/**
 * Merges one benchmark's section into bench/results.json. Read-modify-write right before
 * writing, and through a rename, because the benchmarks run one after another and each
 * keeps the others' sections (bench/indicators-report.js does the same for its own).
 */
function writeSection(name, section) {
  const all = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
  all[name] = { measuredAt: new Date().toISOString(), ...section };
  const tmp = `${RESULTS_FILE}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(all, null, 2) + '\n');
  renameSync(tmp, RESULTS_FILE);
}

function readResults() {
  return existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
}

/** Prints rows (arrays) under a header, columns padded to their widest cell; numbers right-aligned. */
function printTable(title, header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r, raw) =>
    r.map((c, i) => (typeof raw[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  console.log(`\n${title}`);
  console.log(line(cells[0], header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r, k) => console.log(line(cells[k + 1], r)));
}

function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...args);
}

/**
 * Runs `main` and exits: 0 on success, 1 with the error printed. Each main cleans up (child API,
 * throwaway databases) in its own `finally`; the explicit exit stops lingering pool timers.
 */
function runMain(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

module.exports = { DIST, requireBuild, envNumber, envList, stats, round, ratio, writeSection, readResults, printTable, log, runMain };
