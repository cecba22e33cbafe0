import { search } from 'jmespath';
import {
  atMostOneCondition, CONNECTION_LIST_QUERY, matchesExpression, methodExpression, namesExpression, presentCondition,
  settledCondition, statusesExpression, targetIdExpression, targetTypeExpression,
} from '../../lib/rules/connection-expressions';
import { ConnectionStatus, connectionRequest } from '../../lib/rules/connections';
import { evaluateHcl } from '../helpers/hcl-eval';

// Each expression is evaluated by Terraform (or the JMESPath query by a JMESPath engine) on connection lists as the
// account returns them, so these tests say what the expressions do, whatever their spelling.

const approve = connectionRequest({ action: 'approve', connectionName: 'a.1', description: 'ok' });
const reject = connectionRequest({ action: 'reject', connectionName: 'a.1', description: 'no' });
const remove = connectionRequest({ action: 'remove', connectionName: 'a.1' });

const ACCOUNT = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/b';
const connection = (name: string, status: ConnectionStatus | '', endpoint = `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/${name}`) =>
  ({ id: `${ACCOUNT}/privateEndpointConnections/${name}.0f0e`, name: `${name}.0f0e`, privateEndpointId: endpoint, status });

describe('the connection list query', () => {
  it('reduces each connection of an ARM list page to its id, name, endpoint ID and status, with empty strings for what is missing', () => {
    const page = {
      value: [
        {
          id: `${ACCOUNT}/privateEndpointConnections/pe1.0f0e`, name: 'pe1.0f0e', type: 'Microsoft.Batch/batchAccounts/privateEndpointConnections',
          properties: {
            provisioningState: 'Succeeded',
            privateEndpoint: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1' },
            privateLinkServiceConnectionState: { status: 'Pending', description: '' },
          },
        },
        { id: `${ACCOUNT}/privateEndpointConnections/gone.1a2b`, name: 'gone.1a2b', properties: { provisioningState: 'Succeeded' } },
      ],
    };
    expect(search(page, CONNECTION_LIST_QUERY)).toEqual([
      { id: `${ACCOUNT}/privateEndpointConnections/pe1.0f0e`, name: 'pe1.0f0e', privateEndpointId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1', status: 'Pending' },
      { id: `${ACCOUNT}/privateEndpointConnections/gone.1a2b`, name: 'gone.1a2b', privateEndpointId: '', status: '' },
    ]);
    expect(search({ value: [] }, CONNECTION_LIST_QUERY)).toEqual([]);
  });
});

describe('connection expressions, evaluated by Terraform', () => {
  const pending = connection('pe1', 'Pending', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/PE1');
  const approved = connection('pe2', 'Approved');
  const rejected = connection('pe3', 'Rejected');

  it('select connections by endpoint ID or by name, whatever the case Azure writes them in', () => {
    const found = evaluateHcl({
      byEndpoint: matchesExpression('local.list', 'privateEndpointId', 'lower("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe1")'),
      byName: matchesExpression('local.list', 'name', 'lower("pe2.0f0e")'),
      none: matchesExpression('local.list', 'name', '"pe9.0f0e"'),
    }, { list: [pending, { ...approved, name: 'PE2.0f0e' }] });
    expect(found).toEqual({ byEndpoint: [pending], byName: [{ ...approved, name: 'PE2.0f0e' }], none: [] });
  });

  it('target the one connection found, else the account, which the action then only reads', () => {
    const targets = (matches: unknown[]) => evaluateHcl({
      id: targetIdExpression('local.m', `"${ACCOUNT}"`),
      type: targetTypeExpression('local.m', 'C@1', 'A@1'),
    }, { m: matches });
    expect(targets([pending])).toEqual({ id: pending.id, type: 'C@1' });
    expect(targets([])).toEqual({ id: ACCOUNT, type: 'A@1' });
    expect(targets([pending, approved])).toEqual({ id: ACCOUNT, type: 'A@1' });
  });

  it('send a request only in the states it changes, else a GET; a remove deletes whatever it finds', () => {
    const cases = { none: [], pending: [pending], approved: [approved], rejected: [rejected], two: [pending, approved] };
    const methods = (request: typeof approve) => evaluateHcl(
      Object.fromEntries(Object.keys(cases).map((key) => [key, methodExpression(`local.${key}`, request)])) as Record<keyof typeof cases, string>,
      cases,
    );
    expect(methods(approve)).toEqual({ none: 'GET', pending: 'PATCH', approved: 'GET', rejected: 'GET', two: 'GET' });
    expect(methods(reject)).toEqual({ none: 'GET', pending: 'PATCH', approved: 'PATCH', rejected: 'GET', two: 'GET' });
    expect(methods(remove)).toEqual({ none: 'GET', pending: 'DELETE', approved: 'DELETE', rejected: 'DELETE', two: 'GET' });
  });

  it('tell whether a rule found connections, at most one, all settled, and name them with their statuses', () => {
    const conditions = (m: unknown[]) => evaluateHcl({
      present: presentCondition('local.m'),
      atMostOne: atMostOneCondition('local.m'),
      settled: settledCondition('local.m', ['Pending', 'Approved']),
      names: namesExpression('local.m'),
      statuses: statusesExpression('local.m'),
    }, { m });
    expect(conditions([])).toEqual({ present: false, atMostOne: true, settled: true, names: '', statuses: '' });
    expect(conditions([pending])).toEqual({ present: true, atMostOne: true, settled: true, names: 'pe1.0f0e', statuses: 'Pending' });
    expect(conditions([approved, rejected])).toEqual({ present: true, atMostOne: false, settled: false, names: 'pe2.0f0e, pe3.0f0e', statuses: 'Approved, Rejected' });
  });
});
