/**
 * libs/indicators is pure: its own files and Vietnamese civil time from the pure calendar library
 * only (no framework, no database, no I/O; lint's layers rule enforces the same for every pure
 * library), and no reading of the clock (`Date.now()`, `new Date()` without arguments), so that a
 * report depends only on its inputs.
 */
const ALLOWED = /^(\.\/|@motcua\/calendar\/vietnam-time$)/;
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = __dirname;
const sources = readdirSync(SRC).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));

describe('libs/indicators is pure', () => {
  it('has sources to check', () => {
    expect(sources).toContain('index.ts');
  });

  it.each(sources)('%s imports only its own modules and civil time, and does not read the clock', (name) => {
    const text = readFileSync(join(SRC, name), 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (m) => m[1] ?? m[2] ?? m[3],
    );
    expect(specifiers.filter((s) => !ALLOWED.test(s))).toEqual([]);
    expect(text).not.toMatch(/Date\.now\(|new Date\(\s*\)|Math\.random\(|process\./);
  });
});
