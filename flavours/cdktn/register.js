/**
 * `node --require flavours/cdktn/register.js`: resolves `cdktf`, `constructs` and `@cdktf/provider-azurerm/*`
 * to cdktn's packages in flavours/cdktn/node_modules, as the cdktn jest config does inside jest. The tests
 * that run the app in a child process (`node -r sucrase/register main.ts`) get it through NODE_OPTIONS.
 */
const Module = require('module');
const { FLAVOURS, resolveInFlavour } = require('..');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveInCdktn(request, ...rest) {
  return resolveFilename.call(this, resolveInFlavour(FLAVOURS.cdktn, request) ?? request, ...rest);
};
