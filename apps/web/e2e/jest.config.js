// The web app's browser test: npx jest -c apps/web/e2e/jest.config.js
// It builds dist/web, starts the API (dist/apps/api, built by `npm run build` when missing)
// and drives headless Chromium; skipped with a message when /usr/bin/chromium is absent.
module.exports = {
  rootDir: __dirname,
  displayName: 'web-e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' },
    ],
  },
  testTimeout: 180000,
  maxWorkers: 1,
};
