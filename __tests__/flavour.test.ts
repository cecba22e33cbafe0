/**
 * The flavour the suite runs on (flavours/README.md): cdktf from the repo's node_modules under `npm test`,
 * cdktn from flavours/cdktn/node_modules under `npm run test:cdktn`. Every other test imports `cdktf`,
 * `constructs` and `@cdktf/provider-azurerm/*` by those names; this one checks what they resolve to, and that
 * exactly one copy of the core, the provider and constructs is loaded, in jest and in the app command's process.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, realpathSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import * as ts from 'typescript';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { currentFlavour, resolveInFlavour, ROOT } from '../flavours';
import { BatchAccount } from '../lib';

const FLAVOUR = currentFlavour();
const PEERS = [FLAVOUR.corePackage, FLAVOUR.providerPackage, 'constructs'];
/** A package's folder as Node names it in require.cache (real paths: the repo's node_modules may be a link). */
const installed = (name: string): string => realpathSync(join(FLAVOUR.nodeModules, name));

/** The package folders a module path lies in, innermost last: `/x/node_modules/@a/b/lib/c.js` → `/x/node_modules/@a/b`. */
function packageFolder(path: string): string | undefined {
  const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match?.[1];
}

describe(`the ${FLAVOUR.name} flavour under test`, () => {
  it('resolves the names lib/ imports to the flavour\'s core, provider and constructs', () => {
    expect(require('cdktf/package.json').name).toBe(FLAVOUR.corePackage);
    expect(require('@cdktf/provider-azurerm/package.json').name).toBe(FLAVOUR.providerPackage);
    for (const [written, name] of [['cdktf', FLAVOUR.corePackage], ['@cdktf/provider-azurerm/lib/batch-account', FLAVOUR.providerPackage], ['constructs', 'constructs']]) {
      expect(realpathSync(require.resolve(written))).toContain(`${installed(name)}/`);
    }
  });

  it('builds the library on the same copy of the core, provider and constructs as the test', () => {
    const stack = new TerraformStack(Testing.app(), 'one-copy');
    const account = new BatchAccount(stack, 'batch', { name: 'onecopy', resourceGroupName: 'rg', location: 'eastus' });
    const resources = stack.node.findAll().filter((c) => c instanceof TerraformResource);
    expect(account).toBeInstanceOf(Construct);
    expect(resources.filter((r) => r instanceof AzurermBatchAccount)).toHaveLength(1);
  });

  it('compiles lib/ against the packages it runs on (the flavour tsconfig\'s paths)', () => {
    const { config } = ts.readConfigFile(FLAVOUR.tsconfig, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, dirname(FLAVOUR.tsconfig));
    const importer = join(ROOT, 'lib', 'index.ts');
    for (const written of ['cdktf', '@cdktf/provider-azurerm/lib/batch-account', 'constructs']) {
      const types = ts.resolveModuleName(written, importer, options, ts.sys).resolvedModule?.resolvedFileName;
      expect(realpathSync(types!)).toContain(`${realpathSync(resolveInFlavour(FLAVOUR, written)!.replace(/\/lib\/.*$/, ''))}/`);
    }
  });

  it('runs the Terraform checks on the azurerm schema nearest to the flavour\'s provider', () => {
    expect(process.env.AZURE_WORLD_AZURERM_VERSION ?? '4.55.0').toBe(FLAVOUR.azurermSchemaVersion);
  });

  it('loads one copy of each peer, the flavour\'s, when the app command runs in its own process', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'flavour-'));
    try {
      // The app command of cdktf.json, then the package folders that the process loaded modules from.
      const script = `require(${JSON.stringify(join(ROOT, 'main.ts'))}); console.log(JSON.stringify(Object.keys(require.cache)));`;
      const result = spawnSync(process.execPath, ['-r', join(ROOT, 'app', 'register.js'), '-e', script], {
        cwd: ROOT, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: outdir },
      });
      expect(result.stderr).toBe('');
      const loaded = new Set((JSON.parse(result.stdout.trim().split('\n').pop()!) as string[]).map(packageFolder));
      const peers = [...loaded].filter((folder) => folder && /\/node_modules\/(cdktf|cdktn|constructs|@cdktf\/[^/]+|@cdktn\/[^/]+)$/.test(folder));
      expect(peers.sort()).toEqual(PEERS.map(installed).sort());
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
