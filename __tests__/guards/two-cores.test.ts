/**
 * The guards across two copies of the core (cdktf, or cdktn under `npm run test:cdktn`). An app's App, stack and
 * raw provider resources can come from another copy of the core than the library's constructs: a nested install,
 * an `npm link`ed library, or a core installed under two names. The library finds stacks and Terraform elements
 * with the core's brand checks (`Symbol.for` keys, shared by every copy), never with `instanceof`, so the guards
 * still see every resource. jest.isolateModules loads the second copy from the same files.
 */
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Construct } from 'constructs';
import type * as Core from 'cdktf';
import { TerraformStack } from 'cdktf';
import type * as Account from '@cdktf/provider-azurerm/lib/batch-account';
import type * as Provider from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount } from '../../lib';
import { BatchGuards, optIn } from '../../lib/guards';

const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';

interface SecondCopy {
  readonly core: typeof Core;
  readonly BatchAccount: typeof Account.BatchAccount;
  readonly AzurermProvider: typeof Provider.AzurermProvider;
}

/** A second copy of the core and of the provider classes bound to it; constructs shared or a copy of its own. */
function secondCopy(constructs: 'shared' | 'own'): SecondCopy {
  const shared = jest.requireActual<object>('constructs');
  let copy: SecondCopy | undefined;
  jest.isolateModules(() => {
    if (constructs === 'shared') jest.doMock('constructs', () => shared);
    copy = {
      core: require('cdktf'),
      BatchAccount: require('@cdktf/provider-azurerm/lib/batch-account').BatchAccount,
      AzurermProvider: require('@cdktf/provider-azurerm/lib/provider').AzurermProvider,
    };
  });
  jest.dontMock('constructs');
  return copy!;
}

describe.each(['shared', 'own'] as const)('the guards on a second copy of the core (constructs: %s)', (constructs) => {
  let outdir: string;
  beforeEach(() => { outdir = mkdtempSync(join(tmpdir(), 'two-cores-')); });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  /** The app's stack from the second copy: a provider, the library's private account and a raw public one. */
  function appStack(copy: SecondCopy) {
    const app = new copy.core.App({ outdir });
    const stack = new copy.core.TerraformStack(app, 'two-cores');
    new copy.AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION });
    new BatchAccount(stack, 'private', { name: 'privatebatch', resourceGroupName: 'rg', location: 'eastus', subscriptionId: SUBSCRIPTION });
    const raw = new copy.BatchAccount(stack, 'raw', { name: 'rawbatch', location: 'eastus', resourceGroupName: 'rg', publicNetworkAccessEnabled: true });
    return { app, stack, raw };
  }

  it('is a second copy: instanceof the library\'s core fails on it', () => {
    const { stack } = appStack(secondCopy(constructs));
    expect(stack).not.toBeInstanceOf(TerraformStack);
    expect(TerraformStack.isStack(stack)).toBe(true);
    // The case under test: one constructs shared by both cores (npm dedupes it), or one per core (npm link).
    expect(stack instanceof Construct).toBe(constructs === 'shared');
  });

  it('checks every resource of the stack, the raw one from the second copy included', () => {
    const { stack } = appStack(secondCopy(constructs));
    const findings = BatchGuards.check(stack as unknown as TerraformStack);
    expect(findings).toEqual([expect.stringMatching(/^two-cores\/raw: public_network_access_enabled = true: /)]);
  });

  it('see an opt-in on a resource of the second copy', () => {
    const { stack, raw } = appStack(secondCopy(constructs));
    optIn(raw, 'publicNetworkAccess');
    expect(BatchGuards.check(stack as unknown as TerraformStack)).toEqual([]);
  });

  it('name an output of the second copy by its construct path', () => {
    const copy = secondCopy(constructs);
    const { stack, raw } = appStack(copy);
    optIn(raw, 'publicNetworkAccess');
    new copy.core.TerraformOutput(stack, 'raw-key', { value: raw.primaryAccessKey });
    expect(BatchGuards.check(stack as unknown as TerraformStack)).toEqual([expect.stringMatching(/^two-cores\/raw-key: /)]);
  });

  it('fail the second copy\'s synth, which writes no stack', () => {
    const { app } = appStack(secondCopy(constructs));
    expect(() => app.synth()).toThrow(/two-cores\/raw: public_network_access_enabled = true/);
    expect(existsSync(join(outdir, 'stacks', 'two-cores', 'cdk.tf.json'))).toBe(false);
  });

  it('let a private stack synthesize, the library\'s account beside the app\'s resources', () => {
    const copy = secondCopy(constructs);
    const { stack } = appStack(copy);
    stack.node.tryRemoveChild('raw');
    const json = JSON.parse(copy.core.Testing.synth(stack, true));
    const accounts = Object.values<{ name: string; public_network_access_enabled: boolean }>(json.resource.azurerm_batch_account);
    expect(accounts.map(({ name, public_network_access_enabled }) => ({ name, public_network_access_enabled })))
      .toEqual([{ name: 'privatebatch', public_network_access_enabled: false }]);
    expect(json.provider.azurerm).toEqual([expect.objectContaining({ subscription_id: SUBSCRIPTION })]);
  });
});
