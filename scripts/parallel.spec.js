'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { runAll } = require('./parallel');

const node = (code, label) => [process.execPath, ['-e', code], label];

describe('runAll (scripts/parallel.js)', () => {
  it('runs the commands at the same time, keeps each one’s output whole and reports every exit code', async () => {
    // Each waits until the other has started: run one after the other, the first would never end.
    const dir = mkdtempSync(join(tmpdir(), 'parallel-'));
    const waitFor = (mine, other) =>
      `const fs=require('fs');fs.writeFileSync(${JSON.stringify(`${dir}/`)}+${JSON.stringify(mine)},'');` +
      `const t=setInterval(()=>{if(fs.existsSync(${JSON.stringify(`${dir}/`)}+${JSON.stringify(other)})){clearInterval(t);console.log('${mine} saw ${other}');console.error('${mine} done');}},10);`;
    const reported = [];
    const results = await runAll([node(waitFor('a', 'b'), 'a'), node(waitFor('b', 'a'), 'b'), node('process.exit(3)', 'c')], {
      limit: 2,
      report: (r) => reported.push(r.label),
    });
    expect(results.map((r) => [r.label, r.code])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 3],
    ]);
    expect(results[0].output).toBe('a saw b\na done\n');
    expect(reported.sort()).toEqual(['a', 'b', 'c']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts no more than `limit` commands at once', async () => {
    // With one lane the second command starts after the first ended, so it sees the first's mark.
    const dir = mkdtempSync(join(tmpdir(), 'parallel-'));
    const mark = `${dir}/first`;
    const results = await runAll(
      [node(`require('fs').writeFileSync(${JSON.stringify(mark)},'')`, 'first'), node(`console.log(require('fs').existsSync(${JSON.stringify(mark)}))`, 'second')],
      { limit: 1 },
    );
    expect(results[1].output).toBe('true\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a command that cannot start as failed', async () => {
    const [result] = await runAll([['/nonexistent/command', [], 'missing']]);
    expect(result.code).not.toBe(0);
  });
});
