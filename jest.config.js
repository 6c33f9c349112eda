// Three tiers, one switch: unit specs sit next to the code in libs/ and apps/;
// integration and e2e specs live in test/ and run against a real database
// (SQLite by default, PostgreSQL when DATABASE_URL is set).
const { availableParallelism } = require('node:os');
const { jestModuleNameMapper } = require('./scripts/path-aliases');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
// The aliases of tsconfig.paths.json, the one list (tsc, tsc-alias, Vite and lint read it too).
const moduleNameMapper = jestModuleNameMapper();
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };
const swcTsx = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// The pure libraries that carry the rules, with the share of their lines their own specs must run.
const CORE_LIBRARIES = { calendar: 95, workflow: 95, deadlines: 95, catalogue: 90, indicators: 95, text: 95 };
const coreSpecs = Object.keys(CORE_LIBRARIES).map((name) => `<rootDir>/libs/${name}/src/**/*.spec.ts`);

module.exports = {
  projects: [
    // The core libraries' specs: `npm run test:unit` runs them with coverage, alone (see coverageThreshold).
    { ...common, displayName: 'core', testMatch: coreSpecs },
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/api/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.js', '<rootDir>/scripts/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...Object.keys(CORE_LIBRARIES).map((name) => `<rootDir>/libs/${name}/`)],
    },
    // Component tests of the web application, in jsdom.
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.tsx?$': swcTsx },
      testMatch: ['<rootDir>/apps/web/src/**/*.spec.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/apps/web/test/setup.ts'],
      moduleNameMapper: { '\\.(css)$': '<rootDir>/apps/web/test/style-stub.js', ...moduleNameMapper },
    },
    // The database tiers run in parallel workers: each file owns its database.
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // One migrated and seeded template database per run; each file starts from a copy of it.
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
    },
  ],
  // One and a half workers per core unless told otherwise (`npm run test:unit` says 100%): the database
  // tiers' files also wait on child processes, timers and the database, and on 2 cores 3 workers ran
  // them in 143 s where 2 took 167 s (4: 147 s). jest reads a percentage above 100 as a count.
  maxWorkers: Math.max(2, Math.floor(availableParallelism() * 1.5)),
  // Only turns a hang into a failure: booting the whole application takes seconds on a loaded machine.
  testTimeout: 30_000,
  // The core libraries carry the rules: each one's line coverage by its own specs is part of the suite's
  // contract. Coverage is collected in a jest run of the `core` project alone: V8's block coverage slowed
  // every other spec too (the unit tier took 113 s with it, 49 s without), and it slowed the web tier's
  // React rendering by about a quarter.
  coverageProvider: 'v8',
  collectCoverageFrom: [`libs/{${Object.keys(CORE_LIBRARIES).join(',')}}/src/**/*.ts`, '!libs/**/*.spec.ts', '!libs/**/*.fixture*.ts', '!libs/**/index.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: Object.fromEntries(Object.entries(CORE_LIBRARIES).map(([name, lines]) => [`./libs/${name}/src/`, { lines }])),
};
