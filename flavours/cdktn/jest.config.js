/**
 * `npm run test:cdktn` (or `npx jest -c flavours/cdktn/jest.config.js [files]`): the same test files as
 * `npm test`, on the cdktn flavour. `cdktf`, `constructs` and `@cdktf/provider-azurerm/*` resolve to the
 * packages installed in flavours/cdktn/node_modules: inside jest through `moduleNameMapper`, and in the child
 * processes some tests start (the app command) through register.js in NODE_OPTIONS. Test files listed in
 * `cdktfOnlyTests` (flavours/index.js) are left out, and so are the files whose result cannot depend on the flavour
 * (flavours/flavour-independent.js): the cdktf run has run the same code.
 */
const { existsSync } = require('fs');
const { join } = require('path');
const base = require('../../jest.config');
const { FLAVOURS, ROOT, escapeRegExp, jestModuleNameMapper } = require('..');
const { flavourIndependentTests } = require('../flavour-independent');

const cdktn = FLAVOURS.cdktn;
if (!existsSync(join(cdktn.nodeModules, cdktn.corePackage))) {
  throw new Error(`${cdktn.nodeModules} has no ${cdktn.corePackage}: run \`npm run setup:cdktn\` first`);
}

// Set here, before jest starts its workers, so that the workers and every child process see them.
process.env.PRIVATE_BATCH_FLAVOUR = cdktn.name;
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(join(__dirname, 'register.js'))}`.trim();
process.env.AZURE_WORLD_AZURERM_VERSION = cdktn.azurermSchemaVersion;

module.exports = {
  ...base,
  rootDir: ROOT,
  moduleNameMapper: jestModuleNameMapper(cdktn),
  reporters: [[join(ROOT, 'scripts', 'jest-skip-reporter.js'), { leftOut: cdktn.cdktfOnlyTests }]],
  snapshotSerializers: [join(__dirname, 'snapshot-serializer.js')],
  testPathIgnorePatterns: ['/node_modules/', ...[...Object.keys(cdktn.cdktfOnlyTests), ...flavourIndependentTests()]
    .map((file) => `^${escapeRegExp(join(ROOT, file))}$`)],
};
