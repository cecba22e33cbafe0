import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { MOVED_FROM_V01_CONTEXT } from '../lib/core/addresses';
import { BatchDnsOutputs } from '../lib/dns/batch-dns-outputs';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../lib/endpoints/batch-private-endpoint';
import { BatchGuards } from '../lib/guards/batch-guards';
import { BatchAccount } from '../lib/account/batch-account';

const SUBNET = { id: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe', addressPrefix: '10.0.1.0/24' };

/** An account, its two endpoints with records, and a linked zone, under `parent` (the stack or a nested construct). */
function build(stack: TerraformStack, parent: Construct = stack, accountName = 'contosobatch01') {
  const zone = new BatchPrivateDnsZone(parent, 'zone', { resourceGroupName: 'rg', virtualNetworkLinks: { 'link-vnet': '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v' } });
  const account = new BatchAccount(parent, accountName, { name: accountName, resourceGroupName: 'rg', location: 'eastus' });
  const endpoints = (['batchAccount', 'nodeManagement'] as const).map((subResource) =>
    new BatchPrivateEndpoint(account, subResource, { account, subResource, subnet: SUBNET, resourceGroupName: 'rg', dns: { zone } }));
  return { zone, account, endpoints };
}

const stackWith = (context?: Record<string, unknown>) => new TerraformStack(Testing.app({ context }), 'stack');
const addresses = (json: any) => Object.entries(json.resource).flatMap(([type, byName]) => Object.keys(byName as object).map((name) => `${type}.${name}`)).sort();

describe('Terraform addresses', () => {
  it('are derived from what each resource is', () => {
    const stack = stackWith();
    build(stack);
    expect(addresses(JSON.parse(Testing.synth(stack)))).toEqual([
      'azurerm_batch_account.batch_contosobatch01',
      'azurerm_private_dns_a_record.dns_contosobatch01_batchaccount',
      'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement',
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com',
      'azurerm_private_dns_zone_virtual_network_link.link_vnet',
      'azurerm_private_endpoint.pe_contosobatch01_batchaccount',
      'azurerm_private_endpoint.pe_contosobatch01_nodemanagement',
    ]);
  });

  it('do not change when the constructs are nested differently', () => {
    const flat = stackWith();
    build(flat);
    const nested = stackWith();
    build(nested, new Construct(new Construct(nested, 'team'), 'batch'));
    expect(addresses(JSON.parse(Testing.synth(nested)))).toEqual(addresses(JSON.parse(Testing.synth(flat))));
  });

  it('come with moved blocks from the 0.1 addresses when the context asks, so a state written by 0.1 is not recreated', () => {
    const stack = stackWith({ [MOVED_FROM_V01_CONTEXT]: true });
    build(stack);
    const moved = JSON.parse(Testing.synth(stack)).moved;
    expect(moved).toHaveLength(7);
    expect(moved).toContainEqual({ from: expect.stringMatching(/^azurerm_batch_account\.contosobatch01_[0-9A-F]{8}$/), to: 'azurerm_batch_account.batch_contosobatch01' });
    expect(moved).toContainEqual({
      from: expect.stringMatching(/^azurerm_private_endpoint\.contosobatch01_batchAccount_[0-9A-F]{8}$/),
      to: 'azurerm_private_endpoint.pe_contosobatch01_batchaccount',
    });
    expect(moved).toContainEqual({
      from: expect.stringMatching(/^azurerm_private_dns_a_record\.contosobatch01_nodeManagement_DnsRecord_[0-9A-F]{8}$/),
      to: 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement',
    });
  });

  it('leave the moved blocks out unless the context asks for them (0.1 was never published)', () => {
    for (const off of [undefined, false, 'false']) {
      const stack = stackWith({ [MOVED_FROM_V01_CONTEXT]: off });
      build(stack);
      expect(JSON.parse(Testing.synth(stack)).moved).toBeUndefined();
    }
  });

  it('clash: two accounts of one name in one stack are refused, naming both constructs', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
    new BatchAccount(stack, 'a', { name: 'samebatch', resourceGroupName: 'rg', location: 'eastus' });
    new BatchAccount(new Construct(stack, 'team'), 'b', { name: 'samebatch', resourceGroupName: 'rg2', location: 'eastus' });
    expect(BatchGuards.check(stack)).toEqual([
      'stack/team/b/Resource: address = "azurerm_batch_account.batch_samebatch": stack/a/Resource has this Terraform address too, and Terraform would merge the two into one. '
        + 'Fix: give one of them another name (the address is built from the account, endpoint or link name), or call overrideLogicalId() on one',
      // The guards still see both accounts (cdktf merges them in the JSON), so the specific problem is named too.
      expect.stringMatching(/^stack\/team\/b\/Resource: name = "samebatch": stack\/a\/Resource is a Batch account of this name in eastus too/),
    ]);
  });

  it('clash: also between a library resource and a raw one, and between outputs', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
    const { endpoints } = build(stack);
    new BatchDnsOutputs(stack, 'dns-a', { endpoints });
    new BatchDnsOutputs(stack, 'dns-b', { endpoints });
    // A raw resource directly under the stack keeps its construct id as its name.
    new AzurermBatchAccount(stack, 'batch_contosobatch01', { name: 'other', location: 'eastus', resourceGroupName: 'rg', publicNetworkAccessEnabled: false });
    const findings = BatchGuards.findings(stack).map((f) => `${f.path} ${String(f.value)}`);
    expect(findings).toEqual([
      'stack/dns-b/contosobatch01_endpoint_ips contosobatch01_endpoint_ips',
      'stack/dns-b/contosobatch01_record_fqdns contosobatch01_record_fqdns',
      'stack/batch_contosobatch01 azurerm_batch_account.batch_contosobatch01',
    ]);
  });
});

