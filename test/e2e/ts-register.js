/**
 * `node -r ./test/e2e/ts-register.js apps/api/src/main.ts` runs the API from its TypeScript
 * sources, compiled file by file with swc as Jest does, so that process-level tests exercise
 * the current code without an `npm run build` (dist/ may be stale). Maps the tsconfig paths
 * `@motcua/<lib>` and `@config/*` the way jest.config.js does.
 */
'use strict';
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const ROOT = join(__dirname, '..', '..');
const LIB = /^@motcua\/([a-z-]+)$/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lib = LIB.exec(request);
  if (lib) request = join(ROOT, 'libs', lib[1], 'src');
  else if (request.startsWith('@config/')) request = join(ROOT, 'config', request.slice('@config/'.length));
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
