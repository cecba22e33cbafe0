import { ITerraformDependable, Testing, dependable } from 'cdktf';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { BatchPool as AzurermBatchPool } from '@cdktf/provider-azurerm/lib/batch-pool';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BatchGuards } from '../../lib/guards/batch-guards';
import { optIn } from '../../lib/guards/opt-ins';
import { rawPool, rawPoolSetup } from '../helpers/raw-pool';
import { rawPrivateSetup, rawStack } from '../helpers/raw-stack';
import { CLOUDS } from './stack-json';

/** Makes a raw pool wait for more. */
function waitFor(pool: AzurermBatchPool, ...others: ITerraformDependable[]): void {
  pool.dependsOn = [...(pool.dependsOn ?? []), ...others.map(dependable)];
}

const OTHER_VNET_SUBNET = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke/subnets/pools';

describe('pool guard: nodes of a private account reach node management privately', () => {
  it('accepts the whole private path: a nodeManagement endpoint, its record in a zone linked to the pool\'s VNet', () => {
    const stack = rawStack();
    rawPoolSetup(stack);
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('refuses a pool of a private account with no nodeManagement endpoint, naming the missing piece', () => {
    const stack = rawStack();
    const { batch, subnet } = rawPrivateSetup(stack);
    rawPool(stack, 'pool', batch, subnet);
    expect(BatchGuards.check(stack)).toEqual([
      'raw/pool: account_name = "${azurerm_batch_account.batch.name}": account rawbatch has public network access disabled, so its nodes reach node management only through a nodeManagement private endpoint, and the stack has none: the nodes would stay unusable. '
      + 'Fix: add a nodeManagement endpoint for the account (PrivateBatch makes one by default), or declare the one made elsewhere with BatchPool nodeManagement.existingEndpoint (raw pools: optIn(pool, "existingNodeManagementEndpoint"))',
    ]);
  });

  it('refuses it with public IPs too: the public node management endpoint is closed as well', () => {
    const stack = rawStack();
    const { batch, subnet } = rawPrivateSetup(stack);
    rawPool(stack, 'pool', batch, subnet).putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'BatchManaged' });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/pool: account_name = .*and the stack has none/)]);
  });

  it('refuses a pool of a private account in no VNet', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    pool.resetNetworkConfiguration();
    expect(BatchGuards.check(stack)).toEqual([
      expect.stringMatching(/^raw\/pool: network_configuration.subnet_id = unset: the pool is in no VNet, and account rawbatch has public network access disabled.*Fix: put the pool in a subnet/),
    ]);
  });

  it('refuses a nodeManagement endpoint whose name nothing resolves', () => {
    const stack = rawStack();
    const { nodesRecord } = rawPoolSetup(stack);
    nodesRecord.node.scope!.node.tryRemoveChild(nodesRecord.node.id);
    expect(BatchGuards.check(stack)).toEqual([
      expect.stringMatching(/^raw\/pool: account_name = .*nothing resolves its name in the pool's VNet: the nodeManagement endpoint raw\/pe-nodes has no A record, no zone group and no opt-in to external DNS. Fix: give the endpoint private DNS/),
    ]);
  });

  it('accepts a zone group or an explicit opt-in to external DNS on the endpoint instead of a record', () => {
    for (const dns of ['zoneGroup', 'external'] as const) {
      const stack = rawStack();
      const { nodesRecord, nodes, zone } = rawPoolSetup(stack);
      nodesRecord.node.scope!.node.tryRemoveChild(nodesRecord.node.id);
      if (dns === 'zoneGroup') nodes.putPrivateDnsZoneGroup({ name: 'batch', privateDnsZoneIds: [zone.id] });
      else optIn(nodes, 'externalDns');
      expect(BatchGuards.check(stack)).toEqual([]);
    }
  });

  it('accepts a declared existing endpoint when a Batch zone is linked to the pool\'s VNet, or its DNS is declared external', () => {
    const stack = rawStack();
    const { batch, subnet } = rawPrivateSetup(stack);
    optIn(rawPool(stack, 'pool', batch, subnet), 'existingNodeManagementEndpoint');
    expect(BatchGuards.check(stack)).toEqual([]);

    const unlinked = rawStack();
    const other = rawPrivateSetup(unlinked);
    const pool = rawPool(unlinked, 'pool', other.batch, OTHER_VNET_SUBNET);
    optIn(pool, 'existingNodeManagementEndpoint');
    expect(BatchGuards.check(unlinked)).toEqual([
      expect.stringMatching(/^raw\/pool: account_name = .*the nodeManagement endpoint is declared as existing, and no Batch zone of the stack is linked to the pool's VNet. Fix: link the Batch zone .* or declare BatchPool nodeManagement.externalDns/),
    ]);
    optIn(pool, 'externalNodeManagementDns');
    expect(BatchGuards.check(unlinked)).toEqual([]);
  });

  it('does not count a link of a zone that is not a Batch zone', () => {
    const stack = rawStack();
    const { batch, subnet, link } = rawPrivateSetup(stack);
    link.privateDnsZoneName = 'privatelink.blob.core.windows.net';
    optIn(rawPool(stack, 'pool', batch, subnet), 'existingNodeManagementEndpoint');
    expect(BatchGuards.check(stack).join('\n')).toMatch(/raw\/pool: account_name = .*declared as existing, and no Batch zone/);
  });

  it('leaves pools of accounts that allow public access, or live outside the stack, alone', () => {
    const open = rawStack();
    const { batch, subnet } = rawPrivateSetup(open, { publicNetworkAccessEnabled: true });
    optIn(batch, 'publicNetworkAccess');
    rawPool(open, 'pool', batch, subnet);
    expect(BatchGuards.check(open)).toEqual([]);

    const elsewhere = rawStack();
    const setup = rawPrivateSetup(elsewhere);
    rawPool(elsewhere, 'pool', setup.batch, setup.subnet, { accountName: 'otheraccount', resourceGroupName: 'rg-other' });
    expect(BatchGuards.check(elsewhere)).toEqual([]);
  });

  it('finds the account by literal name and resource group too', () => {
    const stack = rawStack();
    const { batch, subnet } = rawPrivateSetup(stack);
    rawPool(stack, 'pool', batch, subnet, { accountName: 'rawbatch', resourceGroupName: 'RG' });
    expect(BatchGuards.check(stack).join('\n')).toMatch(/account rawbatch has public network access disabled/);
  });

  it('fails synth through the stack validation', () => {
    const stack = rawStack();
    const { batch, subnet } = rawPrivateSetup(stack);
    rawPool(stack, 'pool', batch, subnet);
    expect(() => stack.runAllValidations()).toThrow(/raw\/pool: account_name = .*and the stack has none/);
  });
});

