import { Obj, UNKNOWN } from '../../../world/engine';
import { ACCOUNT, create, engineOn, errorOf, RG, seededContext, SUB, ZONE } from './world-helpers';

const seeded = () => engineOn(seededContext().world.sorted());

/** Create, then refresh: the refresh must equal the state (a second apply is a no-op). */
function roundTrip(type: string, values: Obj, computed: string[]) {
  const { engine } = seeded();
  const created = create(engine, type, values, computed);
  expect(errorOf(created)).toBe('');
  expect(engine.readResource(type, created.state!).state).toEqual(created.state);
  return { engine, state: created.state! };
}

describe('azurerm types the library writes: create and refresh agree', () => {
  test('role definition: azurerm\'s `<definition ID>|<scope>` ID and the GUID it computes', () => {
    const { state } = roundTrip('azurerm_role_definition', { name: 'Batch connection approver', scope: ACCOUNT, description: null,
      permissions: [{ actions: ['Microsoft.Batch/batchAccounts/privateEndpointConnections/write'], not_actions: [], data_actions: [], not_data_actions: [] }] },
    ['id', 'role_definition_id', 'role_definition_resource_id', 'assignable_scopes']);
    expect(state.id).toBe(`${state.role_definition_resource_id}|${ACCOUNT}`);
    expect(state.role_definition_resource_id).toMatch(new RegExp(`^/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/[0-9a-f-]{36}$`));
    expect(state.assignable_scopes).toEqual([ACCOUNT]);
  });

  test('role assignment by built-in role name', () => {
    const { state } = roundTrip('azurerm_role_assignment', { scope: ZONE, role_definition_name: 'Private DNS Zone Contributor', principal_id: 'abc', description: null, condition: null },
      ['id', 'name', 'role_definition_id', 'principal_type', 'condition_version', 'skip_service_principal_aad_check']);
    expect(state.role_definition_id).toBe(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b12aa53e-6015-4669-85d0-8515ebb3ae7f`);
    expect(state.id).toBe(`${ZONE}/providers/Microsoft.Authorization/roleAssignments/${state.name}`);
  });

  test('the same role for the same principal twice (names azurerm makes up) fails with RoleAssignmentExists', () => {
    const { engine } = seeded();
    const values = { scope: ZONE, role_definition_name: 'Reader', principal_id: 'abc', description: null, condition: null };
    const computed = ['id', 'name', 'role_definition_id', 'principal_type', 'condition_version', 'skip_service_principal_aad_check'];
    expect(errorOf(create(engine, 'azurerm_role_assignment', values, computed))).toBe('');
    expect(errorOf(create(engine, 'azurerm_role_assignment', { ...values, principal_id: 'ABC' }, computed))).toMatch(/409 .*RoleAssignmentExists/);
  });

  test('management lock and diagnostic setting (azurerm\'s `<target>|<name>` ID)', () => {
    roundTrip('azurerm_management_lock', { name: 'no-delete', scope: ACCOUNT, lock_level: 'CanNotDelete', notes: null }, ['id']);
    const { state } = roundTrip('azurerm_monitor_diagnostic_setting', { name: 'to-law', target_resource_id: ACCOUNT, log_analytics_workspace_id: '/subscriptions/x/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/w',
      enabled_log: [{ category: 'ServiceLogs', category_group: null }], enabled_metric: [], storage_account_id: null }, ['id', 'log_analytics_destination_type']);
    expect(state.id).toBe(`${ACCOUNT}|to-law`);
  });

  test('a custom role with the approval action Batch does not publish fails the apply with InvalidActionOrNotAction', () => {
    const { engine } = seeded();
    const r = create(engine, 'azurerm_role_definition', { name: 'approver', scope: ACCOUNT, permissions: [{ actions: ['Microsoft.Batch/batchAccounts/privateEndpointConnectionsApproval/action'] }] },
      ['id', 'role_definition_id', 'role_definition_resource_id', 'assignable_scopes']);
    expect(errorOf(r)).toMatch(/creating Role Definition .*400 \(400 Bad Request\) with error: InvalidActionOrNotAction/);
  });

  test('a pool under a ReadOnly lock fails with ScopeLocked', () => {
    const { engine } = seeded();
    create(engine, 'azurerm_management_lock', { name: 'ro', scope: ACCOUNT, lock_level: 'ReadOnly', notes: null });
    const r = create(engine, 'azurerm_batch_pool', { name: 'small', resource_group_name: 'rg-batch', account_name: 'contosobatch01', vm_size: 'Standard_D2s_v3', node_agent_sku_id: 'batch.node.ubuntu 22.04' });
    expect(errorOf(r)).toMatch(/409 .*ScopeLocked/);
  });
});

describe('planning', () => {
  test('a changed ForceNew attribute replaces; a location spelled otherwise does not change', () => {
    const { engine } = seeded();
    const prior = { id: RG, name: 'rg-batch', location: 'eastus', tags: null, managed_by: null };
    expect(engine.planResource('azurerm_resource_group', { prior, proposed: null, config: null, planned: { ...prior, location: 'East US' } }))
      .toEqual({ planned: prior, requiresReplace: [], diagnostics: [] });
    expect(engine.planResource('azurerm_resource_group', { prior, proposed: null, config: null, planned: { ...prior, name: 'rg-2' } }).requiresReplace).toEqual([['name']]);
    expect(engine.planResource('azurerm_private_endpoint', { prior: { subnet_id: 'a' }, proposed: null, config: null, planned: { subnet_id: UNKNOWN } }).requiresReplace).toEqual([['subnet_id']]);
  });
});

describe('azapi', () => {
  test('azapi_resource creates through the same rules, reads back, deletes', () => {
    const { engine } = engineOn(seededContext().world.sorted(), 'azapi');
    const values = { type: 'Microsoft.Network/privateDnsZones/A@2024-06-01', parent_id: ZONE, name: 'x.eastus', body: { properties: { ttl: 10, aRecords: [{ ipv4Address: '10.20.1.9' }] } },
      location: null, tags: null, response_export_values: ['properties.fqdn'], output: UNKNOWN, id: UNKNOWN };
    const created = engine.applyResource('azapi_resource', { prior: null, planned: values, config: values });
    expect(errorOf(created)).toBe('');
    expect(created.state).toMatchObject({ id: `${ZONE}/A/x.eastus`, output: { properties: { fqdn: 'x.eastus.privatelink.batch.azure.com.' } } });
    expect(errorOf(engine.applyResource('azapi_resource', { prior: null, planned: values, config: values }))).toMatch(/already exists/);
    expect(engine.readResource('azapi_resource', created.state!).state).toEqual(created.state);
    engine.applyResource('azapi_resource', { prior: created.state, planned: null, config: null });
    expect(engine.readResource('azapi_resource', created.state!).state).toBeNull();
  });

  test('data azapi_resource of something missing fails with a 404', () => {
    const { engine } = engineOn(seededContext().world.sorted(), 'azapi');
    const r = engine.readDataSource('azapi_resource', { type: 'Microsoft.Batch/batchAccounts@2024-07-01', resource_id: `${ACCOUNT}x`, response_export_values: null });
    expect(errorOf(r)).toBe(`reading ${ACCOUNT}x: unexpected status 404 (404 Not Found) with error: ResourceNotFound: Resource '${ACCOUNT}x' was not found.`);
  });

  test('the account lookup lists a subscription\'s accounts', () => {
    const { engine } = engineOn(seededContext().world.sorted(), 'azapi');
    const r = engine.readDataSource('azapi_resource_list', { type: 'Microsoft.Batch/batchAccounts@2024-07-01', parent_id: `/subscriptions/${SUB}`,
      response_export_values: { accounts: "value[?name=='contosobatch01'].{location: location, endpoint: properties.nodeManagementEndpoint}" } });
    expect((r.state!.output as any).accounts).toEqual([{ location: 'eastus', endpoint: expect.stringMatching(/\.eastus\.service\.batch\.azure\.com$/) }]);
  });

  test('a DELETE action on a record set removes it; on nothing it is no error', () => {
    const { engine } = engineOn(seededContext().world.sorted(), 'azapi');
    const action = { type: 'Microsoft.Network/privateDnsZones/A@2024-06-01', resource_id: `${ZONE}/A/none`, method: 'DELETE', when: 'apply', body: null, action: null, response_export_values: null };
    expect(errorOf(engine.applyResource('azapi_resource_action', { prior: null, planned: action, config: action }))).toBe('');
  });
});
