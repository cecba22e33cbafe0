import { armPut } from '../../../world/engine/arm/operations';
import { ACCOUNT, endpoint, seededContext, VNET, ZONE } from './world-helpers';

describe('Batch accounts and pools', () => {
  test('an account gets its endpoints: `<name>.<region>.batch.azure.com` and `<guid>.<region>.service.batch.azure.com`', () => {
    const a = seededContext().world.get(ACCOUNT)!;
    expect(a.properties.accountEndpoint).toBe('contosobatch01.eastus.batch.azure.com');
    expect(a.properties.nodeManagementEndpoint).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.eastus\.service\.batch\.azure\.com$/);
  });

  test('the other clouds\' suffixes', () => {
    const ctx = { ...seededContext(), cloud: 'AzureUSGovernment' as const };
    const a = armPut(ctx, { id: ACCOUNT.replace('contosobatch01', 'govbatch'), type: 'Microsoft.Batch/batchAccounts', name: 'govbatch', location: 'usgovvirginia', properties: {} });
    expect(a.properties.accountEndpoint).toBe('govbatch.usgovvirginia.batch.usgovcloudapi.net');
  });

  test('names are unique per region, not globally (REST spec accountName)', () => {
    const ctx = seededContext();
    const other = (sub: string, location: string) => ({ id: `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/contosobatch01`, type: 'Microsoft.Batch/batchAccounts', name: 'contosobatch01', location, properties: {} });
    ctx.world.put({ id: '/subscriptions/2/resourceGroups/rg', type: 'Microsoft.Resources/resourceGroups', name: 'rg', location: 'westus', properties: {} });
    expect(() => armPut(ctx, other('2', 'eastus'))).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => armPut(ctx, other('2', 'westus'))).not.toThrow();
  });

  test('an account name of upper-case letters is refused', () => {
    expect(() => armPut(seededContext(), { id: ACCOUNT.replace('contosobatch01', 'Bad'), type: 'Microsoft.Batch/batchAccounts', name: 'Bad', location: 'eastus', properties: {} })).toThrow(/invalid/);
  });

  test('a pool\'s VNet is in the account\'s subscription and region (Learn batch-virtual-network)', () => {
    const ctx = seededContext();
    const westVnet = ACCOUNT.replace(/providers\/.*$/, 'providers/Microsoft.Network/virtualNetworks/vnet-west');
    armPut(ctx, { id: westVnet, type: 'Microsoft.Network/virtualNetworks', name: 'vnet-west', location: 'westus', properties: { addressSpace: { addressPrefixes: ['10.50.0.0/16'] } } });
    armPut(ctx, { id: `${westVnet}/subnets/s`, type: 'Microsoft.Network/virtualNetworks/subnets', name: 's', properties: { addressPrefixes: ['10.50.0.0/24'] } });
    const pool = { id: `${ACCOUNT}/pools/p`, type: 'Microsoft.Batch/batchAccounts/pools', name: 'p', properties: { networkConfiguration: { subnetId: `${westVnet}/subnets/s` } } };
    expect(() => armPut(ctx, pool)).toThrow(/same subscription and region/);
  });

  test('a pool\'s parent account must exist', () => {
    const pool = { id: `${ACCOUNT}x/pools/p`, type: 'Microsoft.Batch/batchAccounts/pools', name: 'p', properties: {} };
    expect(() => armPut(seededContext(), pool)).toThrow(expect.objectContaining({ status: 404, code: 'ParentResourceNotFound' }));
  });
});

describe('a pool\'s nodes and node management (simplified communication, no public route)', () => {
  const POOL_SUBNET = `${VNET}/subnets/snet-pools`;
  function withPoolSubnet() {
    const ctx = seededContext();
    armPut(ctx, { id: POOL_SUBNET, type: 'Microsoft.Network/virtualNetworks/subnets', name: 'snet-pools', properties: { addressPrefixes: ['10.20.2.0/24'] } });
    armPut(ctx, endpoint('pe-nm', 'nodeManagement'));
    return ctx;
  }
  const pool = () => ({ id: `${ACCOUNT}/pools/small`, type: 'Microsoft.Batch/batchAccounts/pools', name: 'small', properties: { networkConfiguration: { subnetId: POOL_SUBNET } } });
  const record = (ctx: ReturnType<typeof seededContext>) => {
    const label = String(ctx.world.get(ACCOUNT)!.properties.nodeManagementEndpoint).replace('.batch.azure.com', '');
    armPut(ctx, { id: `${ZONE}/A/${label}`, type: 'Microsoft.Network/privateDnsZones/A', name: label, properties: { ttl: 10, aRecords: [{ ipv4Address: '10.20.1.4' }] } });
  };
  const link = (ctx: ReturnType<typeof seededContext>) => armPut(ctx, { id: `${ZONE}/virtualNetworkLinks/l`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name: 'l', location: 'global', properties: { virtualNetwork: { id: VNET } } });

  test('created after the endpoint, its record and the link: usable', () => {
    const ctx = withPoolSubnet();
    record(ctx);
    link(ctx);
    expect(armPut(ctx, pool()).nodes).toMatchObject({ usable: true });
  });

  test('created before the link: unusable, and it stays so once the link exists', () => {
    const ctx = withPoolSubnet();
    record(ctx);
    expect(armPut(ctx, pool()).nodes).toMatchObject({ usable: false, reason: expect.stringMatching(/public.*stay unusable/) });
    link(ctx);
    expect(armPut(ctx, pool()).nodes).toMatchObject({ usable: false });
  });

  test('a linked zone without the record: NXDOMAIN, unusable', () => {
    const ctx = withPoolSubnet();
    link(ctx);
    expect(armPut(ctx, pool()).nodes).toMatchObject({ usable: false, reason: expect.stringMatching(/NXDOMAIN/) });
  });
});
