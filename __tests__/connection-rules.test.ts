import { Token } from 'cdktf';
import {
  accountIdProblems,
  apiVersionProblems,
  CONNECTION_LIST_QUERY,
  connectionId,
  connectionNameProblems,
  connectionRequest,
  connectionResourceType,
  ConnectionRule,
  connectionRuleProblems,
  DEFAULT_BATCH_CONNECTION_API_VERSION,
  escapeTemplate,
  methodExpression,
  needsConnectionList,
  selectedConnectionsExpression,
  selectedCountCondition,
  selectedIdExpression,
  statusCondition,
} from '../lib/rules/connections';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct';
const ENDPOINT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe';

const problemsOf = (...rules: ConnectionRule[]) => connectionRuleProblems(rules);

describe('connection rule validation', () => {
  it('accepts approve and reject with a description and remove without, by name or by endpoint ID', () => {
    expect(problemsOf(
      { action: 'approve', connectionName: 'pe.1234-abcd', description: 'ok' },
      { action: 'reject', privateEndpointId: ENDPOINT_ID, description: 'not ours' },
      { action: 'remove', connectionName: 'old.5678' },
    )).toEqual([]);
  });

  it('rejects an unknown action, naming the field and the allowed values', () => {
    expect(problemsOf({ action: 'approve', connectionName: 'a.1', description: 'ok' }, { action: 'allow' as any, connectionName: 'b.2' }))
      .toEqual([{ field: 'connections[1].action', problem: 'must be one of approve|reject|remove, got "allow"' }]);
  });

  it.each(['approve', 'reject'] as const)('requires a non-empty description for %s', (action) => {
    for (const description of [undefined, '', '   ']) {
      expect(problemsOf({ action, connectionName: 'a.1', description })).toEqual([
        { field: 'connections[0].description', problem: expect.stringMatching(new RegExp(`is required for ${action}.*Azure keeps it`)) },
      ]);
    }
  });

  it('allows no description for remove, whose DELETE has no body', () => {
    expect(problemsOf({ action: 'remove', connectionName: 'a.1', description: 'bye' }))
      .toEqual([{ field: 'connections[0].description', problem: expect.stringMatching(/not allowed for remove/) }]);
  });

  it('needs exactly one of connectionName and privateEndpointId', () => {
    expect(problemsOf({ action: 'remove', connectionName: 'a.1', privateEndpointId: ENDPOINT_ID }))
      .toEqual([{ field: 'connections[0]', problem: 'must set exactly one of connectionName and privateEndpointId, got both' }]);
    expect(problemsOf({ action: 'remove' }))
      .toEqual([{ field: 'connections[0]', problem: 'must set exactly one of connectionName and privateEndpointId, got neither' }]);
  });

  it('checks literal names and endpoint IDs, but not tokens', () => {
    expect(problemsOf({ action: 'remove', connectionName: 'a/b' })[0].field).toBe('connections[0].connectionName');
    expect(problemsOf({ action: 'remove', connectionName: '' })[0].field).toBe('connections[0].connectionName');
    expect(problemsOf({ action: 'remove', privateEndpointId: ACCOUNT_ID })[0].field).toBe('connections[0].privateEndpointId');
    expect(problemsOf({ action: 'remove', privateEndpointId: Token.asString({ resolve: () => 'x' }) })).toEqual([]);
    expect(connectionNameProblems('pe.0b1c-22', 'name')).toEqual([]);
    expect(connectionNameProblems('pe 1', 'name')).toEqual([{ field: 'name', problem: expect.stringMatching(/must be a connection name/) }]);
  });

  it('reports every problem of every rule at once', () => {
    expect(problemsOf({ action: 'approve', connectionName: 'a.1' }, { action: 'reject' as const, description: 'no' }).map((p) => p.field))
      .toEqual(['connections[0].description', 'connections[1]']);
  });

  it('checks the account ID and the api-version', () => {
    expect(accountIdProblems(ACCOUNT_ID)).toEqual([]);
    expect(accountIdProblems(ENDPOINT_ID)).toEqual([{ field: 'accountId', problem: expect.stringMatching(/must be a Batch account ID/) }]);
    expect(accountIdProblems(Token.asString({ resolve: () => 'x' }))).toEqual([]);
    expect(apiVersionProblems(DEFAULT_BATCH_CONNECTION_API_VERSION)).toEqual([]);
    expect(apiVersionProblems('2025-06-01')).toEqual([]);
    expect(apiVersionProblems('2023-05-01')).toEqual([{ field: 'apiVersion', problem: 'must be one of 2024-07-01|2025-06-01, got "2023-05-01"' }]);
  });
});

