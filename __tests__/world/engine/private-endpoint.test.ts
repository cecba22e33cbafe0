import { armDelete, armPut } from '../../../world/engine/arm/operations';
import { ACCOUNT, endpoint, seededContext } from './world-helpers';

const connections = (ctx: ReturnType<typeof seededContext>) => ctx.world.children(ACCOUNT, 'Microsoft.Batch/batchAccounts/privateEndpointConnections');
const nicIp = (ctx: ReturnType<typeof seededContext>, pe: { properties: any }) => ctx.world.get(pe.properties.networkInterfaces[0].id)!.properties.ipConfigurations[0].properties.privateIPAddress;

describe('private endpoints', () => {
  test('a dynamic IP is the first free usable address: Azure reserves the first four of a subnet (Learn virtual-networks-faq)', () => {
    const ctx = seededContext();
    expect(nicIp(ctx, armPut(ctx, endpoint('pe-a', 'batchAccount')))).toBe('10.20.1.4');
    expect(nicIp(ctx, armPut(ctx, endpoint('pe-b', 'nodeManagement')))).toBe('10.20.1.5');
  });

  test('a static IP outside the usable range is refused: the network address and the last one are reserved', () => {
    const ctx = seededContext();
    for (const ip of ['10.20.1.3', '10.20.1.255', '10.20.2.10']) {
      expect(() => armPut(ctx, endpoint(`pe-${ip}`, 'batchAccount', { ip }))).toThrow(expect.objectContaining({ code: 'PrivateIPAddressNotInSubnet' }));
    }
    expect(nicIp(ctx, armPut(ctx, endpoint('pe-last', 'batchAccount', { ip: '10.20.1.254' })))).toBe('10.20.1.254');
  });

  test('a static IP another NIC holds is PrivateIPAddressIsAllocated, and a dynamic one skips it', () => {
    const ctx = seededContext();
    armPut(ctx, endpoint('pe-a', 'batchAccount', { ip: '10.20.1.4' }));
    expect(() => armPut(ctx, endpoint('pe-b', 'nodeManagement', { ip: '10.20.1.4' })))
      .toThrow(expect.objectContaining({ code: 'PrivateIPAddressIsAllocated', message: expect.stringMatching(/already allocated to resource .*pe-a/) }));
    expect(nicIp(ctx, armPut(ctx, endpoint('pe-c', 'nodeManagement')))).toBe('10.20.1.5');
  });

  test('the endpoint writes its NIC (`<name>.nic.<guid>` unless named) and custom_dns_configs with the public FQDN', () => {
    const ctx = seededContext();
    const pe = armPut(ctx, endpoint('pe-a', 'batchAccount', { ip: '10.20.1.10' }));
    expect(pe.properties.networkInterfaces[0].id).toMatch(/\/networkInterfaces\/pe-a\.nic\.[0-9a-f-]{36}$/);
    expect(pe.properties.customDnsConfigs).toEqual([{ fqdn: 'contosobatch01.eastus.batch.azure.com', ipAddresses: ['10.20.1.10'] }]);
    const nm = armPut(ctx, endpoint('pe-b', 'nodeManagement'));
    expect(nm.properties.customDnsConfigs[0].fqdn).toMatch(/^[0-9a-f-]{36}\.eastus\.service\.batch\.azure\.com$/);
    expect(nm.properties.customDnsConfigs[0].fqdn).toBe(ctx.world.get(ACCOUNT)!.properties.nodeManagementEndpoint);
  });

  test('an automatic endpoint makes an Approved connection `<endpoint>.<guid>` on the account; a manual one a Pending one', () => {
    const ctx = seededContext();
    armPut(ctx, endpoint('pe-auto', 'batchAccount'));
    armPut(ctx, endpoint('pe-manual', 'nodeManagement', { manual: true }));
    const byName = Object.fromEntries(connections(ctx).map((c) => [c.name.split('.')[0], c]));
    expect(byName['pe-auto'].name).toMatch(/^pe-auto\.[0-9a-f-]{36}$/);
    expect(byName['pe-auto'].properties.privateLinkServiceConnectionState.status).toBe('Approved');
    expect(byName['pe-manual'].properties.privateLinkServiceConnectionState).toMatchObject({ status: 'Pending', description: 'please' });
    expect(byName['pe-manual'].properties.groupIds).toEqual(['nodeManagement']);
  });

  test('deleting the endpoint removes its connection and its NIC', () => {
    const ctx = seededContext();
    const pe = armPut(ctx, endpoint('pe-a', 'batchAccount'));
    armDelete(ctx, pe.id);
    expect(connections(ctx)).toEqual([]);
    expect(ctx.world.get(pe.properties.networkInterfaces[0].id)).toBeUndefined();
  });

  test('GUIDs come from the world\'s seed: the same world gives the same names', () => {
    const names = () => {
      const ctx = seededContext();
      armPut(ctx, endpoint('pe-a', 'batchAccount'));
      return connections(ctx).map((c) => c.name);
    };
    expect(names()).toEqual(names());
  });

  test('a group ID Batch does not offer is refused; so is a target that does not exist', () => {
    const ctx = seededContext();
    expect(() => armPut(ctx, endpoint('pe-x', 'blob' as any))).toThrow(/not supported/);
    const pe = endpoint('pe-y', 'batchAccount');
    pe.properties.privateLinkServiceConnections[0].properties.privateLinkServiceId = `${ACCOUNT}x`;
    expect(() => armPut(ctx, pe)).toThrow(expect.objectContaining({ code: 'PrivateLinkServiceNotFound' }));
  });
});
