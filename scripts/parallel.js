#!/usr/bin/env node
/**
 * `node scripts/parallel.js <npm script>…`: runs the named npm scripts at the same time, at most one
 * per core, and fails when any of them fails. `npm test` runs the typechecks and lint through it:
 * each is one single-threaded process, so one after the other they left a core idle for about a minute.
 * Each script's output is held and printed whole when it ends, so that logs do not interleave.
 */
'use strict';
const { spawn } = require('node:child_process');
const { availableParallelism } = require('node:os');

/**
 * Runs `commands` (each `[file, args]`) with at most `limit` at once; resolves to their results in
 * the given order, each printed by `report` as soon as it ends.
 */
async function runAll(commands, { limit = availableParallelism(), report = () => {} } = {}) {
  const results = new Array(commands.length);
  let next = 0;
  async function lane() {
    while (next < commands.length) {
      const index = next++;
      const [file, args, label = [file, ...args].join(' ')] = commands[index];
      const started = Date.now();
      const { code, output } = await run(file, args);
      results[index] = { label, code, output, seconds: (Date.now() - started) / 1000 };
      report(results[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, commands.length)) }, lane));
  return results;
}

function run(file, args) {
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.once('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

async function main(names) {
  if (names.length === 0) {
    console.error('Usage: node scripts/parallel.js <npm script>…');
    return 2;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const results = await runAll(
    names.map((name) => [npm, ['run', name], name]),
    {
      report: ({ label, code, output, seconds }) => {
        process.stdout.write(`> ${label}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s\n${output}`);
      },
    },
  );
  const failed = results.filter((r) => r.code !== 0).map((r) => r.label);
  if (failed.length > 0) console.error(`Failed: ${failed.join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

module.exports = { runAll };
