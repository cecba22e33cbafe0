// The app command's TypeScript loader (`node -r ./app/register.js main.ts`): it strips types with sucrase, as
// `sucrase/register` does, and keeps each file's JavaScript in node_modules/.cache/cdktf-azure-private-batch, keyed
// by the file's path and text, sucrase's version and the options. A synth transpiles only the files that changed
// since the last one, and loads sucrase only then: a user should not pay for turning the same TypeScript into the
// same JavaScript on every synth (issue #24). Types are checked by `npm run typecheck`, not here.
// Without a writable cache folder it transpiles every time, as sucrase/register does.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');

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

function cached(source, filename) {
  sucraseVersion ??= require('sucrase/package.json').version;
  const key = crypto.createHash('sha256').update(JSON.stringify([sucraseVersion, OPTIONS, filename, source])).digest('hex');
  const file = path.join(CACHE, `${key}.js`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const code = transpile(source, filename);
    try {
      // Written aside and renamed: two synths at once never read half a file.
      fs.mkdirSync(CACHE, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, file);
    } catch {
      // No cache (read-only checkout, say): this synth transpiles, as the next will.
    }
    return code;
  }
}

const loadJs = Module._extensions['.js'];
Module._extensions['.ts'] = function loadTs(module, filename) {
  // Like sucrase/register, TypeScript in node_modules is left to node.
  if (filename.includes(IN_NODE_MODULES)) return loadJs(module, filename);
  module._compile(cached(fs.readFileSync(filename, 'utf8'), filename), filename);
};
