/**
 * `npm run docs:settings`: writes README's and docs/deploy.md's settings tables from
 * config/settings-reference.ts. `--check` only reports (exit 1) when a file differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deploySettingsTable, readmeSettingsTable, withSettingsTable } from '../config/settings-reference';

const root = join(__dirname, '..');
const targets = [
  { file: join(root, 'README.md'), table: readmeSettingsTable() },
  { file: join(root, 'docs', 'deploy.md'), table: deploySettingsTable() },
];
let stale = 0;
for (const { file, table } of targets) {
  const text = readFileSync(file, 'utf8');
  const next = withSettingsTable(text, table);
  if (next === text) continue;
  stale++;
  if (process.argv.includes('--check')) console.error(`${file}: the settings table differs from config/settings-reference.ts (npm run docs:settings)`);
  else writeFileSync(file, next);
}
if (process.argv.includes('--check') && stale > 0) process.exit(1);
