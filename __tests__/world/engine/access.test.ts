import { armGet, armPut } from '../../../world/engine/arm/operations';
import { armList } from '../../../world/engine/arm/list';
import { ACCOUNT, create, endpoint, engineOn, errorOf, RG, seededContext, SUB, ZONE } from './world-helpers';

const SPOKE = { name: 'spoke', clientId: 'spoke-app', objectId: 'spoke-object', roles: [{ role: 'Private DNS Zone Contributor', scope: ZONE }, { role: 'Reader', scope: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-batch` }] };
const as = (ctx: ReturnType<typeof seededContext>, principal: typeof SPOKE | { name: string; roles: any[] }) => ({ ...ctx, caller: { principal } });
const record = (name: string) => ({ id: `${ZONE}/A/${name}`, type: 'Microsoft.Network/privateDnsZones/A', name, properties: { ttl: 10, aRecords: [] } });

describe('access', () => {
  test('without declared principals everything is allowed', () => {
    expect(() => armPut(seededContext(), record('a'))).not.toThrow();
  });

  test('a role at a scope allows what it grants below that scope', () => {
    expect(() => armPut(as(seededContext(), SPOKE), record('a'))).not.toThrow();
  });

  test('outside its roles a principal gets 403 AuthorizationFailed, in ARM\'s words', () => {
    const ctx = as(seededContext(), SPOKE);
    expect(() => armGet(ctx, ACCOUNT)).toThrow(expect.objectContaining({ status: 403, code: 'AuthorizationFailed',
      message: `The client 'spoke-app' with object id 'spoke-object' does not have authorization to perform action 'Microsoft.Batch/batchAccounts/read' over scope '${ACCOUNT}' or the scope is invalid. If access was recently granted, please refresh your credentials.` }));
    expect(() => armPut(ctx, { ...ctx.world.get(`${RG}/providers/Microsoft.Network/virtualNetworks/vnet-batch`)! })).toThrow(/virtualNetworks\/write/);
  });

  test('a list needs read at its own scope: a role on one zone does not list the resource group\'s zones (403)', () => {
    const ctx = seededContext();
    armPut(ctx, { id: `${RG}/providers/Microsoft.Network/privateDnsZones/other.zone`, type: 'Microsoft.Network/privateDnsZones', name: 'other.zone', location: 'global', properties: {} });
    expect(() => armList(as(ctx, SPOKE), RG, 'Microsoft.Network/privateDnsZones')).toThrow(expect.objectContaining({ status: 403, message: expect.stringMatching(/privateDnsZones\/read' over scope '.*rg-batch'/) }));
    expect(armList(as(ctx, SPOKE), ZONE, 'Microsoft.Network/privateDnsZones/A')).toEqual([]);
    expect(armList(as(ctx, { name: 'reader', roles: [{ role: 'Reader', scope: RG }] }), RG, 'Microsoft.Network/privateDnsZones')).toHaveLength(2);
  });

  test('an automatic endpoint needs the right to approve on the target, else 403 LinkedAuthorizationFailed', () => {
    const networkOnly = { name: 'net', roles: [{ role: 'Network Contributor', scope: `/subscriptions/${SUB}` }, { role: 'Reader', scope: `/subscriptions/${SUB}` }] };
    const ctx = as(seededContext(), networkOnly);
    expect(() => armPut(ctx, endpoint('pe-a', 'batchAccount'))).toThrow(expect.objectContaining({ status: 403, code: 'LinkedAuthorizationFailed' }));
    // A manual endpoint asks instead: no right on the target is needed.
    expect(() => armPut(ctx, endpoint('pe-m', 'batchAccount', { manual: true }))).not.toThrow();
  });

  test('role assignments in the world count for the principal with that object ID', () => {
    const team = { name: 'team', objectId: 'team-object', roles: [] };
    const ctx = seededContext([team as any]);
    const owner = { ...ctx, caller: {} };
    armPut(owner, { id: `${ZONE}/providers/Microsoft.Authorization/roleAssignments/a1`, type: 'Microsoft.Authorization/roleAssignments', name: 'a1', properties: {
      principalId: 'TEAM-OBJECT', roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b12aa53e-6015-4669-85d0-8515ebb3ae7f` } });
    expect(() => armPut(as(ctx, team), record('b'))).not.toThrow();
  });
});

describe('access through the engine', () => {
  test('a refresh the principal may not read fails with 403, naming what', () => {
    const world = seededContext([{ name: 'reader', clientId: 'r', roles: [{ role: 'Reader', scope: ZONE }] }]).world;
    const { engine } = engineOn({ resources: world.sorted(), principals: world.principals }, 'azurerm', { client_id: 'r' });
    expect(errorOf(create(engine, 'azurerm_private_dns_a_record', { name: 'a', zone_name: 'privatelink.batch.azure.com', resource_group_name: 'rg-batch', ttl: 10, records: [] }, ['id', 'fqdn'])))
      .toMatch(/403 \(403 Forbidden\) with error: AuthorizationFailed: The client 'r' .*'Microsoft.Network\/privateDnsZones\/A\/write'/);
    const r = engine.readResource('azurerm_batch_account', { id: ACCOUNT });
    expect(errorOf(r)).toMatch(/^reading Batch Account .*403 .*Microsoft.Batch\/batchAccounts\/read/);
  });
});

describe('linked access: what a write touches elsewhere', () => {
  const zoneOnly = { name: 'zone-only', roles: [{ role: 'Private DNS Zone Contributor', scope: ZONE }] };
  const link = { id: `${ZONE}/virtualNetworkLinks/l`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name: 'l', location: 'global', properties: { virtualNetwork: { id: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-batch` } } };

  test('linking a VNet takes join on the VNet: a zone-scoped role alone gets LinkedAuthorizationFailed', () => {
    expect(() => armPut(as(seededContext(), zoneOnly), link)).toThrow(expect.objectContaining({ status: 403, code: 'LinkedAuthorizationFailed', message: expect.stringMatching(/virtualNetworks\/join\/action/) }));
    const withVnet = { ...zoneOnly, roles: [...zoneOnly.roles, { role: 'Private DNS Zone Contributor', scope: `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-batch` }] };
    expect(() => armPut(as(seededContext(), withVnet), link)).not.toThrow();
  });

  test('an endpoint takes join on its subnet', () => {
    const endpointsOnly = { name: 'pe', roles: [{ actions: ['Microsoft.Network/privateEndpoints/*'], scope: RG }, { role: 'Owner', scope: ACCOUNT }] };
    expect(() => armPut(as(seededContext(), endpointsOnly), endpoint('pe-a', 'batchAccount'))).toThrow(/subnets\/join\/action/);
  });
});
