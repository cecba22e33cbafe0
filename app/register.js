// The app command's TypeScript loader (`node --min-semi-space-size=16 -r ./app/register.js main.ts`): it strips types
// with sucrase, as `sucrase/register` does, and keeps each file's JavaScript in
// node_modules/.cache/cdktf-azure-private-batch, keyed by the file's path, its change time, modification time and
// size (a write always changes the change time), sucrase's version and the options. A synth transpiles only the files
// that changed since the last one, and loads sucrase only then: a user should not pay for turning the same TypeScript
// into the same JavaScript on every synth. Types are checked by `npm run typecheck`, not here. Without a writable
// cache folder it transpiles every time, as sucrase/register does. It also keeps V8's code cache of that JavaScript,
// and defers zod's locales (below).
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

const OPTIONS = { transforms: ['imports', 'typescript'] };
const CACHE = path.join(__dirname, '..', 'node_modules', '.cache', 'cdktf-azure-private-batch');
const IN_NODE_MODULES = `${path.sep}node_modules${path.sep}`;
let sucraseVersion;

/** The JavaScript of a TypeScript file, with an inline source map, as sucrase/register makes it. */
function transpile(source, filename) {
  const { transform } = require('sucrase');
  const { code, sourceMap } = transform(source, { ...OPTIONS, sourceMapOptions: { compiledFilename: filename }, filePath: filename });
  return `${code}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(sourceMap)).toString('base64')}`;
}

/** A cache key for a file as it is now (a write always changes its change time) and what made its entry. */
function cacheKey(makers, filename) {
  const { ctimeMs, mtimeMs, size } = fs.statSync(filename);
  return crypto.createHash('sha256').update(JSON.stringify([...makers, filename, ctimeMs, mtimeMs, size])).digest('hex');
}

function cached(filename) {
  sucraseVersion ??= require('sucrase/package.json').version;
  const file = path.join(CACHE, `${cacheKey([sucraseVersion, OPTIONS], filename)}.js`);
  try {
    return { code: fs.readFileSync(file, 'utf8'), file };
  } catch {
    const code = transpile(fs.readFileSync(filename, 'utf8'), filename);
    try {
      // Written aside and renamed: two synths at once never read half a file.
      fs.mkdirSync(CACHE, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, file);
    } catch {
      // No cache (read-only checkout, say): this synth transpiles, as the next will.
      return { code, file: undefined };
    }
    return { code, file };
  }
}

// V8's code cache of each file's JavaScript, beside it in the cache: parsing and compiling the same JavaScript on
// every synth is the other cost a user need not pay (node 22 has module.enableCompileCache; node 20 does not). A
// cache V8 rejects (another V8, changed flags) is made anew. For the app's TypeScript it is made right after
// compiling (the top level and what V8 compiled eagerly): made at exit, with every function that ran, it made a
// synth of 2,000 accounts take twice the CPU and 200 MB more (7 s -> 14.5 s, 380 -> 590 MB), every run. For zod,
// which only parses the config, it is made at exit: 10 ms less for the default example, and large synths as fast.
// V8 refuses a code cache made under other flags: node's flags (`--min-semi-space-size` of the app command, none in a
// test's child) name a cache of their own, so that runs with and without them do not remake each other's.
const CODE_CACHE_TAG = `${process.versions.v8}-${crypto.createHash('sha256').update(process.execArgv.join(' ')).digest('hex').slice(0, 8)}`;

function saveCodeCache(file, script) {
  try {
    fs.writeFileSync(file, script.createCachedData());
  } catch {
    // No cache folder: the next synth compiles again.
  }
}
const savedAtExit = [];
process.once('exit', () => savedAtExit.forEach(([file, script]) => saveCodeCache(file, script)));

/** `require` for a module, as node makes it (module.require, resolve, main, extensions, cache). */
function requireFor(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
  require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/**
 * Runs a module's JavaScript as module._compile does, compiled with V8's code cache from `codeCacheFile`, made
 * when missing or rejected: now, or with the functions that ran when the process exits (`atExit`).
 */
function compile(module, code, filename, codeCacheFile, atExit = false) {
  let cachedData;
  try {
    cachedData = fs.readFileSync(codeCacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(code), { filename, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    if (atExit) savedAtExit.push([codeCacheFile, script]);
    else saveCodeCache(codeCacheFile, script);
  }
  const wrapper = script.runInThisContext({ displayErrors: true });
  return wrapper.call(module.exports, module.exports, requireFor(module), module, filename, path.dirname(filename));
}

const loadJs = Module._extensions['.js'];
// '.ts' first: node tries each extension in this order for `require('./x')`, and every file the app loads is TypeScript.
const others = Object.entries(Module._extensions);
for (const [extension] of others) delete Module._extensions[extension];
Module._extensions['.ts'] = function loadTs(module, filename) {
  // Like sucrase/register, TypeScript in node_modules is left to node.
  if (filename.includes(IN_NODE_MODULES)) return loadJs(module, filename);
  const { code, file } = cached(filename);
  if (file === undefined) return module._compile(code, filename);
  return compile(module, code, filename, `${file.slice(0, -'.js'.length)}-${CODE_CACHE_TAG}.v8`);
};
for (const [extension, loader] of others) Module._extensions[extension] = loader;

// The packages the app brings beyond cdktf's (the library's ipaddr.js, the app's zod) get the code cache too;
// cdktf, constructs and the provider load as node loads them.
const ZOD = `${IN_NODE_MODULES}zod${path.sep}`;
const IPADDR = `${IN_NODE_MODULES}ipaddr.js${path.sep}`;
Module._extensions['.js'] = function loadJsWithCodeCache(module, filename) {
  const zod = filename.includes(ZOD);
  if (!zod && !filename.includes(IPADDR)) return loadJs(module, filename);
  const codeCache = `${path.join(CACHE, cacheKey([filename], filename))}-${CODE_CACHE_TAG}.v8`;
  return compile(module, fs.readFileSync(filename, 'utf8'), filename, codeCache, zod);
};

// zod loads its 64 locale modules when it loads (`locales` of zod/v4/core and zod/v4/classic), and uses one (en,
// which it loads by itself). The app command defers that module until something reads a locale: about 10 ms of the
// default example's 340 ms. A zod that no longer asks for '../locales/index.cjs' is simply loaded as it is.
const load = Module._load;
Module._load = function loadDeferringZodLocales(request, parent, isMain) {
  if (request !== '../locales/index.cjs' || !parent || !/[\\/]zod[\\/]v4[\\/]/.test(parent.filename)) return load.apply(this, arguments);
  let locales;
  const target = () => (locales ??= load.call(this, request, parent, isMain));
  // __esModule: zod's __importStar then takes the object as it is, without reading every export.
  return new Proxy({}, {
    get: (_, key) => (key === '__esModule' ? true : target()[key]),
    has: (_, key) => key in target(),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(target(), key),
  });
};
