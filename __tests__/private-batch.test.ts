import { App, Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { privateBatchProblems } from '../lib/private-batch/private-batch-problems';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { resolveSubnet } from '../lib/rules/subnets';
import { MOVED_FROM_V01_CONTEXT } from '../lib/core/addresses';
import { resources, synthConfig, rawConfig, withAppContext } from './helpers/config';
import { connection, selectedBy } from './helpers/connection-stories';

const SUB = '11111111-1111-1111-1111-111111111111';
const HUB = '22222222-2222-2222-2222-222222222222';
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
const HUB_ZONE_ID = `/subscriptions/${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/contosobatch`;
const GUID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  build(stack);
  return stack;
}

function synth(props: Partial<PrivateBatchProps>, build: (stack: TerraformStack) => Partial<PrivateBatchProps> = () => ({})): any {
  const stack = stackWith((s) => { new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, ...build(s), ...props }); });
  stack.runAllValidations();
  return JSON.parse(Testing.synth(stack));
}

function problems(props: Partial<PrivateBatchProps>): string[] {
  const stack = stackWith((s) => { new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, ...props }); });
  return stack.node.findAll().flatMap((c) => c.node.validate());
}

describe('PrivateBatch', () => {
  it('makes the private account, one endpoint per sub-resource, a zone linked to the subnet\'s VNet and both A records', () => {
    const json = synth({});
    expect(Object.keys(resources(json, 'azurerm_batch_account'))).toEqual(['batch_contosobatch']);
    expect(resources(json, 'azurerm_batch_account').batch_contosobatch).toMatchObject({ public_network_access_enabled: false, allowed_authentication_modes: ['AAD'] });
    const endpoints = resources(json, 'azurerm_private_endpoint');
    expect(Object.keys(endpoints).sort()).toEqual(['pe_contosobatch_batchaccount', 'pe_contosobatch_nodemanagement']);
    for (const endpoint of Object.values(endpoints)) {
      expect(endpoint).toMatchObject({ subnet_id: SUBNET_ID, resource_group_name: 'rg-batch', location: 'eastus' });
    }
    expect(resources(json, 'azurerm_private_dns_zone')).toEqual({
      zone_privatelink_batch_azure_com: { name: 'privatelink.batch.azure.com', resource_group_name: 'rg-batch' },
    });
    expect(resources(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({
      link_vnet_spoke: expect.objectContaining({
        name: 'link-vnet-spoke',
        virtual_network_id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`,
        registration_enabled: false,
      }),
    });
    expect(Object.keys(resources(json, 'azurerm_private_dns_a_record')).sort()).toEqual(['dns_contosobatch_batchaccount', 'dns_contosobatch_nodemanagement']);
    expect(json.output).toBeUndefined();
  });

  it('exposes its parts as typed attributes', () => {
    stackWith((s) => {
      const batch = new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet: SUBNET_ID });
      expect(batch.privateAccount?.name).toBe('contosobatch');
      expect(batch.account).toBe(batch.privateAccount);
      expect(batch.endpoints.map((e) => e.subResource)).toEqual(['batchAccount', 'nodeManagement']);
      expect(batch.endpoint('nodeManagement')).toBe(batch.endpoints[1]);
      expect(batch.zone).toBeInstanceOf(BatchPrivateDnsZone);
      expect(batch.vnetLinks).toHaveLength(1);
      expect(batch.connections).toBeUndefined();
    });
  });

  it('writes records and links into a hub zone by ID through the zone\'s provider, creating no zone', () => {
    const json = synth({}, (s) => ({
      dns: { zoneId: HUB_ZONE_ID, provider: new AzurermProvider(s, 'hub', { alias: 'hub', features: [{}], subscriptionId: HUB }) },
    }));
    expect(resources(json, 'azurerm_private_dns_zone')).toEqual({});
    for (const record of Object.values(resources(json, 'azurerm_private_dns_a_record'))) {
      expect(record).toMatchObject({ provider: 'azurerm.hub', resource_group_name: 'rg-hub-dns', zone_name: 'privatelink.batch.azure.com' });
    }
    expect(Object.values(resources(json, 'azurerm_private_dns_zone_virtual_network_link'))).toEqual([expect.objectContaining({ provider: 'azurerm.hub', name: 'link-vnet-spoke' })]);
    expect(problems({ dns: { zoneId: HUB_ZONE_ID } }).join('\n')).toMatch(/^stack\/batch: dns\.provider is required: the zone is in subscription 2222/);
  });

  it('uses a zone construct as it is and leaves its links to its owner', () => {
    const json = synth({}, (s) => ({ dns: { zone: new BatchPrivateDnsZone(s, 'shared', { resourceGroupName: 'rg-dns' }) } }));
    expect(Object.keys(resources(json, 'azurerm_private_dns_zone'))).toEqual(['zone_privatelink_batch_azure_com']);
    expect(resources(json, 'azurerm_private_dns_zone_virtual_network_link')).toEqual({});
    expect(Object.values(resources(json, 'azurerm_private_dns_a_record')).map((r) => r.resource_group_name)).toEqual(['rg-dns', 'rg-dns']);
  });

  it('makes no DNS resources when every endpoint runs external DNS', () => {
    const json = synth({ dns: { mode: 'external' } });
    for (const type of ['azurerm_private_dns_zone', 'azurerm_private_dns_zone_virtual_network_link', 'azurerm_private_dns_a_record']) {
      expect(resources(json, type)).toEqual({});
    }
  });

  it('takes the endpoints, their DNS mode and TTL per endpoint', () => {
    const json = synth({
      dns: { ttl: 60 },
      endpoints: [
        { subResource: 'batchAccount', staticIp: '10.20.1.10', dnsTtl: 30 },
        { subResource: 'nodeManagement', dns: 'zoneGroup' },
      ],
      subnet: { id: SUBNET_ID, addressPrefix: '10.20.1.0/24' },
    });
    const endpoints = resources(json, 'azurerm_private_endpoint');
    expect(endpoints.pe_contosobatch_batchaccount.ip_configuration).toEqual([expect.objectContaining({ private_ip_address: '10.20.1.10' })]);
    expect(endpoints.pe_contosobatch_nodemanagement.private_dns_zone_group).toEqual(expect.objectContaining({ name: 'batch' }));
    expect(Object.values(resources(json, 'azurerm_private_dns_a_record')).map((r) => r.ttl)).toEqual([30]);
  });

  it('places the endpoints in the subnet\'s VNet region when known, else the account\'s', () => {
    const vnetLocation = synth({ subnet: { id: SUBNET_ID, virtualNetwork: { id: SUBNET_ID.replace(/\/subnets\/[^/]+$/, ''), name: 'vnet-spoke', location: 'West Europe' } } });
    expect(Object.values(resources(vnetLocation, 'azurerm_private_endpoint')).map((e) => e.location)).toEqual(['westeurope', 'westeurope']);
    const accountLocation = synth({});
    expect(Object.values(resources(accountLocation, 'azurerm_private_endpoint')).map((e) => e.location)).toEqual(['eastus', 'eastus']);
  });

  it('reads a Subnet and a VirtualNetwork construct: the prefix, the VNet name and region as configured', () => {
    stackWith((s) => {
      const vnet = new VirtualNetwork(s, 'vnet', { name: 'vnet-a', location: 'northeurope', resourceGroupName: 'rg', addressSpace: ['10.0.0.0/16'] });
      const subnet = new Subnet(s, 'snet', { name: 'snet', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.0.1.0/24'] });
      expect(resolveSubnet(subnet)).toMatchObject({ addressPrefix: '10.0.1.0/24', vnetId: undefined });
      expect(resolveSubnet({ id: subnet.id, virtualNetwork: vnet })).toMatchObject({ vnetName: 'vnet-a', vnetLocation: 'northeurope' });
    });
  });

  it('puts the endpoints in their own resource group when asked', () => {
    const json = synth({ endpointResourceGroupName: 'rg-network' });
    expect(Object.values(resources(json, 'azurerm_private_endpoint')).map((e) => e.resource_group_name)).toEqual(['rg-network', 'rg-network']);
    expect(resources(json, 'azurerm_batch_account').batch_contosobatch.resource_group_name).toBe('rg-batch');
  });

  it('makes endpoints to an existing account, without an account resource, in the resource group given', () => {
    const account = batchAccountFromId(`/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.Batch/batchAccounts/sharedbatch`, 'eastus');
    const json = synth({ account, endpointResourceGroupName: 'rg-team', dns: { mode: 'external' }, endpoints: [{ subResource: 'batchAccount', manualApproval: { requestMessage: 'Team A' } }] });
    expect(resources(json, 'azurerm_batch_account')).toEqual({});
    expect(Object.values(resources(json, 'azurerm_private_endpoint'))).toEqual([expect.objectContaining({
      resource_group_name: 'rg-team',
      private_service_connection: expect.objectContaining({ private_connection_resource_id: account.id, is_manual_connection: true }),
    })]);
    expect(problems({ account })).toEqual(expect.arrayContaining([
      expect.stringMatching(/stack\/batch: endpointResourceGroupName is required with an existing account/),
    ]));
    expect(problems({ account, endpointResourceGroupName: 'rg', connections: [{ action: 'remove', connectionName: 'pe-x.1' }] }))
      .toEqual([expect.stringMatching(/stack\/batch: connections\[0\]\.action must be approve on an existing account/)]);
  });

  it('approves a connection of one of its endpoints by reference, and a manual endpoint\'s record waits for it', () => {
    const json = synth({
      endpoints: [{ subResource: 'batchAccount', manualApproval: { requestMessage: 'please' } }],
      connections: [{ action: 'approve', endpoint: 'batchAccount', description: 'Approved (NET-1)' }],
      outputs: true,
    });
    // The endpoint's ID once it exists, in any casing, picks its connection.
    const endpointId = `/subscriptions/${SUB}/resourceGroups/rg-batch/providers/Microsoft.Network/privateEndpoints/pe-x`;
    expect(selectedBy(json, 'contosobatch', 'approve_contosobatch_batchaccount', [
      connection(ACCOUNT_ID, endpointId.toUpperCase(), GUID, 'Pending'), connection(ACCOUNT_ID, `${endpointId}-other`, GUID, 'Pending'),
    ], { 'azurerm_private_endpoint.pe_contosobatch_batchaccount': { id: endpointId } })).toEqual([`PE-X.${GUID}`]);
    expect(resources(json, 'azurerm_private_dns_a_record').dns_contosobatch_batchaccount.depends_on).toEqual(['azurerm_private_endpoint.pe_contosobatch_batchaccount', 'azapi_resource_action.approve_contosobatch_batchaccount']);
    expect(Object.keys(json.output).sort()).toEqual(expect.arrayContaining(['contosobatch_endpoint_ips', 'contosobatch_record_fqdns', 'contosobatch_zone_id']));
  });

  it('grants delegated approval on its account, and reports its parts\' connection problems in its own words', () => {
    const json = synth({ connectionApprovers: [{ objectId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', key: 'team_ci' }] });
    expect(resources(json, 'azurerm_role_assignment').approver_contosobatch_team_ci).toMatchObject({
      scope: '${azurerm_batch_account.batch_contosobatch.id}', principal_id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    expect(problems({ connectionApprovers: [{ objectId: 'team' }] }))
      .toEqual(['stack/batch: connectionApprovers[0].objectId must be a Microsoft Entra object ID (a GUID), got "team"']);
    expect(problems({ connections: [{ action: 'remove', endpoint: 'batchAccount', connectionName: 'pe-x.1' }] }))
      .toEqual(['stack/batch: connections[0] must select its connection with exactly one of connectionName, privateEndpointId and endpoint, got 2']);
  });

  it('reports a problem of a part it built as its own prop', () => {
    expect(problems({ endpoints: [{ subResource: 'batchAccount', staticIp: '10.9.9.9' }], subnet: { id: SUBNET_ID, addressPrefix: '10.20.1.0/24' } }))
      .toEqual([expect.stringMatching(/^stack\/batch: endpoints\[0\]\.staticIp must lie in the usable range 10\.20\.1\.4-10\.20\.1\.254/)]);
    expect(problems({ account: { ...ACCOUNT, name: 'Bad_Name' } })).toEqual(expect.arrayContaining([expect.stringMatching(/^stack\/batch: account\.name must be 3-24 lowercase/)]));
    expect(problems({ dns: { mode: 'external', ttl: 30 }, endpoints: [{ subResource: 'batchAccount' }] }))
      .toEqual([expect.stringMatching(/^stack\/batch: dns\.ttl only applies with dns\.mode records, and no endpoint uses it/)]);
  });

  it('reports every problem of its own props at once, each naming the prop', () => {
    expect(privateBatchProblems({
      account: ACCOUNT,
      endpoints: [{ subResource: 'batchAccount' }, { subResource: 'batchAccount' }],
      dns: { zoneId: HUB_ZONE_ID, zone: {} as any, linkedVnetIds: ['vnet'] },
      connections: [{ action: 'remove', endpoint: 'nodeManagement' }],
    })).toEqual([
      { field: 'subnet', problem: expect.stringMatching(/^is required for the endpoints/) },
      { field: 'endpoints[1].subResource', problem: 'names endpoint batchAccount again; give a second endpoint of one sub-resource its own name' },
      { field: 'connections[0].endpoint', problem: 'must name an endpoint of this account: batchAccount, batchAccount' },
      { field: 'dns.zoneId', problem: 'must not be set with dns.zone: give one zone' },
      { field: 'dns.linkedVnetIds', problem: 'only applies to a zone made here or given by zoneId, not to dns.zone' },
    ]);
  });

  it('refuses to guess the VNet to link when the subnet is a token and no VNet is given', () => {
    stackWith((s) => {
      const subnet = new Subnet(s, 'snet', { name: 'snet', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: ['10.0.1.0/24'] });
      const batch = new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet });
      expect(batch.node.validate()).toEqual([expect.stringMatching(/^stack\/batch: subnet has no known VNet to link the zone to/)]);
      expect(new PrivateBatch(s, 'batch2', { account: { ...ACCOUNT, name: 'contosobatch2' }, subnet, dns: { linkSubnetVnet: false } }).node.validate()).toEqual([]);
    });
  });
});

describe('the example app on PrivateBatch', () => {
  it('writes no moved block by default', () => {
    expect(synthConfig(rawConfig())['batch-private-eastus'].moved).toBeUndefined();
  });

  it('keeps the moved blocks from the 0.1 addresses of the default example (817cfb0\'s snapshot) when cdktf.json asks', () => {
    const json = withAppContext({ [MOVED_FROM_V01_CONTEXT]: true }, () => synthConfig(rawConfig())['batch-private-eastus']);
    expect(json.moved.map((m: any) => m.from).sort()).toEqual([
      'azurerm_batch_account.contosobatch01_F8E61559',
      'azurerm_private_dns_a_record.contosobatch01_batchAccount_DnsRecord_957D6231',
      'azurerm_private_dns_a_record.contosobatch01_nodeManagement_DnsRecord_7463082D',
      'azurerm_private_dns_zone.DnsZone_5A00774F',
      'azurerm_private_dns_zone_virtual_network_link.DnsZone_EndpointVnet_0BF896EE',
      'azurerm_private_endpoint.contosobatch01_batchAccount_9267677F',
      'azurerm_private_endpoint.contosobatch01_nodeManagement_1F7DD8B4',
    ]);
  });
});
