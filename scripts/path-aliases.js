/**
 * Reads the path aliases of tsconfig.paths.json (the one list) for the tools that do not read
 * tsconfig themselves: Jest's moduleNameMapper and the layer rules of eslint.config.mjs.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

/** `[{ alias: '@motcua/workflow', target: 'libs/workflow/src' }, { alias: '@config/*', target: 'config/*' }, …]` */
function pathAliases() {
  // JSON with comments: drop the whole-line `//` comments before parsing.
  const text = readFileSync(join(ROOT, 'tsconfig.paths.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const paths = JSON.parse(text).compilerOptions.paths;
  return Object.entries(paths).map(([alias, [target]]) => ({ alias, target: target.replace(/^\.\//, '') }));
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Jest's moduleNameMapper for the same aliases, targets under `<rootDir>`. */
function jestModuleNameMapper() {
  const mapper = {};
  for (const { alias, target } of pathAliases()) {
    if (alias.endsWith('/*')) mapper[`^${escape(alias.slice(0, -1))}(.*)$`] = `<rootDir>/${target.slice(0, -1)}$1`;
    else mapper[`^${escape(alias)}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

module.exports = { ROOT, pathAliases, jestModuleNameMapper };
