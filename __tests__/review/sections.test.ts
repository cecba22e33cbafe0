import { reviewStack } from '../../lib/review/review-stack';
import { ReviewSection } from '../../lib/review/review-section';
import { USER_SETUPS, userSetup } from '../fixtures/user-setups';
import { exampleStack, rawConfig, synthConfig } from '../helpers/config';

/** The review of one stack of a config, as section id → rows of cells. */
function review(stack: any): Record<string, string[][]> {
  const json = synthConfig({ stacks: [stack] })[stack.name];
  return Object.fromEntries(reviewStack(stack.name, json).sections.map((s: ReviewSection) => [s.id, s.rows.map((r) => [...r.cells])]));
}
const setup = (name: keyof typeof USER_SETUPS & string) => review(userSetup(name));

describe('review sections, on the default example', () => {
  const sections = review(exampleStack());

  it('come in order: accounts, endpoints, pools, connection rules, access, imports, opt-ins', () => {
    expect(Object.keys(sections)).toEqual(['accounts', 'endpoints', 'pools', 'connection-rules', 'access', 'imports', 'opt-ins']);
  });

  it('have no lock, role assignment, diagnostic setting or import', () => {
    expect(sections.access).toEqual([]);
    expect(sections.imports).toEqual([]);
  });

  it('show the pool: its size, its subnet, no public IPs or inbound NAT, and the endpoint it reaches node management through', () => {
    expect(sections.pools).toEqual([
      ['`small`', '`contosobatch01`', 'Standard_D2s_v3', '1 dedicated', '`snet-batch-pools`', 'none', 'none', '`pe-contosobatch01-nodemanagement`'],
    ]);
  });

  it('show the account private, with Entra ID (AAD) sign-in only', () => {
    expect(sections.accounts).toEqual([['`contosobatch01`', 'eastus', 'Disabled', 'AAD', 'SystemAssigned', 'BatchService']]);
  });

  it('show each endpoint with its sub-resource, IP, DNS name, zone and approval', () => {
    expect(sections.endpoints).toEqual([
      ['`pe-contosobatch01-batchaccount`', '`contosobatch01`', 'batchAccount', '10.20.1.10 (static)',
        '`contosobatch01.eastus.privatelink.batch.azure.com`', '`privatelink.batch.azure.com`', 'A record', 'automatic'],
      ['`pe-contosobatch01-nodemanagement`', '`contosobatch01`', 'nodeManagement', 'assigned at apply',
        "the endpoint's FQDN, known at apply", '`privatelink.batch.azure.com`', 'A record', 'automatic'],
    ]);
  });

  it('have no connection rule and no opt-in', () => {
    expect(sections['connection-rules']).toEqual([]);
    expect(sections['opt-ins']).toEqual([]);
  });
});

