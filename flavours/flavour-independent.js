/**
 * The test files whose result cannot depend on the flavour, so that `npm run test:cdktn` need not run them again.
 *
 * The cdktn run differs from the cdktf run only in where the flavour's peers resolve (`moduleNameMapper`), in what
 * child processes load (NODE_OPTIONS, and the azurerm schema Terraform is given) and in its snapshot serializer. A
 * test file whose static imports, followed through every relative import, reach none of the flavour's peers, no
 * child process and no snapshot therefore runs the very same code in both runs: the pure rules, the guards over
 * stack JSON, the review model. Anything this reading cannot see through (a dynamic `require` of a computed path)
 * counts as dependent, so a mistake can only make the cdktn run longer, never skip a test it needs.
 */
const { existsSync, readFileSync, readdirSync, statSync } = require('fs');
const { dirname, join, relative, resolve } = require('path');

const ROOT = join(__dirname, '..');
const TESTS = join(ROOT, '__tests__');
const PEERS = ['cdktf', 'cdktn', 'constructs', '@cdktf/', '@cdktn/'];
const PROCESSES = ['child_process', 'worker_threads', 'node:child_process', 'node:worker_threads'];
const SPECIFIER = /(?:\brequire\(\s*|\bimport\(\s*|\bfrom\s+|\bimport\s+)(['"])([^'"\n]+)\1/g;
const COMPUTED_REQUIRE = /\brequire\(\s*[^'"\s)]|\bimport\(\s*[^'"\s)]/;
const SNAPSHOT = /toMatch(Inline)?Snapshot\(/;

const isPeer = (specifier) => PEERS.some((peer) => specifier === peer || specifier.startsWith(peer.endsWith('/') ? peer : `${peer}/`));

function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}.json`, join(base, 'index.ts'), join(base, 'index.js')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Whether `file` or anything it imports (relatively) could behave differently in the cdktn run. */
function dependsOnFlavour(file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  if (file.endsWith('.json')) return false;
  const source = readFileSync(file, 'utf8');
  if (COMPUTED_REQUIRE.test(source) || SNAPSHOT.test(source) || /PRIVATE_BATCH_FLAVOUR|process\.env/.test(source)) return true;
  for (const [, , specifier] of source.matchAll(SPECIFIER)) {
    if (isPeer(specifier) || PROCESSES.includes(specifier)) return true;
    if (!specifier.startsWith('.')) continue;
    const target = resolveRelative(file, specifier);
    if (target === undefined || dependsOnFlavour(target, seen)) return true;
  }
  return false;
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__snapshots__' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Test files (relative to the repo root, sorted) that run once, in the cdktf run, for both flavours. */
function flavourIndependentTests() {
  return testFiles(TESTS).filter((file) => !dependsOnFlavour(file)).map((file) => relative(ROOT, file)).sort();
}

module.exports = { dependsOnFlavour, flavourIndependentTests };

if (require.main === module) console.log(flavourIndependentTests().join('\n'));
