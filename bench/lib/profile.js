/**
 * Summary of a V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler): where the busy time of the API child went,
 * by function (self time) and by package or service folder (self, and inclusive: time with
 * any frame of that package on the stack). Idle time is left out of the percentages.
 *
 *   node bench/lib/profile.js bench/profiles/CPU.….cpuprofile     (prints the same tables)
 */
const { mkdirSync, readFileSync } = require('node:fs');
const { join, sep } = require('node:path');
const { round } = require('./common');

const REPO = join(__dirname, '..', '..');

/** Which package or part of the service a frame's script belongs to (null: the harness's own wrapper, transparent). */
function areaOf(url, functionName) {
  if (url.endsWith('bench/lib/child-control.js')) return null;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf(`${sep}node_modules${sep}`);
  if (nm >= 0) {
    const parts = path.slice(nm + 14).split(sep);
    return `npm:${parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  if (path.startsWith('node:')) return 'node internals';
  const dist = path.indexOf(`${sep}dist${sep}`);
  if (dist >= 0) {
    const parts = path.slice(dist + 6).split(sep);
    if (parts[0] === 'apps' && parts[1] === 'api') return `service:${parts[3]?.replace(/\.js$/, '') ?? '?'}`;
    if (parts[0] === 'libs') return `lib:${parts[1]}`;
    return `service:${parts[0]}`;
  }
  return path.startsWith(REPO) ? `repo:${path.slice(REPO.length + 1)}` : path;
}

function summarise(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const areaSelf = new Map();
  const areaIncl = new Map();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] / 1000; // µs → ms
    const n = nodes.get(id);
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const key = `${functionName || '(anonymous)'}  ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    const area = areaOf(url, functionName) ?? 'bench instrumentation';
    areaSelf.set(area, (areaSelf.get(area) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodes.get(cur).callFrame;
      const a = areaOf(f.url, f.functionName);
      if (a && !a.startsWith('(') && !seen.has(a)) {
        seen.add(a);
        areaIncl.set(a, (areaIncl.get(a) ?? 0) + dt);
      }
    }
  });
  const pct = (ms) => Math.round((1000 * ms) / busy) / 10;
  const sorted = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    file,
    busyMs: Math.round(busy),
    idleMs: Math.round(idle),
    topSelf: sorted(self)
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms: Math.round(ms), pct: pct(ms) })),
    areas: sorted(areaSelf)
      .slice(0, top)
      .map(([area, ms]) => ({ area, selfPct: pct(ms), inclusivePct: pct(areaIncl.get(area) ?? ms) })),
    inclusive: sorted(areaIncl)
      .slice(0, top)
      .map(([area, ms]) => ({ area, inclusivePct: pct(ms), selfPct: pct(areaSelf.get(area) ?? 0) })),
  };
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) return path.slice(nm + 13);
  return path.startsWith(REPO) ? path.slice(REPO.length + 1) : path;
}

function printSummary(s, title = 'CPU profile of the API child') {
  console.log(`\n${title}: ${s.file}\nbusy ${s.busyMs} ms, idle ${s.idleMs} ms (percentages of busy time)`);
  console.log('\nBy package or service folder — inclusive % (on the stack) / self %');
  for (const a of s.inclusive) console.log(`  ${String(a.inclusivePct).padStart(5)} / ${String(a.selfPct).padStart(5)}  ${a.area}`);
  console.log('\nBy function — self %');
  for (const f of s.topSelf) console.log(`  ${String(f.pct).padStart(5)}  ${f.fn}`);
}

/**
 * Profiles the API child (bench/lib/api.js, started with `instrument`) from now until `stop`,
 * and counts the SQL statements it sends meanwhile. `stop(name, units, unit)` writes
 * bench/profiles/<name>.cpuprofile, prints the summary and the statements per unit of work
 * (a transition, a lifecycle, a query), and returns both.
 */
async function startDiagnosis(api) {
  const dir = join(__dirname, '..', 'profiles');
  mkdirSync(dir, { recursive: true });
  const before = await api.statementCounts();
  await api.profileStart();
  return {
    async stop(name, units, unit) {
      const path = join(dir, `${name}.cpuprofile`);
      await api.profileStop(path);
      const after = await api.statementCounts();
      const perUnit = {};
      for (const [k, v] of Object.entries(after)) {
        const n = v.n - (before[k]?.n ?? 0);
        // maxMs is the slowest single statement since the child started (not only in this window).
        if (n > 0) perUnit[k] = { count: round(n / units), ms: round((v.ms - (before[k]?.ms ?? 0)) / units, 3), slowestMs: round(v.maxMs, 1) };
      }
      const s = summarise(path, 20);
      printSummary(s, `CPU profile of the API child, ${name}`);
      console.log(`SQL statements per ${unit} (count, ms spent in them per ${unit}, slowest single one since start):`);
      for (const [k, v] of Object.entries(perUnit)) console.log(`  ${String(v.count).padStart(6)}  ${String(v.ms).padStart(8)} ms  ${String(v.slowestMs).padStart(8)} ms  ${k}`);
      return { ...s, unit, sqlStatementsPerUnit: perUnit };
    },
  };
}

module.exports = { summarise, printSummary, startDiagnosis };

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/lib/profile.js <file.cpuprofile>');
    process.exit(1);
  }
  printSummary(summarise(file));
}
