import { OptIn } from '../../lib/guards/opt-ins';
import { accountEndpoints, batchPools, isPrivateAccount, subnetResource, vnetKeyOfSubnet } from '../../lib/guards/pool-view';
import { accountApiReachWarnings } from '../../lib/guards/rules/account-api-reach';
import { poolNodeManagementFindings } from '../../lib/guards/rules/pool-node-management';
import { poolSubnetCapacityFindings } from '../../lib/guards/rules/pool-subnet-capacity';
import { poolVnetRouteFindings } from '../../lib/guards/rules/pool-vnet-route';
import { StackModel, stackModel } from '../../lib/guards/stack-model';

const SUB = '11111111-2222-3333-4444-555555555555';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/ext`;

/** A model of a synthesized stack written by hand: each test states exactly what the guards read. */
function model(json: Record<string, any>, optIns: Record<string, OptIn[]> = {}): StackModel {
  return stackModel(json, { optIns: new Map(Object.entries(optIns).map(([path, list]) => [path, new Set(list)])) });
}

const provider = { azurerm: [{ features: [{}], subscription_id: SUB }] };
const account = { name: 'acct', resource_group_name: 'rg', location: 'eastus', public_network_access_enabled: false };
const pool = (config: Record<string, any> = {}) => ({
  name: 'p', account_name: '${azurerm_batch_account.a.name}', resource_group_name: 'rg',
  fixed_scale: { target_dedicated_nodes: 2 },
  network_configuration: { subnet_id: '${azurerm_subnet.s.id}', public_address_provisioning_type: 'NoPublicIPAddresses' },
  ...config,
});
const network = {
  azurerm_virtual_network: { v: { name: 'v', resource_group_name: 'rg', address_space: ['10.0.0.0/16'] } },
  azurerm_subnet: { s: { name: 's', resource_group_name: 'rg', virtual_network_name: '${azurerm_virtual_network.v.name}', address_prefixes: ['10.0.1.0/29'] } },
};
const nodeEndpoint = (subnet = '${azurerm_subnet.s.id}', target = '${azurerm_batch_account.a.id}') => ({
  name: 'pe', subnet_id: subnet,
  private_service_connection: { name: 'c', private_connection_resource_id: target, subresource_names: ['nodeManagement'], is_manual_connection: false },
});

describe('the guards\' view of pools', () => {
  it('reads the account, subnet, public IPs and fixed size of each pool', () => {
    const m = model({ provider, resource: { ...network, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool() } } });
    expect(batchPools(m)).toEqual([expect.objectContaining({
      accountKey: 'azurerm_batch_account.a', subnetId: '${azurerm_subnet.s.id}', publicIps: false, fixedNodes: 2,
    })]);
    expect(batchPools(m)[0].account?.address).toBe('azurerm_batch_account.a');
  });

  it('counts azurerm\'s default of one dedicated node and no Spot node, and Spot nodes when given', () => {
    const sizes = [{}, { target_dedicated_nodes: null }, { target_low_priority_nodes: 3 }, { target_dedicated_nodes: 0, target_low_priority_nodes: 0 }];
    const m = model({ resource: { azurerm_batch_pool: Object.fromEntries(sizes.map((fixed, i) => [`p${i}`, pool({ fixed_scale: fixed })])) } });
    expect(batchPools(m).map((p) => p.fixedNodes)).toEqual([1, 1, 4, 0]);
  });

  it('knows no size for an autoscale pool, a pool with both blocks, or a count known at apply', () => {
    const m = model({ resource: { azurerm_batch_pool: {
      auto: pool({ fixed_scale: undefined, auto_scale: { formula: 'x' } }),
      both: pool({ auto_scale: { formula: 'x' } }),
      token: pool({ fixed_scale: { target_dedicated_nodes: '${var.n}' } }),
      spotToken: pool({ fixed_scale: { target_low_priority_nodes: '${var.n}' } }),
      none: pool({ fixed_scale: undefined }),
    } } });
    expect(batchPools(m).map((p) => p.fixedNodes)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes a pool without NoPublicIPAddresses, or without a network block, as having public IPs', () => {
    const m = model({ resource: { azurerm_batch_pool: {
      managed: pool({ network_configuration: { subnet_id: 'x', public_address_provisioning_type: 'BatchManaged' } }),
      unset: pool({ network_configuration: { subnet_id: 'x' } }),
      none: pool({ network_configuration: undefined }),
    } } });
    expect(batchPools(m).map((p) => [p.publicIps, p.subnetId])).toEqual([[true, 'x'], [true, 'x'], [true, undefined]]);
  });

  it('finds the account by literal name and group, ignoring the group\'s case, but not a data source', () => {
    const literal = pool({ account_name: 'acct', resource_group_name: 'RG' });
    const m = model({ resource: { azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: literal } }, data: { azurerm_batch_account: { d: account } } });
    expect(batchPools(m)[0].account?.address).toBe('azurerm_batch_account.a');
    const dataOnly = model({ data: { azurerm_batch_account: { a: account } }, resource: { azurerm_batch_pool: { p: pool() } } });
    expect(batchPools(dataOnly)[0].account).toBeUndefined();
    const otherGroup = model({ resource: { azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool({ account_name: 'acct', resource_group_name: 'rg2' }) } } });
    expect(batchPools(otherGroup)[0].account).toBeUndefined();
  });

  it('keys an account outside the stack as endpoints to its literal ID are keyed, when the subscription is known', () => {
    const outside = pool({ account_name: 'ext', resource_group_name: 'rg' });
    expect(batchPools(model({ provider, resource: { azurerm_batch_pool: { p: outside } } }))[0].accountKey).toBe(ACCOUNT_ID.toLowerCase());
    expect(batchPools(model({ resource: { azurerm_batch_pool: { p: outside } } }))[0].accountKey).toBeUndefined();
    expect(batchPools(model({ provider, resource: { azurerm_batch_pool: { p: pool({ account_name: '${var.a}' }) } } }))[0].accountKey).toBeUndefined();
  });

  it('calls an account private only when public access is false', () => {
    expect(isPrivateAccount(undefined)).toBe(false);
    expect(isPrivateAccount({ type: 'azurerm_batch_account', address: 'a', path: 'a', config: {}, mode: 'managed' })).toBe(false);
    expect(isPrivateAccount({ type: 'azurerm_batch_account', address: 'a', path: 'a', config: { public_network_access_enabled: false }, mode: 'managed' })).toBe(true);
  });

  it('finds no endpoint for an account it cannot key, and none of another sub-resource', () => {
    expect(accountEndpoints([{ accountKey: 'k', subResource: 'nodeManagement' } as never], undefined, 'nodeManagement')).toEqual([]);
    expect(accountEndpoints([{ accountKey: 'k', subResource: 'batchAccount' } as never], 'k', 'nodeManagement')).toEqual([]);
  });

  it('reads a subnet and its VNet only when the stack shows them', () => {
    const m = model({ provider, resource: { ...network, azurerm_windows_virtual_machine: { w: { name: 'w' } } } });
    expect(subnetResource(m, '${azurerm_subnet.s.id}')?.address).toBe('azurerm_subnet.s');
    expect(subnetResource(m, '${azurerm_subnet.s.name}')).toBeUndefined();
    expect(subnetResource(m, '${azurerm_windows_virtual_machine.w.id}')).toBeUndefined();
    expect(subnetResource(m, '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s')).toBeUndefined();
    expect(vnetKeyOfSubnet(m, undefined)).toBeUndefined();
    expect(vnetKeyOfSubnet(m, '${azurerm_subnet.s.id}')).toBe(`/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.network/virtualnetworks/v`);
  });
});

describe('pool guards on hand-written stacks', () => {
  const resource = (extra: Record<string, any> = {}) => ({ ...network, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool() }, ...extra });

  it('names an account known only at apply by its address', () => {
    const m = model({ provider, resource: resource({ azurerm_batch_account: { a: { ...account, name: '${var.name}' } } }) });
    expect(poolNodeManagementFindings(m)).toEqual([expect.objectContaining({ problem: expect.stringMatching(/^account azurerm_batch_account.a has public network access disabled/) })]);
  });

  it('refuses an endpoint without DNS when the pool declared only an existing endpoint', () => {
    const m = model({ provider, resource: resource({ azurerm_private_endpoint: { pe: nodeEndpoint() } }) }, { 'azurerm_batch_pool.p': ['existingNodeManagementEndpoint'] });
    expect(poolNodeManagementFindings(m)).toEqual([expect.objectContaining({ problem: expect.stringContaining('the nodeManagement endpoint azurerm_private_endpoint.pe has no A record') })]);
  });

  it('accepts declared external DNS for an endpoint of the stack', () => {
    const m = model({ provider, resource: resource({ azurerm_private_endpoint: { pe: nodeEndpoint() } }) }, { 'azurerm_batch_pool.p': ['externalNodeManagementDns'] });
    expect(poolNodeManagementFindings(m)).toEqual([]);
  });

  it('says nothing of the route when the endpoint\'s subnet is unknown, or no zone of the stack holds its name', () => {
    const unknownSubnet = model({ provider, resource: resource({ azurerm_private_endpoint: { pe: nodeEndpoint('${var.subnet}') } }) });
    expect(poolVnetRouteFindings(unknownSubnet)).toEqual([]);
    const otherVnet = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/subnets/pe`;
    const noZone = model({ provider, resource: resource({ azurerm_private_endpoint: { pe: nodeEndpoint(otherVnet) } }) });
    expect(poolVnetRouteFindings(noZone)).toEqual([]);
  });

  it('counts an autoscale pool in the subnet as no nodes, and skips prefixes that are not CIDRs', () => {
    const withAuto = model({ resource: resource({ azurerm_batch_pool: {
      p: pool({ fixed_scale: { target_dedicated_nodes: 3 } }),
      auto: pool({ fixed_scale: undefined, auto_scale: { formula: 'x' } }),
    } }) });
    expect(poolSubnetCapacityFindings(withAuto)).toEqual([]);
    const bad = (prefixes: unknown) => model({ resource: resource({
      azurerm_subnet: { s: { ...network.azurerm_subnet.s, address_prefixes: prefixes } },
      azurerm_batch_pool: { p: pool({ fixed_scale: { target_dedicated_nodes: 2000 } }) },
    }) });
    for (const prefixes of [['10.0.1.0'], [], '10.0.1.0/29', undefined]) expect(poolSubnetCapacityFindings(bad(prefixes))).toEqual([]);
    expect(poolSubnetCapacityFindings(bad(['10.0.1.0/29']))).toHaveLength(1);
  });

  it('warns of a private account of the stack only, not of a data source or a public account', () => {
    const m = model({
      resource: { azurerm_batch_account: { a: account, open: { ...account, public_network_access_enabled: true } } },
      data: { azurerm_batch_account: { d: account } },
    });
    expect(accountApiReachWarnings(m).map((w) => w.path)).toEqual(['azurerm_batch_account.a']);
  });
});

