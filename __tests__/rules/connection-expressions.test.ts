import {
  atMostOneCondition, CONNECTION_LIST_QUERY, matchesExpression, methodExpression, namesExpression, presentCondition,
  settledCondition, statusesExpression, targetIdExpression, targetTypeExpression,
} from '../../lib/rules/connection-expressions';
import { connectionRequest } from '../../lib/rules/connections';

const approve = connectionRequest({ action: 'approve', connectionName: 'a.1', description: 'ok' });
const reject = connectionRequest({ action: 'reject', connectionName: 'a.1', description: 'no' });
const remove = connectionRequest({ action: 'remove', connectionName: 'a.1' });

describe('connection expressions', () => {
  it('lists each connection with its id, name, endpoint ID and status, never null', () => {
    expect(CONNECTION_LIST_QUERY).toBe(
      "value[].{id: id, name: name, privateEndpointId: properties.privateEndpoint.id || '', " +
      "status: properties.privateLinkServiceConnectionState.status || ''}",
    );
  });

  it('selects connections case-insensitively by endpoint ID or name', () => {
    expect(matchesExpression('data.x.output.connections', 'privateEndpointId', 'lower(azurerm_private_endpoint.pe.id)'))
      .toBe('[for c in data.x.output.connections : c if lower(c.privateEndpointId) == lower(azurerm_private_endpoint.pe.id)]');
    expect(matchesExpression('l', 'name', 'lower("pe.1")')).toBe('[for c in l : c if lower(c.name) == lower("pe.1")]');
  });

  it('targets the one connection found, else the account, which it then only reads', () => {
    expect(targetIdExpression('local.m', 'azurerm_batch_account.b.id')).toBe('length(local.m) == 1 ? local.m[0].id : azurerm_batch_account.b.id');
    expect(targetTypeExpression('local.m', 'C@1', 'A@1')).toBe('length(local.m) == 1 ? "C@1" : "A@1"');
  });

  it('sends a request only in the states it changes, else a GET; a remove deletes whatever it finds', () => {
    expect(methodExpression('local.m', approve)).toBe('length(local.m) == 1 ? (contains(["Pending"], local.m[0].status) ? "PATCH" : "GET") : "GET"');
    expect(methodExpression('local.m', reject)).toBe('length(local.m) == 1 ? (contains(["Pending", "Approved"], local.m[0].status) ? "PATCH" : "GET") : "GET"');
    expect(methodExpression('local.m', remove)).toBe('length(local.m) == 1 ? ("DELETE") : "GET"');
  });

  it('builds the warnings\' and the error\'s conditions and what they show', () => {
    expect(presentCondition('local.m')).toBe('length(local.m) > 0');
    expect(atMostOneCondition('local.m')).toBe('length(local.m) <= 1');
    expect(settledCondition('local.m', ['Pending', 'Approved'])).toBe('alltrue([for c in local.m : contains(["Pending", "Approved"], c.status)])');
    expect(namesExpression('local.m')).toBe('join(", ", local.m[*].name)');
    expect(statusesExpression('local.m')).toBe('join(", ", local.m[*].status)');
  });
});