describe('pool guard: a pool in another VNet than its nodeManagement endpoint has a way to it', () => {
  function spoke(stack: ReturnType<typeof rawStack>) {
    const vnet = new VirtualNetwork(stack, 'spoke', { name: 'spoke', location: 'eastus', resourceGroupName: 'rg', addressSpace: ['10.1.0.0/16'] });
    const subnet = new Subnet(stack, 'spoke-pools', { name: 'pools', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.1.1.0/24'] });
    return { vnet, subnet };
  }

  it('refuses a pool VNet that the endpoint\'s zone is not linked to, naming both VNets and the zone', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    pool.putNetworkConfiguration({ subnetId: spoke(stack).subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    expect(BatchGuards.check(stack)).toEqual([
      'raw/pool: network_configuration.subnet_id = "${azurerm_subnet.spoke-pools.id}": the pool\'s VNet raw/spoke is not the VNet raw/vnet of the nodeManagement endpoint raw/pe-nodes, and zone privatelink.batch.azure.com has no link to it: the nodes cannot resolve the node management name to the endpoint (nor reach it without peering). '
      + 'Fix: put the pool in the endpoint\'s VNet, or link zone privatelink.batch.azure.com to the pool\'s VNet (PrivateBatch dns.linkedVnetIds) and peer the two VNets',
    ]);
  });

  it('refuses a pool subnet given by the ID of a VNet outside the stack', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    pool.putNetworkConfiguration({ subnetId: OTHER_VNET_SUBNET, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/the pool's VNet \/subscriptions\/.*\/virtualnetworks\/spoke is not the VNet raw\/vnet/)]);
  });

  it('accepts it once the zone is linked to the pool\'s VNet, and the pool waits for the link', () => {
    const stack = rawStack();
    const { pool, zone } = rawPoolSetup(stack);
    const { vnet, subnet } = spoke(stack);
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    waitFor(pool, new PrivateDnsZoneVirtualNetworkLink(stack, 'spoke-link', { name: 'spoke', resourceGroupName: 'rg', privateDnsZoneName: zone.name, virtualNetworkId: vnet.id }));
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  // Link and pool would be created in parallel: the first nodes could boot before their VNet resolves node management.
  it('refuses a pool that does not wait for the zone\'s link to its VNet, naming the link', () => {
    const stack = rawStack();
    const { pool, zone } = rawPoolSetup(stack);
    const { vnet, subnet } = spoke(stack);
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    new PrivateDnsZoneVirtualNetworkLink(stack, 'spoke-link', { name: 'spoke', resourceGroupName: 'rg', privateDnsZoneName: zone.name, virtualNetworkId: vnet.id });
    expect(BatchGuards.check(stack)).toEqual([
      'raw/pool: depends_on = ["azurerm_private_endpoint.pe-nodes","azurerm_private_dns_a_record.nodes-record","azurerm_private_dns_zone.zone","azurerm_private_dns_zone_virtual_network_link.link"]: '
      + 'the pool may be created before raw/spoke-link (azurerm_private_dns_zone_virtual_network_link.spoke-link), which its nodes need to resolve node management: nodes that boot first stay unusable. '
      + 'Fix: add it to the pool\'s depends_on (BatchPool dependsOn; PrivateBatch.addPool adds the account\'s endpoints, records, zone and links made before the pool)',
    ]);
  });

  it('says nothing when the zone is an existing one, whose links it cannot see', () => {
    const stack = rawStack();
    const { pool, record, nodesRecord, link } = rawPoolSetup(stack);
    for (const r of [record, nodesRecord]) r.zoneName = 'privatelink.batch.azure.com';
    link.privateDnsZoneName = 'privatelink.batch.azure.com';
    pool.putNetworkConfiguration({ subnetId: spoke(stack).subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('says nothing when the endpoint uses external DNS', () => {
    const stack = rawStack();
    const { pool, nodes, nodesRecord } = rawPoolSetup(stack);
    nodesRecord.node.scope!.node.tryRemoveChild(nodesRecord.node.id);
    optIn(nodes, 'externalDns');
    pool.putNetworkConfiguration({ subnetId: spoke(stack).subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('accepts a pool in the VNet of one of the account\'s nodeManagement endpoints', () => {
    const stack = rawStack();
    const { pool, endpoint, zone } = rawPoolSetup(stack);
    const { subnet } = spoke(stack);
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    const second = endpoint('pe-nodes-spoke', 'nodeManagement');
    second.subnetId = subnet.id;
    second.putPrivateDnsZoneGroup({ name: 'batch', privateDnsZoneIds: [zone.id] });
    waitFor(pool, second);
    expect(BatchGuards.check(stack).filter((m) => m.startsWith('raw/pool'))).toEqual([]);
  });
});

describe.each(CLOUDS)('pool guards in $cloud', (cloud) => {
  const stackIn = () => rawStack(undefined, cloud);

  it('accept the whole private path in the cloud\'s Batch zone', () => {
    const stack = stackIn();
    rawPoolSetup(stack, cloud);
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('refuse a nodeManagement endpoint whose name nothing resolves', () => {
    const stack = stackIn();
    const { nodesRecord } = rawPoolSetup(stack, cloud);
    nodesRecord.node.scope!.node.tryRemoveChild(nodesRecord.node.id);
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/pool: account_name = .*nothing resolves its name in the pool's VNet/)]);
  });

  it('refuse a pool in a VNet the cloud\'s zone has no link to, and accept it once linked', () => {
    const stack = stackIn();
    const { pool, zone } = rawPoolSetup(stack, cloud);
    const vnet = new VirtualNetwork(stack, 'spoke', { name: 'spoke', location: cloud.location, resourceGroupName: 'rg', addressSpace: ['10.1.0.0/16'] });
    const subnet = new Subnet(stack, 'spoke-pools', { name: 'pools', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.1.1.0/24'] });
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    expect(BatchGuards.check(stack)).toEqual([expect.stringContaining(`and zone ${cloud.zone} has no link to it`)]);
    waitFor(pool, new PrivateDnsZoneVirtualNetworkLink(stack, 'spoke-link', { name: 'spoke', resourceGroupName: 'rg', privateDnsZoneName: zone.name, virtualNetworkId: vnet.id }));
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('warn of a private account that no batchAccount endpoint reaches', () => {
    const stack = stackIn();
    const { accountEndpoint } = rawPoolSetup(stack, cloud);
    accountEndpoint.node.scope!.node.tryRemoveChild(accountEndpoint.node.id);
    expect(BatchGuards.warnings(stack).map((w) => w.path)).toEqual(['raw/batch']);
  });
});

describe('pool guard: the subnet holds the nodes', () => {
  function smallSubnet(stack: ReturnType<typeof rawStack>, prefix = '10.0.2.0/28') {
    return new Subnet(stack, 'small', { name: 'small', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: [prefix] });
  }

  it('refuses more nodes than the subnet has usable addresses, counting Azure\'s five', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    pool.putNetworkConfiguration({ subnetId: smallSubnet(stack).id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    pool.putFixedScale({ targetDedicatedNodes: 10, targetLowPriorityNodes: 2 });
    expect(BatchGuards.check(stack)).toEqual([
      'raw/pool: network_configuration.subnet_id = "${azurerm_subnet.small.id}": subnet raw/small (10.0.2.0/28) has 11 usable addresses (Azure reserves 5 in every subnet), but 12 are needed: the pool\'s 12 nodes. Azure would allocate part of the pool and report a resize error. '
      + 'Fix: make the subnet larger, lower the node count, or put the pool in a subnet of its own',
    ]);
  });

  it('accepts exactly as many nodes as usable addresses', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    pool.putNetworkConfiguration({ subnetId: smallSubnet(stack).id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    pool.putFixedScale({ targetDedicatedNodes: 9, targetLowPriorityNodes: 2 });
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('counts the private endpoints and the other pools in the subnet, and azurerm\'s default of one dedicated node', () => {
    const stack = rawStack();
    const { pool, batch } = rawPoolSetup(stack);
    const subnet = smallSubnet(stack);
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    pool.putFixedScale({ targetDedicatedNodes: 9 });
    rawPool(stack, 'other', batch, subnet, { fixedScale: {}, dependsOn: [pool] });
    for (const id of ['pe-a', 'pe-b']) {
      new PrivateEndpoint(stack, id, {
        name: id, location: 'eastus', resourceGroupName: 'rg', subnetId: subnet.id,
        privateServiceConnection: { name: id, isManualConnection: false, privateConnectionResourceId: batch.id, subresourceNames: ['batchAccount'] },
      });
    }
    expect(BatchGuards.check(stack)).toEqual([
      expect.stringContaining('raw/pool: network_configuration.subnet_id = "${azurerm_subnet.small.id}": subnet raw/small (10.0.2.0/28) has 11 usable addresses (Azure reserves 5 in every subnet), but 12 are needed: the pool\'s 9 nodes, 1 node of other pools, 2 private endpoints.'),
      expect.stringContaining('raw/other: network_configuration.subnet_id = "${azurerm_subnet.small.id}": subnet raw/small (10.0.2.0/28) has 11 usable addresses (Azure reserves 5 in every subnet), but 12 are needed: the pool\'s 1 node, 9 nodes of other pools, 2 private endpoints.'),
    ]);
  });

  it('adds up a subnet of several prefixes', () => {
    const stack = rawStack();
    const { pool } = rawPoolSetup(stack);
    const subnet = new Subnet(stack, 'two', { name: 'two', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: ['10.0.2.0/28', '10.0.3.0/28'] });
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    pool.putFixedScale({ targetDedicatedNodes: 22 });
    expect(BatchGuards.check(stack)).toEqual([]);
    pool.putFixedScale({ targetDedicatedNodes: 23 });
    expect(BatchGuards.check(stack)).toEqual([expect.stringContaining('(10.0.2.0/28, 10.0.3.0/28) has 22 usable addresses')]);
  });

  it('says nothing of an autoscale pool, a subnet given by ID, or a prefix known only at apply', () => {
    const stack = rawStack();
    const { pool, batch } = rawPoolSetup(stack);
    const subnet = smallSubnet(stack);
    pool.putNetworkConfiguration({ subnetId: subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' });
    pool.resetFixedScale();
    pool.putAutoScale({ formula: '$TargetDedicatedNodes = 500;' });
    rawPool(stack, 'by-id', batch, '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe', { fixedScale: { targetDedicatedNodes: 2000 } });
    const unknown = new Subnet(stack, 'unknown', { name: 'unknown', resourceGroupName: 'rg', virtualNetworkName: 'vnet', addressPrefixes: [subnet.name] });
    rawPool(stack, 'unknown-prefix', batch, unknown, { fixedScale: { targetDedicatedNodes: 2000 } });
    expect(BatchGuards.check(stack).filter((m) => m.includes('usable addresses'))).toEqual([]);
  });
});

describe('warning: a private account that nothing in the stack can call', () => {
  it('warns of a private account with no batchAccount endpoint, and adds the warning to the account at synth', () => {
    const stack = rawStack();
    const { accountEndpoint, batch } = rawPoolSetup(stack);
    accountEndpoint.privateServiceConnection.subresourceNames = ['nodeManagement'];
    expect(BatchGuards.warnings(stack)).toEqual([expect.objectContaining({
      path: 'raw/batch',
      attribute: 'public_network_access_enabled',
      value: false,
      problem: 'public network access is disabled and no batchAccount private endpoint in this stack reaches the account: nothing here can call its API (pools, jobs, tasks)',
    })]);
    Testing.synth(stack, true);
    Testing.synth(stack, true);
    const warnings = batch.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual([expect.stringMatching(/^raw\/batch: public_network_access_enabled = false: public network access is disabled .*Fix: add a batchAccount endpoint/)]);
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('does not warn when a batchAccount endpoint reaches the account, or the account is public', () => {
    const stack = rawStack();
    rawPoolSetup(stack);
    expect(BatchGuards.warnings(stack)).toEqual([]);

    const open = rawStack();
    const { batch, accountEndpoint } = rawPrivateSetup(open, { publicNetworkAccessEnabled: true });
    optIn(batch, 'publicNetworkAccess');
    accountEndpoint.node.scope!.node.tryRemoveChild(accountEndpoint.node.id);
    expect(BatchGuards.warnings(open)).toEqual([]);
  });

  it('is a warning, not an error: synth goes on', () => {
    const stack = rawStack();
    const { accountEndpoint } = rawPrivateSetup(stack);
    accountEndpoint.node.scope!.node.tryRemoveChild(accountEndpoint.node.id);
    expect(() => stack.runAllValidations()).not.toThrow();
  });
});

describe('lock guard: a lock on an account comes after the account\'s pools, which inherit it', () => {
  it('refuses a raw lock on the account that does not wait for a pool, naming the pool', () => {
    const stack = rawStack();
    const { batch } = rawPoolSetup(stack);
    new ManagementLock(stack, 'lock', { name: 'lock-rawbatch', scope: batch.id, lockLevel: 'CanNotDelete' });
    expect(BatchGuards.check(stack)).toEqual([
      'raw/lock: depends_on = unset: the lock may be put on the account before its pools raw/pool (azurerm_batch_pool.pool) exist, and would block their creation. '
      + 'Fix: add the pools to the lock\'s depends_on (PrivateBatch does this for its lock and pools)',
    ]);
  });

  it('accepts it once it waits for the pool', () => {
    const stack = rawStack();
    const { batch, pool } = rawPoolSetup(stack);
    new ManagementLock(stack, 'lock', { name: 'lock-rawbatch', scope: batch.id, lockLevel: 'CanNotDelete', dependsOn: [pool] });
    expect(BatchGuards.check(stack)).toEqual([]);
  });
});
