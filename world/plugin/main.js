// The plugin's entry point. Terraform starts each provider several times per run, and transpiling the plugin's
// TypeScript on every start cost more than half of each start (0.8 s of CPU against 0.3 s). So the plugin runs from a
// transpiled copy of world/ and lib/ (sucrase: type-stripping only), kept in node_modules/.cache/azure-world under a
// key of the sources' paths, sizes and modification times, and rebuilt when one changes. Concurrent starts each build
// into a folder of their own and rename it into place; the first one wins, the others use it.
'use strict';
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = ['world', 'lib'];

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? files(file) : /\.(ts|json)$/.test(entry.name) ? [file] : [];
  });
}

function build(sources, target) {
  const { transform } = require('sucrase');
  const staging = `${target}.${process.pid}.tmp`;
  for (const file of sources) {
    const relative = path.relative(ROOT, file);
    const out = path.join(staging, file.endsWith('.ts') ? relative.replace(/\.ts$/, '.js') : relative);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (!file.endsWith('.ts')) fs.copyFileSync(file, out);
    else fs.writeFileSync(out, transform(fs.readFileSync(file, 'utf8'), { transforms: ['typescript', 'imports'], filePath: file }).code);
  }
  try {
    fs.renameSync(staging, target);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true }); // another start put it there first
  }
}

function transpiled() {
  const sources = SOURCES.flatMap((dir) => files(path.join(ROOT, dir))).sort();
  const key = createHash('sha256');
  for (const file of sources) {
    const stat = fs.statSync(file);
    key.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  const target = path.join(ROOT, 'node_modules', '.cache', 'azure-world', key.digest('hex').slice(0, 16));
  if (!fs.existsSync(target)) build(sources, target);
  return target;
}

let entry;
try {
  entry = path.join(transpiled(), 'world', 'plugin', 'main.js');
} catch {
  // A read-only checkout: transpile on the fly, as before.
  require('sucrase/register/ts');
  entry = path.join(__dirname, 'main.ts');
}
require(entry);
