import { armList } from '../../../world/engine/arm/list';
import { armDelete, armPut } from '../../../world/engine/arm/operations';
import { RG, seededContext, VNET, ZONE } from './world-helpers';

const link = (name: string, vnet = VNET, zone = ZONE) => ({ id: `${zone}/virtualNetworkLinks/${name}`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name, location: 'global', properties: { virtualNetwork: { id: vnet } } });
const record = (name: string, zone = ZONE) => ({ id: `${zone}/A/${name}`, type: 'Microsoft.Network/privateDnsZones/A', name, properties: { ttl: 10, aRecords: [{ ipv4Address: '10.20.1.4' }] } });

describe('private DNS', () => {
  test('a VNet is linked to a zone once: a second link is 409 Conflict (Learn dns/private-dns-virtual-network-links)', () => {
    const ctx = seededContext();
    armPut(ctx, link('hub'));
    expect(() => armPut(ctx, link('spoke-copy'))).toThrow(expect.objectContaining({ status: 409, code: 'Conflict', message: expect.stringMatching(/already linked .* by link 'hub'/) }));
    // Writing the same link again is an update, not a second link.
    expect(() => armPut(ctx, link('hub'))).not.toThrow();
  });

  test('a VNet cannot be linked to two zones of one name (overlapping namespaces)', () => {
    const ctx = seededContext();
    const otherZone = `/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
    ctx.world.put({ id: '/subscriptions/99999999-8888-7777-6666-555555555555/resourceGroups/rg-hub-dns', type: 'Microsoft.Resources/resourceGroups', name: 'rg-hub-dns', location: 'eastus', properties: {} });
    ctx.world.put({ id: otherZone, type: 'Microsoft.Network/privateDnsZones', name: 'privatelink.batch.azure.com', location: 'global', properties: {} });
    armPut(ctx, link('hub'));
    expect(() => armPut(ctx, link('hub', VNET, otherZone))).toThrow(/overlapping namespaces/);
  });

  test('a link to a VNet that does not exist is refused', () => {
    expect(() => armPut(seededContext(), link('x', `${RG}/providers/Microsoft.Network/virtualNetworks/nope`))).toThrow(/Virtual network resource not found/);
  });

  test('a zone with links cannot be deleted: 409 CannotDeleteResource (REST spec PrivateDnsZones_Delete)', () => {
    const ctx = seededContext();
    armPut(ctx, link('hub'));
    armPut(ctx, record('a.eastus'));
    expect(() => armDelete(ctx, ZONE)).toThrow(expect.objectContaining({ status: 409, code: 'CannotDeleteResource' }));
    expect(ctx.world.get(`${ZONE}/A/a.eastus`)).toBeDefined();
  });

  test('records go with their zone', () => {
    const ctx = seededContext();
    armPut(ctx, record('a.eastus'));
    armDelete(ctx, ZONE);
    expect(ctx.world.get(`${ZONE}/A/a.eastus`)).toBeUndefined();
  });

  test('deleting a VNet removes its links', () => {
    const ctx = seededContext();
    armPut(ctx, link('hub'));
    armDelete(ctx, VNET);
    expect(ctx.world.get(`${ZONE}/virtualNetworkLinks/hub`)).toBeUndefined();
  });

  test('an A record set carries its FQDN', () => {
    expect(armPut(seededContext(), record('A.eastus')).properties.fqdn).toBe('a.eastus.privatelink.batch.azure.com.');
  });
});

describe('a list under a missing parent', () => {
  it('is a 404 that names the missing zone, for a child type as for a top-level one', () => {
    const ctx = seededContext();
    const missing = ZONE.replace('privatelink.batch.azure.com', 'privatelink.blob.core.windows.net');
    expect(() => armList(ctx, missing, 'Microsoft.Network/privateDnsZones/A')).toThrow(expect.objectContaining({ status: 404, message: expect.stringContaining('privatelink.blob.core.windows.net') }));
  });
});
