/**
 * `npm run api:contract`: writes the API's response schemas (from the handlers' return types) to
 * apps/api/src/openapi/response-schemas.generated.json. The web app's types are then generated from
 * the served document by test/e2e/api-contract.e2e-spec.ts (`UPDATE_API_CONTRACT=1`), which also
 * fails the suite when either generated file is stale. `--check` only reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateResponseSchemas } from './openapi/response-schemas';

const root = join(__dirname, '..');
const target = join(root, 'apps', 'api', 'src', 'openapi', 'response-schemas.generated.json');
const text = `${JSON.stringify(generateResponseSchemas(root), null, 1)}\n`;
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // first run
}
if (current === text) process.exit(0);
if (process.argv.includes('--check')) {
  console.error(`${target} is stale: run npm run api:contract`);
  process.exit(1);
}
writeFileSync(target, text);
