import { resources, synthConfig, rawConfig, exampleStack } from './helpers/config';
import { userSetup } from './fixtures/user-setups';
import { parseConfig } from '../app/load-config';

const CONNECTION_TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const synthSetup = (name: string) => synthConfig({ stacks: [userSetup(name)] })[name];

describe('connection management in the example app', () => {
  describe('config/manual-approval.json', () => {
    const stacks = synthConfig(rawConfig('manual-approval.json'));
    const owner = stacks['batch-shared-eastus'];
    const team = stacks['batch-analytics-eastus'];

    it('has the other team ask for a manual connection to an account it does not own', () => {
      const [endpoint] = Object.values(resources(team, 'azurerm_private_endpoint'));
      expect(endpoint.private_service_connection).toEqual({
        name: 'pe-sharedbatch01-analytics-connection',
        is_manual_connection: true,
        request_message: 'Team analytics: pipelines in vnet-analytics submit Batch jobs (NET-1234)',
        private_connection_resource_id: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-shared-eastus/providers/Microsoft.Batch/batchAccounts/sharedbatch01',
        subresource_names: ['batchAccount'],
      });
      expect(resources(team, 'azurerm_batch_account')).toEqual({});
    });

    it('has the account owner approve that endpoint\'s connection with PATCH, found by endpoint ID at plan time', () => {
      const [action] = Object.values(resources(owner, 'azapi_resource_action'));
      const [listId, list] = Object.entries(owner.data.azapi_resource_list)[0] as [string, any];
      const [accountId] = Object.keys(resources(owner, 'azurerm_batch_account'));
      expect(list).toMatchObject({ type: CONNECTION_TYPE, parent_id: `\${azurerm_batch_account.${accountId}.id}` });
      expect(action).toMatchObject({
        type: CONNECTION_TYPE,
        when: 'apply',
        body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved for team analytics: pipelines in vnet-analytics submit Batch jobs (NET-1234)' } } },
      });
      expect(action.method).toMatch(/contains\(\[\\?"Pending\\?"\], c\.status\)\]\) \? "PATCH" : "GET"/);
      const [local] = Object.values(owner.locals) as string[];
      expect(local).toContain(`data.azapi_resource_list.${listId}.output.connections`);
      expect(local).toContain('lower(c.privateEndpointId) == lower("/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-analytics-eastus/providers/Microsoft.Network/privateEndpoints/pe-sharedbatch01-analytics")');
      expect(action.lifecycle.precondition[0].error_message).toMatch(/expected exactly one connection from private endpoint .*pe-sharedbatch01-analytics/);
    });

    it('lists the account\'s connections (name, endpoint ID, status) in an output', () => {
      const name = Object.keys(owner.output).find((n) => n.startsWith('sharedbatch01_connections'))!;
      expect(owner.output[name].value).toMatch(/^\$\{data\.azapi_resource_list\..*\.output\.connections\}$/);
      expect(owner.data.azapi_resource_list[Object.keys(owner.data.azapi_resource_list)[0]].response_export_values.connections)
        .toContain('{id: id, name: name, privateEndpointId: properties.privateEndpoint.id');
    });

    it('configures azapi for the stack\'s subscription, pinned to ~> 2.5', () => {
      expect(owner.provider.azapi).toEqual([{ environment: 'public', subscription_id: '11111111-2222-3333-4444-555555555555' }]);
      expect(owner.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.5' });
    });
  });

  it('creates the record of a manual endpoint in this stack only after its approval, which waits for the endpoint', () => {
    const json = synthSetup('fixture-manual-endpoint');
    const [actionId, action] = Object.entries(resources(json, 'azapi_resource_action'))[0];
    const [endpointId] = Object.entries(resources(json, 'azurerm_private_endpoint')).find(([, e]) => e.private_service_connection.is_manual_connection)!;
    const record = Object.values(resources(json, 'azurerm_private_dns_a_record')).find((r) => r.name.includes(endpointId))!;
    expect(record.depends_on).toEqual([`azapi_resource_action.${actionId}`]);
    expect(JSON.stringify(json.locals)).toContain(`azurerm_private_endpoint.${endpointId}.id`);
    expect(action.body.properties.privateLinkServiceConnectionState.status).toBe('Approved');
    const other = Object.values(resources(json, 'azurerm_private_dns_a_record')).find((r) => !r.name.includes(endpointId))!;
    expect(other.depends_on).toBeUndefined();
  });

  it('rejects with PATCH and removes with DELETE on the connection type, and selects by name without a list', () => {
    const json = synthSetup('fixture-reject-and-remove');
    const actions = Object.values(resources(json, 'azapi_resource_action'));
    expect(actions.map((a) => a.type)).toEqual([CONNECTION_TYPE, CONNECTION_TYPE, CONNECTION_TYPE]);
    expect(actions[0].body.properties.privateLinkServiceConnectionState).toEqual({ status: 'Rejected', description: 'No ticket for this access' });
    expect(actions[0].method).toMatch(/"PATCH" : "GET"/);
    expect(actions[1].method).toBe('DELETE');
    expect(actions[1].body).toBeUndefined();
    const [accountId] = Object.keys(resources(json, 'azurerm_batch_account'));
    expect(actions[2]).toMatchObject({
      resource_id: `\${azurerm_batch_account.${accountId}.id}/privateEndpointConnections/pe-known-team.0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0`,
    });
  });

  describe('config errors', () => {
    const withConnections = (connections: unknown[]) => () => {
      const stack = exampleStack();
      stack.accounts[0].connections = connections;
      return parseConfig(JSON.stringify({ stacks: [stack] }), 'bad.json');
    };
    const peId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe';

    it('rejects an unknown action, listing the allowed ones', () => {
      expect(withConnections([{ action: 'accept', privateEndpointId: peId, description: 'x' }]))
        .toThrow(/stacks\[0\]\.accounts\[0\]\.connections\[0\]\.action: Invalid option: expected one of "approve"\|"reject"\|"remove"/);
    });

    it('rejects an empty or missing description for approve and reject', () => {
      expect(withConnections([{ action: 'approve', privateEndpointId: peId, description: '  ' }])).toThrow(/connections\[0\]\.description: must not be empty/);
      expect(withConnections([{ action: 'reject', privateEndpointId: peId }])).toThrow(/connections\[0\]\.description: is required for reject/);
    });

    it('rejects both and neither of the ways to select a connection', () => {
      expect(withConnections([{ action: 'remove', privateEndpointId: peId, connectionName: 'pe.1' }])).toThrow(/connections\[0\]: give exactly one of connectionName, privateEndpointId and endpoint/);
      expect(withConnections([{ action: 'remove' }])).toThrow(/connections\[0\]: give exactly one of connectionName, privateEndpointId and endpoint/);
    });

    it('rejects an endpoint reference that names no endpoint of the account', () => {
      expect(withConnections([{ action: 'remove', endpoint: 'pe-missing' }])).toThrow(/connections\[0\]\.endpoint: must name an endpoint of this account: batchAccount, nodeManagement/);
    });
  });
});