describe('review sections, on other setups', () => {
  it('show locks, role assignments by built-in name and diagnostic settings with their destinations', () => {
    expect(setup('fixture-avm-interfaces').access).toEqual([
      ['lock', '`lock-contosobatch01`', '`contosobatch01`', 'CanNotDelete', 'Cannot delete resource or child resources.'],
      ['lock', '`lock-pe-contosobatch01-batchaccount`', '`pe-contosobatch01-batchaccount`', 'CanNotDelete', 'Cannot delete resource or child resources.'],
      ['lock', '`lock-pe-contosobatch01-nodemanagement`', '`pe-contosobatch01-nodemanagement`', 'CanNotDelete', 'Cannot delete resource or child resources.'],
      ['role assignment', '`role_contosobatch01_batchaccount_network`', '`pe-contosobatch01-batchaccount`', 'Network Contributor', '33333333-3333-3333-3333-333333333333'],
      ['role assignment', '`role_contosobatch01_submitters`', '`contosobatch01`', 'Azure Batch Job Submitter', '33333333-3333-3333-3333-333333333333 (Group)'],
      ['diagnostic setting', '`to-workspace`', '`contosobatch01`', 'allLogs, AllMetrics', 'workspace `law-ops`'],
    ]);
  });

  it('put roles that can grant access in bold', () => {
    const stack = exampleStack();
    stack.accounts[0].roleAssignments = { admins: { roleDefinitionIdOrName: 'Owner', principalId: '33333333-3333-3333-3333-333333333333' } };
    expect(review(stack).access.map((row) => row[3])).toEqual(['**Owner**']);
  });

  it('show what a portal-made setup imports, with the references of its IDs left out', () => {
    const imports = setup('fixture-adopt').imports;
    expect(imports.map((row) => row[0])).toEqual([
      '`azurerm_resource_group.ResourceGroup`',
      '`azurerm_private_dns_zone.zone_privatelink_batch_azure_com`',
      '`azurerm_private_dns_zone_virtual_network_link.link_a1b2c3d4e5f6g`',
      '`azurerm_batch_account.batch_contosobatch01`',
      '`azurerm_private_endpoint.pe_portal_batch`',
    ]);
    expect(imports[3]).toEqual([
      '`azurerm_batch_account.batch_contosobatch01`',
      '`/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/<…>/providers/Microsoft.Batch/batchAccounts/contosobatch01`',
      'when it exists, read at plan (`local.adopt_batch_contosobatch01`)',
      'the default provider',
    ]);
  });

  it('show the DNS records a hub zone adopts when it already holds them, through the hub provider', () => {
    const json = synthConfig(rawConfig('hub-zone.json'));
    const [name, stack] = Object.entries(json)[0];
    const imports = reviewStack(name, stack).sections.find((s) => s.id === 'imports')!.rows.map((r) => [...r.cells]);
    expect(imports).toContainEqual([
      '`azurerm_private_dns_a_record.dns_teambatch01_batchaccount`',
      '`/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com/A/<…>`',
      'when it exists, read at plan (`local.adopt_dns_teambatch01_batchaccount`)',
      '`azurerm.dns`',
    ]);
  });

  it('show autoscale pools, Spot nodes and a pool with no nodeManagement endpoint in the stack', () => {
    const stack = exampleStack();
    stack.accounts[0].pools.push({ ...stack.accounts[0].pools[0], name: 'auto', fixedScale: undefined, autoScale: { formula: '$TargetDedicatedNodes = 0;', evaluationInterval: 'PT30M' } });
    stack.accounts[0].pools[0].fixedScale = { dedicatedNodes: 2, lowPriorityNodes: 3 };
    expect(review(stack).pools.map((row) => row[3])).toEqual(['autoscale, every PT30M', '2 dedicated, 3 Spot']);
  });

  it('name every opt-in that makes an account less private', () => {
    const stack = exampleStack();
    Object.assign(stack.accounts[0], { allowPublicNetworkAccess: true, allowSharedKeyAuthentication: true });
    const sections = review(stack);
    expect(sections.accounts[0].slice(2, 4)).toEqual(['**Enabled**', 'AAD, **SharedKey**']);
    expect(sections['opt-ins'].map(([optIn, where]) => [optIn, where])).toEqual([
      ['`allowPublicNetworkAccess`', '`contosobatch01`'],
      ['`allowSharedKeyAuthentication`', '`contosobatch01`'],
    ]);
  });

  it('show zone groups, and external DNS as an opt-in', () => {
    expect(setup('fixture-zone-group').endpoints.map((row) => row.slice(4, 7))).toEqual([
      ['written by Azure at apply', '`privatelink.batch.azure.com`', 'zone group'],
      ['written by Azure at apply', '`privatelink.batch.azure.com`', 'zone group'],
    ]);
    const external = setup('fixture-external-dns');
    expect(external.endpoints.map((row) => row.slice(4, 7))).toEqual([['—', '—', '**external DNS**'], ['—', '—', '**external DNS**']]);
    expect(external['opt-ins'].map(([optIn, where]) => `${optIn} ${where}`)).toEqual([
      '`dns: external` `pe-contosobatch01-batchaccount`', '`dns: external` `pe-contosobatch01-nodemanagement`',
    ]);
  });

  it('name the deletion of an existing zone\'s stale records as an opt-in, with the account and the zone', () => {
    const stack = rawConfig('hub-zone.json').stacks[0];
    expect(review(stack)['opt-ins']).toEqual([]);
    stack.dns.healing.removeStaleRecords = true;
    expect(review(stack)['opt-ins']).toEqual([[
      '`removeStaleRecords`', '`teambatch01` in `privatelink.batch.azure.com`', "deleting, in the apply, the account's A records in the zone that no endpoint of this stack writes",
    ]]);
  });

  it('show the zone of another cloud and a hub zone by name', () => {
    expect(setup('fixture-china').endpoints[0][4]).toBe('`contosobatch01.chinanorth3.privatelink.batch.chinacloudapi.cn`');
    expect(setup('fixture-hub-zone').endpoints[0].slice(4, 6)).toEqual(['`contosobatch01.eastus.privatelink.batch.azure.com`', '`privatelink.batch.azure.com`']);
  });

  it('show a manual endpoint with its request, and the rule that approves it in the same stack', () => {
    const sections = setup('fixture-manual-endpoint');
    expect(sections.endpoints[1][7]).toBe('manual: "Nodes of team analytics need node management access"');
    expect(sections['connection-rules'].map((row) => row.slice(1))).toEqual([
      ['`contosobatch01`', 'approve', 'endpoint `pe-contosobatch01-nodemanagement` (this stack)', 'Approved by the account owner'],
    ]);
  });

  it('show each rule with its action and target: an endpoint by ID, or a connection by name', () => {
    expect(setup('fixture-reject-and-remove')['connection-rules'].map((row) => row.slice(1))).toEqual([
      // Rules are addressed <action>_<account>_<key> (issue #11), and the JSON lists them by address.
      ['`contosobatch01`', 'approve', 'connection `pe-known-team.0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`', 'Approved (NET-77)'],
      ['`contosobatch01`', 'reject', 'endpoint `pe-unknown-team` in `rg-other`', 'No ticket for this access'],
      ['`contosobatch01`', 'remove', 'endpoint `pe-retired-team` in `rg-other`', '—'],
    ]);
  });

  it("show an endpoint to another stack's account, with the record that carries its IP", () => {
    const analytics = rawConfig('manual-approval.json').stacks.find((s: any) => s.name === 'batch-analytics-eastus');
    const sections = review(analytics);
    expect(sections.accounts).toEqual([]);
    expect(sections.endpoints).toEqual([[
      '`pe-sharedbatch01-analytics`', '`sharedbatch01` (not in this stack)', 'batchAccount', 'assigned at apply',
      '`sharedbatch01.eastus.privatelink.batch.azure.com`', '`privatelink.batch.azure.com`', 'A record',
      'manual: "Team analytics: pipelines in vnet-analytics submit Batch jobs (NET-1234)"',
    ]]);
    expect(sections['opt-ins']).toEqual([]);
  });
});

