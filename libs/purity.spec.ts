import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workflow machine, the working-day calendar and the catalogue rules are pure
 * TypeScript: no framework, no database, no I/O. This enforces it, instead of
 * relying on reviewers to remember.
 */
const PURE_LIBS = ['workflow', 'calendar', 'catalogue', 'deadlines', 'indicators'];
const ALLOWED = [/^\.\.?\//, /^xstate(\/graph)?$/, /^\.\.\/\.\.\/(workflow|calendar)\/src(\/|$)/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('pure libraries import nothing but each other and xstate', () => {
  for (const lib of PURE_LIBS) {
    it(`libs/${lib}`, () => {
      const offending: string[] = [];
      for (const file of sources(join(__dirname, lib, 'src'))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
          const specifier = match[1] ?? match[2];
          if (!ALLOWED.some((re) => re.test(specifier))) offending.push(`${file}: ${specifier}`);
        }
      }
      expect(offending).toEqual([]);
    });
  }
});
