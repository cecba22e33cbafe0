// The plugin's entry point. Terraform starts a plugin several times per command (validate, plan and apply each
// start their own), and compiling its TypeScript each time would double its start-up. So its files (this folder,
// and the engine's contract and values) are compiled once with sucrase (type-stripping only) into a cache in the
// temp dir, keyed by their contents, never into the repo; later starts load plain JS.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');

const WORLD = path.resolve(__dirname, '..');
const FILES = [
  ...fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts')).map((f) => `plugin/${f}`),
  'engine/index.ts', 'engine/values.ts',
];

function compiledCache() {
  const sources = FILES.map((f) => [f, fs.readFileSync(path.join(WORLD, f), 'utf8')]);
  const hash = crypto.createHash('sha256');
  for (const [f, text] of sources) hash.update(`${f}\0${text}\0`);
  const cache = path.join(os.tmpdir(), `azure-world-plugin-${hash.digest('hex').slice(0, 16)}`);
  if (fs.existsSync(path.join(cache, 'plugin', 'main.js'))) return cache;
  const { transform } = require('sucrase');
  const stage = fs.mkdtempSync(`${cache}.tmp-`);
  for (const [f, text] of sources) {
    const out = path.join(stage, f.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, transform(text, { transforms: ['typescript', 'imports'], filePath: f }).code);
  }
  try {
    fs.renameSync(stage, cache);
  } catch (e) {
    // Another plugin process got there first; its copy is the same.
    fs.rmSync(stage, { recursive: true, force: true });
    if (!fs.existsSync(path.join(cache, 'plugin', 'main.js'))) throw e;
  }
  return cache;
}

// The compiled files resolve packages (and the engine) from this checkout, as the sources would.
process.env.AZURE_WORLD_HOME = WORLD;
process.env.NODE_PATH = [...require.resolve.paths('x'), process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
Module._initPaths();
require(path.join(compiledCache(), 'plugin', 'main.js'));