describe('review sections, on raw provider resources', () => {
  it('read the Terraform, not the constructs: an account with nothing set is public, with shared keys', () => {
    const json = { resource: { azurerm_batch_account: { raw: { name: 'rawbatch', location: 'westeurope', resource_group_name: 'rg' } } } };
    const sections = Object.fromEntries(reviewStack('raw', json).sections.map((s) => [s.id, s.rows.map((r) => [...r.cells])]));
    expect(sections.accounts).toEqual([['`rawbatch`', 'westeurope', "**Enabled** (not set: Azure's default)", '**not set**: Azure allows SharedKey', 'none', 'BatchService']]);
    expect(sections['opt-ins'].map(([optIn]) => optIn)).toEqual(['`allowPublicNetworkAccess`', '`allowSharedKeyAuthentication`']);
  });
});

describe('review of pools built with the library', () => {
  it('names public IPs and inbound NAT pools as opt-ins, in bold in the pool row', async () => {
    const { App, TerraformStack, Testing } = await import('cdktf');
    const { AzurermProvider } = await import('@cdktf/provider-azurerm/lib/provider');
    const { BatchPool } = await import('../../lib/pools/batch-pool');
    const { batchAccountFromId } = await import('../../lib/account/batch-account-ref');
    const { reviewStack } = await import('../../lib/review/review-stack');
    const stack = new TerraformStack(new App(), 'pools');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const sub = '11111111-1111-1111-1111-111111111111';
    new BatchPool(stack, 'pool', {
      account: batchAccountFromId(`/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/teambatch`, 'eastus'),
      name: 'ssh', vmSize: 'Standard_D2s_v3', fixedScale: { dedicatedNodes: 1 },
      image: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', nodeAgentSkuId: 'batch.node.ubuntu 22.04' },
      subnet: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pools`,
      publicIpAddresses: { provisioning: 'BatchManaged' },
      inboundNatPools: [{ name: 'ssh', protocol: 'TCP', backendPort: 22, frontendPortRangeStart: 40000, frontendPortRangeEnd: 40100 }],
    });
    const sections = Object.fromEntries(reviewStack('pools', JSON.parse(Testing.synth(stack))).sections.map((s) => [s.id, s.rows.map((r) => [...r.cells])]));
    expect(sections.pools).toEqual([['`ssh`', '`teambatch`', 'Standard_D2s_v3', '1 dedicated', '`pools`', '**BatchManaged**', '**TCP 40000-40100 → 22**', 'no endpoint in this stack']]);
    expect(sections['opt-ins'].map(([optIn, where]) => `${optIn} ${where}`)).toEqual(['`publicIpAddresses` `ssh`', '`inboundNatPools` `ssh`']);
  });
});
