// The OpenAPI fuzz test: npm run test:fuzz (DATABASE_URL=postgres://… for PostgreSQL).
// Not part of `npm test`: it sends thousands of requests (.ci/run runs it on both dialects).
const base = require('../../jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  ...e2e,
  rootDir: '../..',
  displayName: 'fuzz',
  testMatch: ['<rootDir>/test/fuzz/**/*.fuzz-spec.ts'],
  testTimeout: 15 * 60_000,
};
