/** The renaming that turns the cdktf build into the cdktn one (flavours/index.js), without a build. */
import { FLAVOURS, rewriteImports } from '../flavours';

const toCdktn = (source: string): string => rewriteImports(source, FLAVOURS.cdktn.renameSpecifier);

describe('the cdktn flavour\'s module names', () => {
  it('rename the core, its subpaths, the provider\'s modules and this package', () => {
    const rename = FLAVOURS.cdktn.renameSpecifier;
    expect(rename('cdktf')).toBe('cdktn');
    expect(rename('cdktf/lib/testing/adapters/jest')).toBe('cdktn/lib/testing/adapters/jest');
    expect(rename('@cdktf/provider-azurerm/lib/batch-account')).toBe('@cdktn/provider-azurerm/lib/batch-account');
    expect(rename('cdktf-azure-private-batch')).toBe('cdktn-azure-private-batch');
  });

  it('leave other packages alone, even with a cdktf prefix', () => {
    const rename = FLAVOURS.cdktn.renameSpecifier;
    for (const other of ['constructs', 'ipaddr.js', './rules/zones', 'cdktf-cli', '@cdktf/provider-azuread/lib/user', '@cdktf/provider-azurermx']) {
      expect(rename(other)).toBe(other);
    }
  });

  it('rewrite every import form tsc emits in .js and .d.ts, and nothing else', () => {
    const emitted = [
      'const cdktf_1 = require("cdktf");',
      'const batch_account_1 = require("@cdktf/provider-azurerm/lib/batch-account");',
      "import { TerraformStack } from 'cdktf';",
      'export declare const stack: import("cdktf").TerraformStack;',
      "export * from 'cdktf';",
      "import 'cdktf';",
      '/** Runs under `cdktf synth`; the string "cdktf" is not an import. */',
      'const name = "cdktf";',
    ].join('\n');
    expect(toCdktn(emitted).split('\n')).toEqual([
      'const cdktf_1 = require("cdktn");',
      'const batch_account_1 = require("@cdktn/provider-azurerm/lib/batch-account");',
      "import { TerraformStack } from 'cdktn';",
      'export declare const stack: import("cdktn").TerraformStack;',
      "export * from 'cdktn';",
      "import 'cdktn';",
      '/** Runs under `cdktf synth`; the string "cdktf" is not an import. */',
      'const name = "cdktf";',
    ]);
  });

  it('are the identity for the cdktf flavour', () => {
    const source = "import { App } from 'cdktf';\nconst x = require(\"@cdktf/provider-azurerm/lib/subnet\");";
    expect(rewriteImports(source, FLAVOURS.cdktf.renameSpecifier)).toBe(source);
  });
});