describe('BatchDnsOutputs names', () => {
  it('start with the account name, or dns for a zone alone', () => {
    const stack = stackWith();
    const { zone, endpoints } = build(stack);
    new BatchDnsOutputs(new Construct(stack, 'deep'), 'x', { endpoints });
    new BatchDnsOutputs(stack, 'zone-out', { endpoints: [], zone });
    expect(Object.keys(JSON.parse(Testing.synth(stack)).output).sort()).toEqual(['contosobatch01_endpoint_ips', 'contosobatch01_record_fqdns', 'dns_zone_id']);
  });

  it('take a name, which endpoints of several accounts need', () => {
    const stack = stackWith();
    const a = build(stack);
    const b = build(stack, new Construct(stack, 'second'), 'otherbatch02');
    const endpoints = [...a.endpoints, ...b.endpoints];
    expect(new BatchDnsOutputs(stack, 'both', { endpoints }).node.validate())
      .toEqual([expect.stringMatching(/^stack\/both: name is required when the endpoints belong to several accounts \(contosobatch01, otherbatch02\)/)]);
    new BatchDnsOutputs(stack, 'named', { endpoints, name: 'all-batch' });
    expect(Object.keys(JSON.parse(Testing.synth(stack)).output)).toEqual(expect.arrayContaining(['all_batch_endpoint_ips', 'all_batch_record_fqdns']));
  });

  it('do not hang on the parents\' paths: outputs under team-a and team_a that would share a name are refused', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
    const { zone } = build(stack);
    new BatchDnsOutputs(new Construct(stack, 'team-a'), 'dns', { endpoints: [], zone, name: 'team-a' });
    new BatchDnsOutputs(new Construct(stack, 'team_a'), 'dns', { endpoints: [], zone, name: 'team_a' });
    expect(BatchGuards.findings(stack).map((f) => `${f.path} ${String(f.value)}`)).toEqual(['stack/team_a/dns/team_a_zone_id team_a_zone_id']);
  });
});
