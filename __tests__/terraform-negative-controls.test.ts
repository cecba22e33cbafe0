/**
 * Negative controls for the offline terraform check: a stack made from raw provider classes
 * validates clean, and the same stack with one raw mistake fails, naming the right stack.
 * Without these, a check that never runs (or never fails) would look like a passing one.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { describeWithTerraform, planStack, StackValidation, synthApp, SynthesizedApp, validateStacks } from './helpers/terraform';

interface Parts {
  batch: AzurermBatchAccount;
  record: PrivateDnsARecord;
}

function privateBatchStack(app: App, name: string): Parts {
  const stack = new TerraformStack(app, name);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const rg = new ResourceGroup(stack, 'rg', { name: 'rg-batch', location: 'eastus' });
  const batch = new AzurermBatchAccount(stack, 'batch', {
    name: 'mybatch',
    location: rg.location,
    resourceGroupName: rg.name,
    publicNetworkAccessEnabled: false,
  });
  const endpoint = new PrivateEndpoint(stack, 'pe', {
    name: 'pe-batch',
    location: rg.location,
    resourceGroupName: rg.name,
    subnetId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints',
    privateServiceConnection: {
      name: 'batch',
      privateConnectionResourceId: batch.id,
      subresourceNames: ['batchAccount'],
      isManualConnection: false,
    },
  });
  const zone = new PrivateDnsZone(stack, 'zone', { name: 'privatelink.batch.azure.com', resourceGroupName: rg.name });
  const record = new PrivateDnsARecord(stack, 'a', {
    name: 'mybatch.eastus',
    zoneName: zone.name,
    resourceGroupName: rg.name,
    ttl: 300,
    records: [endpoint.privateServiceConnection.privateIpAddress],
  });
  return { batch, record };
}

/** One raw mistake per stack, and what Terraform must say about it. */
const BROKEN = [
  {
    stack: 'unknown-arg',
    breakIt: ({ batch }: Parts) => batch.addOverride('wrong_arg_name', true),
    summary: 'Extraneous JSON object property',
    detail: /No argument or block type is named "wrong_arg_name"/,
    address: 'resource.azurerm_batch_account.batch',
  },
  {
    stack: 'wrong-type',
    breakIt: ({ record }: Parts) => record.addOverride('records', '10.0.0.1'),
    summary: 'Incorrect attribute value type',
    detail: /"records": set of string required/,
    address: 'resource.azurerm_private_dns_a_record.a',
  },
  {
    stack: 'dangling-ref',
    breakIt: ({ record }: Parts) =>
      record.addOverride('records', ['${azurerm_private_endpoint.nope.private_service_connection[0].private_ip_address}']),
    summary: 'Reference to undeclared resource',
    detail: /"azurerm_private_endpoint" "nope" has not been declared/,
    address: 'resource.azurerm_private_dns_a_record.a.records',
  },
];

describeWithTerraform('terraform validate and plan (offline, negative controls)', () => {
  let synth: SynthesizedApp;
  let results: StackValidation[];
  const result = (stack: string): StackValidation => results.find((r) => r.stack === stack)!;

  beforeAll(async () => {
    synth = synthApp((app) => {
      privateBatchStack(app, 'valid');
      for (const { stack, breakIt } of BROKEN) breakIt(privateBatchStack(app, stack));
      // Terraform reports this while loading the configuration, before any schema check.
      privateBatchStack(app, 'load-error').batch.addOverride('lifecycle', { bogus: true });
    });
    const { stackDirs } = synth;
    results = await validateStacks(['valid', ...BROKEN.map((b) => b.stack)].map((name) => stackDirs[name]));
  }, 60_000);

  afterAll(() => synth?.cleanup());

  it('accepts the valid stack', () => {
    expect(result('valid')).toMatchObject({ valid: true, errors: [], warnings: [] });
  });

  it.each(BROKEN)('reports $summary in stack $stack, and only there', ({ stack, summary, detail, address }) => {
    const { valid, errors } = result(stack);
    expect(valid).toBe(false);
    expect(errors).toEqual([
      expect.objectContaining({ summary, detail: expect.stringMatching(detail), address, range: expect.objectContaining({ filename: 'cdk.tf.json' }) }),
    ]);
  });

  it('points at the line of the mistake in the stack file', () => {
    const { range } = result('wrong-type').errors[0];
    const lines = readFileSync(join(synth.stackDirs['wrong-type'], range!.filename), 'utf8').split('\n');
    expect(lines[range!.start.line - 1]).toContain('"records": "10.0.0.1"');
  });

  it("does not let one stack's loading error hide another stack's schema error", async () => {
    const [loadError, wrongType] = await validateStacks([synth.stackDirs['load-error'], synth.stackDirs['wrong-type']]);
    expect(loadError.errors).toEqual([expect.objectContaining({ detail: expect.stringMatching(/"bogus"/) })]);
    expect(wrongType.errors).toEqual([expect.objectContaining({ summary: 'Incorrect attribute value type' })]);
  }, 30_000);

  it('plans the valid stack: five resources, all created', async () => {
    const { resourceChanges } = await planStack(synth.stackDirs.valid);
    expect(resourceChanges.map((c) => c.address).sort()).toEqual([
      'azurerm_batch_account.batch',
      'azurerm_private_dns_a_record.a',
      'azurerm_private_dns_zone.zone',
      'azurerm_private_endpoint.pe',
      'azurerm_resource_group.rg',
    ]);
    expect(resourceChanges.every((c) => c.actions.join() === 'create')).toBe(true);
  }, 30_000);
});
