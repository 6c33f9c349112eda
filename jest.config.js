// Three tiers, one switch: unit specs sit next to the code in libs/ and apps/;
// integration and e2e specs live in test/ and run against a real database
// (SQLite by default, PostgreSQL when DATABASE_URL is set).
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
const moduleNameMapper = {
  '^@motcua/(workflow|calendar|catalogue|persistence|deadlines)$': '<rootDir>/libs/$1/src',
  '^@config/(.*)$': '<rootDir>/config/$1',
};
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/config/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
  // The pure libraries carry the rules: their coverage is part of the suite's contract.
  coverageProvider: 'v8',
  collectCoverageFrom: ['libs/*/src/**/*.ts', '!libs/**/*.spec.ts', '!libs/**/*.fixture*.ts', '!libs/**/index.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: {
    './libs/calendar/src/': { lines: 95 },
    './libs/workflow/src/': { lines: 95 },
    './libs/deadlines/src/': { lines: 95 },
    './libs/catalogue/src/': { lines: 90 },
  },
};
