// Lint enforces the layers of the repository; `npm run lint` is part of `npm test`. The rule
// `motcua/layers` (scripts/eslint-layers.js) checks resolved paths; `no-restricted-imports` bans
// packages. Type-free parsing on purpose: typechecking is tsc's job, lint stays fast on two cores.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint-layers.js';

const TEST_FILES = ['**/*.spec.ts', '**/*.spec.tsx', '**/testing/**', '**/test-support/**', '**/*.fixture*.ts'];

const NO_NEST = { group: ['@nestjs/*'], message: 'libs/ are framework-free: the Nest adapter lives in apps/api.' };
const NO_TEST_HARNESS = { group: ['@motcua/*/testing'], message: 'A test-only entry point: production code never loads it.' };
// The rules' libraries are pure TypeScript: no framework, database or I/O, only each other and xstate.
const PURE_LIBS = ['workflow', 'calendar', 'catalogue', 'deadlines', 'indicators', 'text'];
const ONLY_PURE = {
  regex: '^(?!\\.\\.?/|xstate(/graph)?$|@motcua/(workflow(/vocabulary)?|calendar(/vietnam-time)?)$)',
  message: 'A pure library imports only its own files, @motcua/workflow, @motcua/calendar and xstate.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig(
  { ignores: ['dist/**', 'coverage/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { motcua: { rules: { layers: layers.rule } }, '@typescript-eslint': tseslint.plugin },
    // require() escapes the import checks above and the typecheck.
    rules: { 'motcua/layers': 'error', '@typescript-eslint/no-require-imports': 'error' },
  },
  // Later blocks replace the options of earlier ones for the files they match: each lists all its bans.
  { files: ['apps/**/*.ts', 'config/**/*.ts'], ignores: TEST_FILES, rules: restrict(NO_TEST_HARNESS) },
  { files: ['libs/**/*.ts'], rules: restrict(NO_NEST) },
  { files: ['libs/**/*.ts'], ignores: TEST_FILES, rules: restrict(NO_NEST, NO_TEST_HARNESS) },
  { files: PURE_LIBS.map((lib) => `libs/${lib}/src/**/*.ts`), ignores: TEST_FILES, rules: restrict(NO_NEST, NO_TEST_HARNESS, ONLY_PURE) },
);
