/**
 * The library's two flavours, built from one source. lib/ imports `cdktf`, `constructs` and
 * `@cdktf/provider-azurerm/lib/<resource>`; the cdktn flavour is the same code with those module specifiers
 * renamed (at build time for the package, at resolve time for its tests). Nothing in lib/ knows which
 * flavour it is. Used by scripts/build-flavour.js, flavours/cdktn/jest.config.js, flavours/cdktn/register.js
 * and the tests (through index.d.ts). See flavours/README.md.
 */
const { readFileSync } = require('fs');
const { join } = require('path');

const ROOT = join(__dirname, '..');
const ROOT_MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The specifiers lib/ and the tests write, and how the cdktn flavour names each: package root, then subpath. */
const CDKTN_RENAMES = [
  ['cdktf', 'cdktn'],
  ['@cdktf/provider-azurerm', '@cdktn/provider-azurerm'],
];

/** `name` or `name/<subpath>` of a package, split; undefined for other specifiers. */
function splitSpecifier(specifier, name) {
  if (specifier === name) return '';
  if (specifier.startsWith(`${name}/`)) return specifier.slice(name.length);
  return undefined;
}

/** Renames a module specifier by a table of [from, to] package names; others are returned as they are. */
function renameWith(renames) {
  return (specifier) => {
    for (const [from, to] of renames) {
      const rest = splitSpecifier(specifier, from);
      if (rest !== undefined) return `${to}${rest}`;
    }
    return specifier;
  };
}

// require("x"), import("x"), from "x", import "x": the forms tsc emits in .js and .d.ts files.
const SPECIFIER = /(\brequire\(\s*|\bimport\(\s*|\bfrom\s+|\bimport\s+)(['"])([^'"\n]+)\2/g;

/** Rewrites every module specifier in JavaScript or TypeScript source with `rename`. */
function rewriteImports(source, rename) {
  return source.replace(SPECIFIER, (all, before, quote, specifier) => {
    const renamed = rename(specifier);
    return renamed === specifier ? all : `${before}${quote}${renamed}${quote}`;
  });
}

const cdktf = {
  name: 'cdktf',
  packageName: ROOT_MANIFEST.name,
  description: ROOT_MANIFEST.description,
  // The cdktf flavour is the repo itself: its peers are the repo's dev dependencies.
  nodeModules: join(ROOT, 'node_modules'),
  peerDependencies: ROOT_MANIFEST.peerDependencies,
  corePackage: 'cdktf',
  providerPackage: '@cdktf/provider-azurerm',
  azurermSchemaVersion: '4.55.0',
  tsconfig: join(ROOT, 'tsconfig.build.json'),
  renameSpecifier: (specifier) => specifier,
  cdktfOnlyTests: {},
};

const cdktn = {
  name: 'cdktn',
  packageName: 'cdktn-azure-private-batch',
  description:
    'CDK Terrain (cdktn) constructs for private Azure Batch accounts: private endpoints, private DNS and connection approvals',
  // Installed by `npm ci --prefix flavours/cdktn` from its own lockfile, so the root lockfile stays cdktf's.
  nodeModules: join(__dirname, 'cdktn', 'node_modules'),
  peerDependencies: {
    '@cdktn/provider-azurerm': '^16.1.0',
    cdktn: '^0.24.0',
    // cdktn 0.24 asks for constructs >=10.6.0 <10.8.0.
    constructs: '>=10.6.0 <10.8.0',
  },
  corePackage: 'cdktn',
  providerPackage: '@cdktn/provider-azurerm',
  // The nearest azurerm schema world/schemas has to the 4.73.0 that @cdktn/provider-azurerm 16.1.0 binds.
  azurermSchemaVersion: '4.74.0',
  tsconfig: join(__dirname, 'cdktn', 'tsconfig.build.json'),
  readmeHeader: join(__dirname, 'cdktn', 'README-header.md'),
  keywords: ['cdk-terrain'],
  renameSpecifier: renameWith([...CDKTN_RENAMES, [ROOT_MANIFEST.name, 'cdktn-azure-private-batch']]),
  /**
   * Test files that `npm run test:cdktn` leaves out, each with the reason. Every other test file runs on
   * both flavours, including those added later; scripts/compare-flavours.js checks the counts in CI.
   */
  cdktfOnlyTests: {
    '__tests__/world/config-stories.test.ts':
      'the shipped configs synthesize to the same JSON on cdktn (the example snapshot, checked in both runs) and validate and plan against azurerm 4.74 there (terraform-shipped-stacks); playing their applies again only re-runs the world',
    '__tests__/world/simulate.test.ts': 'the same JSON as on cdktf (see config-stories), played by the same world',
    '__tests__/api-report.test.ts':
      'it builds the declarations with the root tsconfig (cdktf\'s types) in a child process, the same work in both runs; the cdktn package\'s own declarations are type-checked by consumer-package',
    '__tests__/world/plugin-host.test.ts':
      'the plugin host serves Terraform, not the library: no flavour\'s code runs in it (the cdktn run uses the host through every Terraform suite)',
    '__tests__/world/plugin-apply.test.ts':
      'the plugins under terraform apply with a test engine: hand-written stacks, no flavour\'s code',
    '__tests__/world/hub-safety-stories.test.ts':
      'the same JSON as on cdktf (see config-stories); the stories are about Azure\'s rules, not the flavour',
  },
};

const FLAVOURS = { cdktf, cdktn };

/** The flavour named by PRIVATE_BATCH_FLAVOUR (cdktf when unset), as set by `npm run test:cdktn`. */
function currentFlavour() {
  const name = process.env.PRIVATE_BATCH_FLAVOUR || 'cdktf';
  const flavour = FLAVOURS[name];
  if (!flavour) throw new Error(`PRIVATE_BATCH_FLAVOUR=${name}: expected one of ${Object.keys(FLAVOURS).join(', ')}`);
  return flavour;
}

/** The packages lib/ imports that each flavour installs, as lib/ names them and as the flavour does. */
const peerNames = (flavour) => [
  ['cdktf', flavour.corePackage],
  ['@cdktf/provider-azurerm', flavour.providerPackage],
  ['constructs', 'constructs'],
];

/**
 * Where a specifier that lib/ or a test writes (`cdktf`, `cdktf/<path>`, `@cdktf/provider-azurerm/<path>`,
 * `constructs`) resolves in `flavour`: an absolute path into the flavour's node_modules, so that one copy of the
 * core, the provider and constructs is loaded. Undefined for any other specifier.
 */
function resolveInFlavour(flavour, specifier) {
  for (const [written, installed] of peerNames(flavour)) {
    const rest = splitSpecifier(specifier, written);
    if (rest !== undefined) return join(flavour.nodeModules, installed) + rest;
  }
  return undefined;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** jest's `moduleNameMapper` that does inside jest what resolveInFlavour does for Node. */
function jestModuleNameMapper(flavour) {
  return Object.fromEntries(
    peerNames(flavour).map(([written, installed]) => [`^${escapeRegExp(written)}(/.*)?$`, `${join(flavour.nodeModules, installed)}$1`]),
  );
}

module.exports = { FLAVOURS, ROOT, currentFlavour, escapeRegExp, jestModuleNameMapper, resolveInFlavour, rewriteImports };
