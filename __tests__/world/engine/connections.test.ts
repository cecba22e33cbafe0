import { armDelete, armPatch, armPut } from '../../../world/engine/arm/operations';
import { ACCOUNT, endpoint, engineOn, errorOf } from './world-helpers';
import { seededContext } from './world-helpers';

const CONNECTIONS = 'Microsoft.Batch/batchAccounts/privateEndpointConnections';
const status = (s: string) => ({ properties: { privateLinkServiceConnectionState: { status: s, description: `to ${s}` } } });

function pending() {
  const ctx = seededContext();
  const pe = armPut(ctx, endpoint('pe-m', 'batchAccount', { manual: true }));
  return { ctx, pe, id: ctx.world.children(ACCOUNT, CONNECTIONS)[0].id };
}

// Batch privateEndpointConnections: REST spec Microsoft.Batch 2024-07-01 PrivateEndpointConnection_Update / _Delete.
describe('Batch private endpoint connections', () => {
  test('PATCH approves or rejects a Pending connection, and the endpoint\'s side follows', () => {
    const { ctx, pe, id } = pending();
    expect(armPatch(ctx, id, status('Approved')).properties.privateLinkServiceConnectionState).toMatchObject({ status: 'Approved', description: 'to Approved' });
    expect(ctx.world.get(pe.id)!.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status).toBe('Approved');
    expect(armPatch(ctx, id, status('Rejected')).properties.privateLinkServiceConnectionState.status).toBe('Rejected');
  });

  test('a Rejected connection cannot be approved again', () => {
    const { ctx, id } = pending();
    armPatch(ctx, id, status('Rejected'));
    expect(() => armPatch(ctx, id, status('Approved'))).toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/from status 'Rejected' to 'Approved'/) }));
  });

  test('PATCH cannot set Disconnected; there is no PUT', () => {
    const { ctx, id } = pending();
    expect(() => armPatch(ctx, id, status('Disconnected'))).toThrow(/cannot change/);
    const c = ctx.world.get(id)!;
    expect(() => armPut(ctx, c)).toThrow(expect.objectContaining({ status: 405 }));
  });

  test('DELETE removes the connection; the endpoint reads Disconnected', () => {
    const { ctx, pe, id } = pending();
    armDelete(ctx, id);
    expect(ctx.world.get(id)).toBeUndefined();
    expect(ctx.world.get(pe.id)!.properties.manualPrivateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status).toBe('Disconnected');
  });

  test('azapi_resource_action PATCH and the list data source work on the same store', () => {
    const world = seededContext();
    armPut(world, endpoint('pe-m', 'batchAccount', { manual: true }));
    const { engine } = engineOn(world.world.sorted(), 'azapi');
    const list = engine.readDataSource('azapi_resource_list', { type: `${CONNECTIONS}@2024-07-01`, parent_id: ACCOUNT,
      response_export_values: { connections: 'value[].{name: name, status: properties.privateLinkServiceConnectionState.status}' } });
    const [c] = (list.state!.output as any).connections;
    expect(c.status).toBe('Pending');
    const action = { type: `${CONNECTIONS}@2024-07-01`, resource_id: `${ACCOUNT}/privateEndpointConnections/${c.name}`, method: 'PATCH',
      body: status('Approved'), when: 'apply', action: null, response_export_values: null };
    const applied = engine.applyResource('azapi_resource_action', { prior: null, planned: action, config: action });
    expect(errorOf(applied)).toBe('');
    const again = engine.readDataSource('azapi_resource', { type: `${CONNECTIONS}@2024-07-01`, resource_id: action.resource_id, response_export_values: ['properties.privateLinkServiceConnectionState.status'] });
    expect(again.state!.output).toEqual({ properties: { privateLinkServiceConnectionState: { status: 'Approved' } } });
    const rejectedAgain = engine.applyResource('azapi_resource_action', { prior: null, planned: { ...action, body: status('Pending') }, config: null });
    expect(errorOf(rejectedAgain)).toMatch(/400 .*cannot change from status 'Approved' to 'Pending'/);
  });
});
