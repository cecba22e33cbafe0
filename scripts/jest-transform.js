// A jest transform through sucrase: it strips types without checking them, which keeps the suite fast.
// Type errors are caught by `npm run typecheck` (tsc --noEmit), which CI runs before the tests.
const { transform } = require('sucrase');

module.exports = {
  process(source, filePath) {
    const { code, sourceMap } = transform(source, {
      transforms: ['typescript', 'imports'],
      filePath,
      sourceMapOptions: { compiledFilename: filePath },
      production: true,
    });
    return { code, map: sourceMap };
  },
};
