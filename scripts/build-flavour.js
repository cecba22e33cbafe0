#!/usr/bin/env node
/**
 * node scripts/build-flavour.js <cdktf|cdktn> <folder>: writes a complete npm package of one flavour into
 * <folder> (dist/*.js and *.d.ts, package.json, README.md, CHANGELOG.md, LICENSE), ready for `npm pack <folder>`.
 * `npm run build:cdktn` writes dist-cdktn/ this way; the consumer test builds each flavour into a temp folder.
 *
 * Both flavours compile lib/ once with tsc. The cdktn flavour type-checks it against cdktn's own types
 * (flavours/cdktn/tsconfig.build.json) and then renames the module specifiers in the output
 * (`cdktf` -> `cdktn`, `@cdktf/provider-azurerm/lib/x` -> `@cdktn/provider-azurerm/lib/x`).
 */
const { execFileSync } = require('child_process');
const { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { join, resolve } = require('path');
const { FLAVOURS, ROOT, rewriteImports } = require('../flavours');

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const DOCUMENTS = ['CHANGELOG.md', 'LICENSE'];

function* outputFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* outputFiles(path);
    else if (/\.(js|d\.ts)$/.test(entry.name)) yield path;
  }
}

/** The package manifest: the root one for cdktf; for another flavour its name, description and peers. */
function manifest(flavour) {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (flavour === FLAVOURS.cdktf) return root;
  const { scripts: _scripts, devDependencies: _dev, peerDependencies: _peers, ...published } = root;
  return {
    ...published,
    name: flavour.packageName,
    description: flavour.description,
    keywords: [...new Set(root.keywords.map((keyword) => flavour.renameSpecifier(keyword)).concat(flavour.keywords ?? []))],
    peerDependencies: flavour.peerDependencies,
  };
}

/** The README: the repo's, under the flavour's own header when it has one (its title replaces the repo's). */
function readme(flavour) {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  if (!flavour.readmeHeader) return text;
  const header = readFileSync(flavour.readmeHeader, 'utf8');
  return `${header.trimEnd()}\n\n---\n\n${text.replace(/^# .*\n/, '')}`;
}

/**
 * Why the flavour cannot be built here, or undefined. Without its own peers installed, tsc's `paths` into
 * flavours/<name>/node_modules find nothing and fall back to the root's cdktf: the package would be type-checked
 * against the wrong core, silently.
 */
function missingPeers(flavour) {
  if (flavour === FLAVOURS.cdktf || existsSync(join(flavour.nodeModules, flavour.corePackage, 'package.json'))) return undefined;
  return `${flavour.packageName}: ${flavour.nodeModules} has no ${flavour.corePackage}: run \`npm run setup:${flavour.name}\` first`;
}

function buildFlavour(flavour, folder) {
  const missing = missingPeers(flavour);
  if (missing) throw new Error(missing);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const dist = join(folder, 'dist');
  execFileSync(process.execPath, [TSC, '-p', flavour.tsconfig, '--outDir', dist], { cwd: ROOT, stdio: 'inherit' });
  for (const file of outputFiles(dist)) {
    const source = readFileSync(file, 'utf8');
    const renamed = rewriteImports(source, flavour.renameSpecifier);
    if (renamed !== source) writeFileSync(file, renamed);
  }
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest(flavour), null, 2)}\n`);
  writeFileSync(join(folder, 'README.md'), readme(flavour));
  for (const document of DOCUMENTS) {
    if (existsSync(join(ROOT, document))) copyFileSync(join(ROOT, document), join(folder, document));
  }
}

if (require.main === module) {
  const [name, folder] = process.argv.slice(2);
  const flavour = FLAVOURS[name];
  if (!flavour || !folder) {
    console.error(`usage: node scripts/build-flavour.js <${Object.keys(FLAVOURS).join('|')}> <folder>`);
    process.exit(2);
  }
  const missing = missingPeers(flavour);
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  buildFlavour(flavour, resolve(folder));
  console.log(`${flavour.packageName}: built into ${folder}`);
}

module.exports = { buildFlavour, missingPeers };
