import { resources, synthConfig, rawConfig, exampleStack } from './helpers/config';
import { userSetup } from './fixtures/user-setups';
import { connection, selectedBy, withConnections } from './helpers/connection-stories';

const CONNECTION_TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const GUID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const ACCOUNT_PREFIX = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts';
/** The shared account of config/manual-approval.json, and the endpoint the analytics team's stack makes to it. */
const OWNER_ACCOUNT_ID = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-eastus/providers/Microsoft.Batch/batchAccounts/sharedbatch01';
const TEAM_ENDPOINT_ID = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-analytics-eastus/providers/Microsoft.Network/privateEndpoints/pe-sharedbatch01-analytics';
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

    it('has the account owner approve that endpoint\'s connection, found by endpoint ID, addressed approve_sharedbatch01_analytics', () => {
      const action = resources(owner, 'azapi_resource_action').approve_sharedbatch01_analytics;
      expect(owner.data.azapi_resource_list.connections_sharedbatch01).toMatchObject({ type: CONNECTION_TYPE, parent_id: '${azurerm_batch_account.batch_sharedbatch01.id}' });
      expect(action).toMatchObject({
        when: 'apply',
        body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved for team analytics: pipelines in vnet-analytics submit Batch jobs (NET-1234)' } } },
        lifecycle: { ignore_changes: ['method', 'body'], replace_triggered_by: ['terraform_data.approve_sharedbatch01_analytics'] },
      });
      // A PATCH goes only to the team endpoint's connection (its ID in any casing), and only while it is Pending.
      const method = (listed: object[]) => withConnections(owner, 'sharedbatch01', { method: action.method }, listed).method;
      const theirs = (status: 'Pending' | 'Approved') => connection(OWNER_ACCOUNT_ID, TEAM_ENDPOINT_ID.toUpperCase(), GUID, status);
      const another = connection(OWNER_ACCOUNT_ID, `${TEAM_ENDPOINT_ID}-2`, GUID, 'Pending');
      expect(method([another, theirs('Pending')])).toBe('PATCH');
      expect(method([another, theirs('Approved')])).toBe('GET');
      expect(method([another])).toBe('GET');
      expect(owner.check.approve_sharedbatch01_analytics.assert[0].error_message).toMatch(/^Rule approve_sharedbatch01_analytics: no connection of private endpoint .*pe-sharedbatch01-analytics on Batch account sharedbatch01/);
      expect(JSON.stringify(owner)).not.toContain('precondition');
    });

    it('selects exactly the endpoint the team\'s stack makes', () => {
      const [endpoint] = Object.values(resources(team, 'azurerm_private_endpoint'));
      const teamStack = rawConfig('manual-approval.json').stacks[1];
      const id = `/subscriptions/${teamStack.subscriptionId}/resourceGroups/${teamStack.resourceGroup.name}/providers/Microsoft.Network/privateEndpoints/${endpoint.name}`;
      expect(selectedBy(owner, 'sharedbatch01', 'approve_sharedbatch01_analytics', [connection(OWNER_ACCOUNT_ID, id, GUID, 'Pending')]))
        .toEqual([`${endpoint.name}.${GUID}`]);
      expect(resources(team, 'azurerm_resource_group').ResourceGroup.name).toBe(teamStack.resourceGroup.name);
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
    expect(record.depends_on).toEqual([`azurerm_private_endpoint.${endpointId}`, `azapi_resource_action.${actionId}`]);
    expect(JSON.stringify(json.locals)).toContain(`azurerm_private_endpoint.${endpointId}.id`);
    expect(action.body.properties.privateLinkServiceConnectionState.status).toBe('Approved');
    const other = Object.values(resources(json, 'azurerm_private_dns_a_record')).find((r) => !r.name.includes(endpointId))!;
    // Only its own endpoint: no approval to wait for.
    expect(other.depends_on).toEqual([expect.stringMatching(/^azurerm_private_endpoint\./)]);
  });

  it('rejects, removes and approves by endpoint ID or name, each rule addressed by its key', () => {
    const json = synthSetup('fixture-reject-and-remove');
    const actions = resources(json, 'azapi_resource_action');
    expect(Object.keys(actions).sort()).toEqual(['approve_contosobatch01_known_team', 'reject_contosobatch01_unknown_team', 'remove_contosobatch01_retired_team']);
    expect(actions.reject_contosobatch01_unknown_team.body.properties.privateLinkServiceConnectionState).toEqual({ status: 'Rejected', description: 'No ticket for this access' });
    expect(actions.remove_contosobatch01_retired_team.method).toBe('${length(local.remove_contosobatch01_retired_team) == 1 ? ("DELETE") : "GET"}');
    // By name, in any casing.
    const named = (name: string) => ({ ...connection(`${ACCOUNT_PREFIX}/contosobatch01`, `${ACCOUNT_PREFIX}/x`, GUID, 'Pending'), name });
    expect(selectedBy(json, 'contosobatch01', 'approve_contosobatch01_known_team', [named(`PE-Known-Team.${GUID}`), named(`pe-other.${GUID}`)]))
      .toEqual([`PE-Known-Team.${GUID}`]);
  });

  it.each([
    [undefined, 'public'],
    ['AzureChinaCloud', 'china'],
    ['AzureUSGovernment', 'usgovernment'],
  ])('sends approvals to the stack\'s cloud: %s is azapi environment %s', (cloud, environment) => {
    const stack = userSetup('fixture-reject-and-remove');
    if (cloud) Object.assign(stack, { cloud, location: cloud === 'AzureChinaCloud' ? 'chinanorth3' : 'usgovvirginia' });
    expect(synthConfig({ stacks: [stack] })['fixture-reject-and-remove'].provider.azapi).toEqual([{ environment, subscription_id: stack.subscriptionId }]);
  });

  it('delegates approval: a custom role that reads the account and updates its connections, assigned to the principal on the account', () => {
    const json = synthSetup('fixture-delegated-approval');
    const role = resources(json, 'azurerm_role_definition').approver_role_contosobatch01;
    expect(role).toEqual({
      name: 'Batch endpoint connection approver: ${element(split("/", azurerm_batch_account.batch_contosobatch01.id), 4)}/contosobatch01',
      scope: '${regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+", azurerm_batch_account.batch_contosobatch01.id)}',
      assignable_scopes: ['${regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+", azurerm_batch_account.batch_contosobatch01.id)}'],
      description: 'Reads Batch account contosobatch01 and approves its private endpoint connections (privateEndpointConnections/write).',
      permissions: [{ actions: ['Microsoft.Batch/batchAccounts/read', 'Microsoft.Batch/batchAccounts/privateEndpointConnections/read', 'Microsoft.Batch/batchAccounts/privateEndpointConnections/write'] }],
    });
    expect(resources(json, 'azurerm_role_assignment').approver_contosobatch01_analytics_ci).toEqual({
      scope: '${azurerm_batch_account.batch_contosobatch01.id}',
      role_definition_id: '${azurerm_role_definition.approver_role_contosobatch01.role_definition_resource_id}',
      principal_id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      principal_type: 'ServicePrincipal',
      description: 'Approves the connections of the private endpoints this principal makes to Batch account contosobatch01',
    });
    expect(json.resource.azapi_resource_action).toBeUndefined();
  });

  describe('problems in the config\'s connection rules, found by the library\'s rules at synth', () => {
    const problemsOf = (change: (account: any) => void): string[] => {
      const stack = exampleStack();
      change(stack.accounts[0]);
      try {
        synthConfig({ stacks: [stack] });
      } catch (e) {
        return (e as Error).message.split('\n').slice(1).map((line) => line.trim());
      }
      return [];
    };
    const withConnections = (connections: unknown[]) => problemsOf((account) => { account.connections = connections; });
    const peId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe';
    const at = (i: number, field = '') => `stacks[0].accounts[0].connections[${i}]${field ? `.${field}` : ''}`;

    it('are reported at the config\'s field paths, every one at once', () => {
      expect(withConnections([
        { action: 'accept', privateEndpointId: peId, description: 'x' },
        { action: 'approve', connectionName: 'pe/evil', description: 'x' },
        { action: 'reject', privateEndpointId: peId.replace('/pe', '/pe-other') },
        { action: 'remove', endpoint: 'batchAccount', description: 'bye' },
      ])).toEqual([
        `${at(0, 'action')}: must be one of approve|reject|remove, got "accept"`,
        `${at(1, 'connectionName')}: must be a connection name, <endpoint name>.<GUID> (^[a-zA-Z0-9_-]+\\.?[a-fA-F0-9-]*$, at most 101 characters), got "pe/evil"`,
        `${at(2, 'description')}: is required for reject and must not be empty (Azure keeps it on the connection as the reason)`,
        `${at(3, 'description')}: is not allowed for remove (the DELETE has no body); delete it`,
      ]);
    });

    it('limit a description to what the library allows', () => {
      expect(withConnections([{ action: 'approve', privateEndpointId: peId, description: 'x'.repeat(141) }]))
        .toEqual([`${at(0, 'description')}: must be at most 140 bytes, got 141`]);
    });

    it('speak of endpoint, the config\'s word, where the library says privateEndpoint', () => {
      expect(withConnections([{ action: 'remove', privateEndpointId: peId, endpoint: 'batchAccount' }]))
        .toEqual([`${at(0)}: must select its connection with exactly one of connectionName, privateEndpointId and endpoint, got 2`]);
      expect(withConnections([{ action: 'remove' }])).toEqual([`${at(0)}: must select its connection with exactly one of connectionName, privateEndpointId and endpoint, got none`]);
    });

    it('include two rules that contradict each other on one endpoint, and two with one key', () => {
      expect(withConnections([
        { action: 'approve', endpoint: 'nodeManagement', description: 'ok' },
        { action: 'reject', endpoint: 'nodeManagement', description: 'no' },
      ])).toEqual([`${at(1)}: contradicts connections[0]: it would approve the connection of private endpoint pe-contosobatch01-nodemanagement and this rule reject it; keep one`]);
      expect(withConnections([
        { action: 'approve', endpoint: 'nodeManagement', description: 'ok' },
        { action: 'remove', connectionName: 'pe-contosobatch01-nodemanagement.1234' },
      ])).toEqual([`${at(1, 'key')}: "nodemanagement" is also the key of connections[0]; give one of them another key`]);
    });

    it('include bad delegated approvers, at their field', () => {
      expect(problemsOf((account) => { account.connectionApprovers = [{ objectId: 'analytics-ci', principalType: 'App' }]; })).toEqual([
        'stacks[0].accounts[0].connectionApprovers[0].objectId: must be a Microsoft Entra object ID (a GUID), got "analytics-ci"',
        'stacks[0].accounts[0].connectionApprovers[0].principalType: must be one of User|Group|ServicePrincipal, got "App"',
      ]);
    });

    it('include an endpoint reference that names no endpoint of the account', () => {
      expect(withConnections([{ action: 'remove', endpoint: 'pe-missing' }]))
        .toEqual([`${at(0, 'endpoint')}: must name an endpoint of this account: batchAccount, nodeManagement`]);
    });
  });
});
