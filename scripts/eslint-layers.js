/**
 * ESLint rule `motcua/layers`: which part of the repository may import which, decided on the
 * resolved path (relative imports and tsconfig aliases alike), so `../../apps/x` and `@config/x`
 * are caught the same way. The layers (README, "Layers"):
 *  - libs/ are framework-free rules: never apps/ or config/ (a spec may read config/'s data files);
 *  - migrations/ are frozen history: never apps/, libs/ or config/, which change after shipping;
 *  - a library is entered through a public entry point only, an alias of tsconfig.paths.json
 *    (`@motcua/workflow`, `@motcua/storage/testing`, …), never a file behind it; so is an app
 *    from another app (`@motcua/api` for the worker); tests may reach into the apps;
 *  - between libraries and into other apps, the alias, not a relative path.
 * Packages (`@nestjs/*` in libs/) are banned with `no-restricted-imports` in eslint.config.mjs.
 */
'use strict';
const { dirname, relative, resolve, sep } = require('node:path');
const { ROOT, pathAliases } = require('./path-aliases');

const ALIASES = pathAliases();
/** Repository-relative paths of the public entry points, e.g. `libs/workflow/src`, `apps/api/src/public-api`. */
const ENTRY_POINTS = new Set(ALIASES.filter((a) => !a.alias.endsWith('/*')).map((a) => a.target));

const toPosix = (p) => p.split(sep).join('/');
/** `libs/workflow/src/index.ts` and `libs/workflow/src` name the same module. */
const normalise = (p) => p.replace(/\.(d\.)?[cm]?[jt]sx?$/, '').replace(/\/index$/, '');

/** Repository-relative target of an import, or null for a package. */
function resolveTarget(specifier, fromFile) {
  if (specifier.startsWith('.')) return normalise(toPosix(relative(ROOT, resolve(dirname(fromFile), specifier))));
  for (const { alias, target } of ALIASES) {
    if (alias.endsWith('/*') && specifier.startsWith(alias.slice(0, -1))) return normalise(target.slice(0, -1) + specifier.slice(alias.length - 1));
    if (specifier === alias) return normalise(target);
  }
  // `@motcua/workflow/src/decide`: no such entry point, so a file behind one.
  if (specifier.startsWith('@motcua/')) return `libs/${specifier.slice('@motcua/'.length)}`;
  return null;
}

/** `libs/workflow/…` → `libs/workflow`; `apps/api/…` → `apps/api`; `config/…` → `config`. */
function unitOf(path) {
  const [top, name] = path.split('/');
  return top === 'libs' || top === 'apps' ? `${top}/${name}` : top;
}

/** The message id of the first layer rule the import breaks, or null. */
function violation(fromPath, specifier, target) {
  const fromUnit = unitOf(fromPath);
  const toUnit = unitOf(target);
  const [fromTop] = fromPath.split('/');
  const [toTop] = target.split('/');
  const isSpec = /\.spec\.tsx?$/.test(fromPath);
  if (fromTop === 'libs' && toTop === 'apps') return 'libToApp';
  if (fromTop === 'libs' && toTop === 'config' && !isSpec) return 'libToConfig';
  if (fromTop === 'migrations' && (toTop === 'apps' || toTop === 'libs' || toTop === 'config')) return 'migrationToCode';
  if (fromUnit === toUnit || (toTop !== 'libs' && toTop !== 'apps')) return null;
  // Tests and benchmarks are white-box for the apps (not for the libraries: those have test entries).
  if (toTop === 'apps' && fromTop !== 'apps') return null;
  if (!ENTRY_POINTS.has(target)) return 'deepImport';
  if (specifier.startsWith('.') && fromTop !== 'test' && fromTop !== 'bench') return 'relativeToOtherUnit';
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of the repository (libs, apps, config, migrations) and enter units through their public entry points.' },
    schema: [],
    messages: {
      libToApp: 'libs/ are framework-free rules and never import apps/ ("{{specifier}}").',
      libToConfig: 'libs/ never import config/ ("{{specifier}}"); the caller passes configuration in.',
      migrationToCode: 'A shipped migration must not change when code changes: no imports from apps/, libs/ or config/ ("{{specifier}}"); inline what it needs.',
      deepImport: '"{{specifier}}" reaches past the public entry of {{unit}}: import its alias from tsconfig.paths.json (index.ts), or export what you need there.',
      relativeToOtherUnit: '"{{specifier}}" enters {{unit}} by a relative path: import its alias from tsconfig.paths.json.',
    },
  },
  create(context) {
    const fromFile = context.filename;
    const fromPath = toPosix(relative(ROOT, fromFile));
    if (fromPath.startsWith('..')) return {};
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      const target = resolveTarget(specifier, fromFile);
      if (target === null) return;
      const messageId = violation(fromPath, specifier, target);
      if (messageId) context.report({ node: source, messageId, data: { specifier, unit: unitOf(target) } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, node.arguments[0]);
      },
    };
  },
};

module.exports = { rule };
