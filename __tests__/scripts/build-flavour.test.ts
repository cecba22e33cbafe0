import { FLAVOURS } from '../../flavours';

// A CommonJS script without types.
const { missingPeers } = require('../../scripts/build-flavour') as { missingPeers: (flavour: object) => string | undefined };

describe('npm run build:cdktn / pack:cdktn (scripts/build-flavour.js)', () => {
  it('refuses to build the cdktn package without its peers installed, saying how to install them', () => {
    expect(missingPeers({ ...FLAVOURS.cdktn, nodeModules: '/nowhere/node_modules' }))
      .toBe('cdktn-azure-private-batch: /nowhere/node_modules has no cdktn: run `npm run setup:cdktn` first');
  });

  it('builds the cdktf package from the repo\'s own node_modules', () => {
    expect(missingPeers(FLAVOURS.cdktf)).toBeUndefined();
  });
});