describe('pool guards on hand-written stacks: what must not match', () => {
  const zone = { azurerm_private_dns_zone: { z: { name: 'privatelink.batch.azure.com', resource_group_name: 'rg' } } };
  const record = (endpoint: string) => ({
    name: `\${trimsuffix(azurerm_private_endpoint.${endpoint}.custom_dns_configs[0].fqdn, ".batch.azure.com")}`,
    zone_name: '${azurerm_private_dns_zone.z.name}', resource_group_name: 'rg', ttl: 10,
    records: [`\${azurerm_private_endpoint.${endpoint}.private_service_connection[0].private_ip_address}`],
  });
  const hub = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub`;

  it('finds the account a pool refers to among several, and none for a name known only at apply', () => {
    const accounts = { a: account, b: { ...account, name: 'other' } };
    const m = model({ resource: { azurerm_batch_account: accounts, azurerm_batch_pool: {
      ref: pool({ account_name: '${azurerm_batch_account.b.name}' }),
      literal: pool({ account_name: 'other', resource_group_name: 'rg' }),
      token: pool({ account_name: '${var.account}' }),
      tokenGroup: pool({ account_name: 'acct', resource_group_name: '${var.group}' }),
    } } });
    expect(batchPools(m).map((p) => p.account?.address)).toEqual(['azurerm_batch_account.b', 'azurerm_batch_account.b', undefined, undefined]);
  });

  it('counts only the account\'s own nodeManagement endpoints', () => {
    const m = model({ provider, resource: { ...network, azurerm_batch_account: { a: account, b: { ...account, name: 'other' } }, azurerm_batch_pool: { p: pool() },
      azurerm_private_endpoint: { pe: nodeEndpoint('${azurerm_subnet.s.id}', '${azurerm_batch_account.b.id}') } } });
    expect(poolNodeManagementFindings(m)).toEqual([expect.objectContaining({ problem: expect.stringContaining('and the stack has none') })]);
  });

  it('names every nodeManagement endpoint without DNS', () => {
    const m = model({ provider, resource: { ...network, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool() },
      azurerm_private_endpoint: { pe: nodeEndpoint(), pe2: nodeEndpoint() } } });
    expect(poolNodeManagementFindings(m)[0].problem).toContain('the nodeManagement endpoint azurerm_private_endpoint.pe, azurerm_private_endpoint.pe2 has no A record');
  });

  it('does not take a link it cannot place, or a pool VNet it cannot know, for a link to the pool\'s VNet', () => {
    const links = { azurerm_private_dns_zone_virtual_network_link: {
      token: { name: 'l', resource_group_name: 'rg', private_dns_zone_name: 'privatelink.batch.azure.com', virtual_network_id: '${var.vnet}' },
      zone: { name: 'l2', resource_group_name: 'rg', private_dns_zone_name: '${var.zone}', virtual_network_id: '${azurerm_virtual_network.v.id}' },
    } };
    const m = model({ provider, resource: { ...network, ...links, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool({ network_configuration: { subnet_id: '${var.subnet}', public_address_provisioning_type: 'NoPublicIPAddresses' } }) } } },
      { 'azurerm_batch_pool.p': ['existingNodeManagementEndpoint'] });
    expect(poolNodeManagementFindings(m)).toEqual([expect.objectContaining({ problem: expect.stringContaining('declared as existing, and no Batch zone of the stack is linked') })]);
  });

  it('does not count a link of another zone to the pool\'s VNet as the endpoint zone\'s', () => {
    const m = model({ provider, resource: {
      ...network, ...zone, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool() },
      azurerm_private_endpoint: { pe: nodeEndpoint(`${hub}/subnets/pe`) },
      azurerm_private_dns_a_record: { r: record('pe') },
      azurerm_private_dns_zone_virtual_network_link: {
        blob: { name: 'b', resource_group_name: 'rg', private_dns_zone_name: 'privatelink.blob.core.windows.net', virtual_network_id: '${azurerm_virtual_network.v.id}' },
        token: { name: 't', resource_group_name: 'rg', private_dns_zone_name: '${var.zone}', virtual_network_id: '${azurerm_virtual_network.v.id}' },
      },
    } });
    expect(poolVnetRouteFindings(m)).toEqual([expect.objectContaining({ attribute: 'network_configuration.subnet_id', problem: expect.stringContaining(`is not the VNet ${hub.toLowerCase()} of the nodeManagement endpoint`) })]);
  });

  it('says nothing of the route when an endpoint\'s VNet is unknown, even with its zone in the stack', () => {
    const m = model({ provider, resource: {
      ...network, ...zone, azurerm_batch_account: { a: account }, azurerm_batch_pool: { p: pool() },
      azurerm_private_endpoint: { pe: nodeEndpoint('${var.subnet}') }, azurerm_private_dns_a_record: { r: record('pe') },
    } });
    expect(poolVnetRouteFindings(m)).toEqual([]);
  });

  it('sizes a subnet only when every prefix is a literal CIDR, and reads endpoints given by a literal subnet ID', () => {
    const stack = (prefixes: unknown) => model({ resource: {
      ...network, azurerm_subnet: { s: { ...network.azurerm_subnet.s, address_prefixes: prefixes } },
      azurerm_batch_pool: { p: pool({ fixed_scale: { target_dedicated_nodes: 3 } }) },
      azurerm_private_endpoint: { lit: nodeEndpoint(`${hub}/subnets/pe`) },
    } });
    expect(poolSubnetCapacityFindings(stack(['10.0.1.0/29', '${var.prefix}']))).toEqual([]);
    expect(poolSubnetCapacityFindings(stack(['10.0.1.0/29']))).toEqual([]);
    expect(poolSubnetCapacityFindings(stack(['10.0.1.0/30']))).toHaveLength(1);
  });
});