describe('connection requests', () => {
  it('approves with a PATCH of status Approved, sent only while Pending, and accepts Pending or Approved', () => {
    expect(connectionRequest({ action: 'approve', connectionName: 'a.1', description: 'ok' })).toEqual({
      method: 'PATCH',
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' } } },
      sendWhile: ['Pending'],
      acceptable: ['Pending', 'Approved'],
    });
  });

  it('rejects with a PATCH of status Rejected, sent while Pending or Approved', () => {
    expect(connectionRequest({ action: 'reject', connectionName: 'a.1', description: 'no' })).toEqual({
      method: 'PATCH',
      body: { properties: { privateLinkServiceConnectionState: { status: 'Rejected', description: 'no' } } },
      sendWhile: ['Pending', 'Approved'],
    });
  });

  it('removes with a bodiless DELETE', () => {
    expect(connectionRequest({ action: 'remove', connectionName: 'a.1' })).toEqual({ method: 'DELETE' });
  });

  it('keeps a description with ${ or %{ literal in Terraform', () => {
    expect(escapeTemplate('cost ${x} and %{if}')).toBe('cost $${x} and %%{if}');
    const token = Token.asString({ resolve: () => 'x' });
    expect(escapeTemplate(token)).toBe(token);
  });

  it('names the type and the connection ID', () => {
    expect(connectionResourceType('2024-07-01')).toBe('Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01');
    expect(connectionId(ACCOUNT_ID, 'pe.1')).toBe(`${ACCOUNT_ID}/privateEndpointConnections/pe.1`);
  });

  it('reads the connection list unless a remove selects by name', () => {
    expect(needsConnectionList({ action: 'remove', connectionName: 'a.1' })).toBe(false);
    expect(needsConnectionList({ action: 'remove', privateEndpointId: ENDPOINT_ID })).toBe(true);
    expect(needsConnectionList({ action: 'approve', connectionName: 'a.1', description: 'ok' })).toBe(true);
  });
});

describe('connection expressions', () => {
  it('lists each connection with its id, name, endpoint ID and status, never null', () => {
    expect(CONNECTION_LIST_QUERY).toBe(
      "value[].{id: id, name: name, privateEndpointId: properties.privateEndpoint.id || '', " +
      "status: properties.privateLinkServiceConnectionState.status || ''}",
    );
  });

  it('selects connections case-insensitively by endpoint ID or name', () => {
    expect(selectedConnectionsExpression('data.x.output.connections', 'privateEndpointId', 'lower(azurerm_private_endpoint.pe.id)'))
      .toBe('[for c in data.x.output.connections : c if lower(c.privateEndpointId) == lower(azurerm_private_endpoint.pe.id)]');
    expect(selectedConnectionsExpression('l', 'name', 'lower("pe.1")')).toBe('[for c in l : c if lower(c.name) == lower("pe.1")]');
  });

  it('sends the request only in the states it changes, else a GET', () => {
    const approve = connectionRequest({ action: 'approve', connectionName: 'a.1', description: 'ok' });
    expect(methodExpression('local.m', approve)).toBe('anytrue([for c in local.m : contains(["Pending"], c.status)]) ? "PATCH" : "GET"');
    expect(methodExpression('local.m', connectionRequest({ action: 'remove', connectionName: 'a.1' }))).toBe('"DELETE"');
  });

  it('builds the conditions and the ID of the single match', () => {
    expect(selectedCountCondition('local.m', 'exactly', 1)).toBe('length(local.m) == 1');
    expect(selectedCountCondition('local.m', 'at most', 1)).toBe('length(local.m) <= 1');
    expect(statusCondition('local.m', ['Pending', 'Approved'])).toBe('alltrue([for c in local.m : contains(["Pending","Approved"], c.status)])');
    expect(selectedIdExpression('local.m', '"fallback"')).toBe('length(local.m) == 1 ? local.m[0].id : "fallback"');
  });
});
