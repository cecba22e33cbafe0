/**
 * Every stack says which Terraform it needs (issue #22, defect 8): `required_version` follows from the features the
 * synthesized stack uses, so an older Terraform stops with a version message instead of "Unsupported argument".
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount } from '../lib/account/batch-account';
import { featuresUsed, FEATURES, requiredVersion } from '../lib/rules/terraform-versions';
import { healingStack, SUB } from './helpers/healing-stack';
import { rawConfig, synthConfig } from './helpers/config';

const accountOnly = (build?: (stack: TerraformStack) => void): TerraformStack => {
  const stack = new TerraformStack(new App({ skipValidation: true }), 's');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  new BatchAccount(stack, 'acct', { name: 'contosobatch01', resourceGroupName: 'rg', location: 'eastus', subscriptionId: SUB });
  build?.(stack);
  return stack;
};

describe('required_version follows from what the stack uses', () => {
  it('an import with for_each (a zone that adopts records) asks for 1.7', () => {
    const json = healingStack();
    expect(json.import.some((i: any) => i.for_each !== undefined)).toBe(true);
    expect(json.terraform.required_version).toBe('>= 1.7.0');
  });

  it('check blocks without any import (a zone that only reports) ask for 1.5', () => {
    const json = healingStack({ healing: { adoptExistingRecords: false } });
    expect(json.import).toBeUndefined();
    expect(Object.keys(json.check)).not.toHaveLength(0);
    expect(json.terraform.required_version).toBe('>= 1.5.0');
  });

  it('a plain import block asks for 1.5', () => {
    const stack = accountOnly((s) => (s.node.findAll().find((c) => c.node.id === 'Resource' && c.node.scope?.node.id === 'acct') as any)
      .importFrom(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/contosobatch01`));
    const json = JSON.parse(Testing.synth(stack));
    expect(json.import).toHaveLength(1);
    expect(json.check).toBeUndefined();
    expect(json.terraform.required_version).toBe('>= 1.5.0');
  });

  it('a stack with none of them asks for what its other features need', () => {
    const json = JSON.parse(Testing.synth(accountOnly()));
    expect(json.import ?? json.check ?? json.moved).toBeUndefined();
    expect(json.terraform.required_version).toBe(requiredVersion(json));
    expect(featuresUsed(json)).not.toContainEqual(FEATURES.import);
  });

  it('keeps a required_version the stack sets itself', () => {
    const stack = accountOnly((s) => s.addOverride('terraform.required_version', '~> 1.9.0'));
    expect(JSON.parse(Testing.synth(stack)).terraform.required_version).toBe('~> 1.9.0');
  });

  it('writes it into the HCL output too', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'hcl');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    new BatchAccount(stack, 'acct', { name: 'contosobatch01', resourceGroupName: 'rg', location: 'eastus', subscriptionId: SUB });
    const json = JSON.parse(Testing.synth(stack));
    expect(Testing.synthHcl(stack)).toMatch(new RegExp(`^terraform \\{\\n  required_version = "${json.terraform.required_version}"\\n`, 'm'));
  });

  it('the shipped configs: hub-zone (records adopted with for_each) needs 1.7', () => {
    const hub = synthConfig(rawConfig('hub-zone.json'))['batch-hub-dns-eastus'];
    expect(hub.terraform.required_version).toBe('>= 1.7.0');
    for (const file of ['example.json', 'manual-approval.json']) {
      for (const json of Object.values(synthConfig(rawConfig(file)))) expect(json.terraform.required_version).toBe(requiredVersion(json));
    }
  });
});
