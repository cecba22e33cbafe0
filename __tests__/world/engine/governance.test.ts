import { armDelete, armPut } from '../../../world/engine/arm/operations';
import { ACCOUNT, seededContext, SUB, SUBNET } from './world-helpers';

const lock = (level: string, scope = ACCOUNT) => ({ id: `${scope}/providers/Microsoft.Authorization/locks/l-${level}`, type: 'Microsoft.Authorization/locks', name: `l-${level}`, properties: { level } });
const pool = (name: string, subnet = SUBNET) => ({ id: `${ACCOUNT}/pools/${name}`, type: 'Microsoft.Batch/batchAccounts/pools', name, properties: { vmSize: 'Standard_D2s_v3', networkConfiguration: { subnetId: subnet } } });
const roleDefinition = (name: string, actions: string[]) => ({ id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${name}`, type: 'Microsoft.Authorization/roleDefinitions', name, properties: { roleName: name, permissions: [{ actions }] } });
const assignment = (name: string, principalId: string) => ({ id: `${ACCOUNT}/providers/Microsoft.Authorization/roleAssignments/${name}`, type: 'Microsoft.Authorization/roleAssignments', name,
  properties: { principalId, roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7` } });

describe('locks (Learn azure-resource-manager/management/lock-resources)', () => {
  test('a ReadOnly lock on the account refuses writes below it: a pool is ScopeLocked', () => {
    const ctx = seededContext();
    armPut(ctx, lock('ReadOnly'));
    expect(() => armPut(ctx, pool('p'))).toThrow(expect.objectContaining({ status: 409, code: 'ScopeLocked', message: expect.stringMatching(/cannot perform write operation .*locked: '.*contosobatch01'/) }));
  });

  test('CanNotDelete refuses deletes, not writes; the lock itself can go', () => {
    const ctx = seededContext();
    armPut(ctx, lock('CanNotDelete'));
    expect(() => armPut(ctx, pool('p'))).not.toThrow();
    expect(() => armDelete(ctx, `${ACCOUNT}/pools/p`)).toThrow(expect.objectContaining({ code: 'ScopeLocked' }));
    armDelete(ctx, lock('CanNotDelete').id);
    expect(() => armDelete(ctx, `${ACCOUNT}/pools/p`)).not.toThrow();
  });
});

describe('role definitions and assignments', () => {
  test('a custom role with an action Batch does not publish is InvalidActionOrNotAction', () => {
    expect(() => armPut(seededContext(), roleDefinition('approver', ['Microsoft.Batch/batchAccounts/privateEndpointConnectionsApproval/action'])))
      .toThrow(expect.objectContaining({ status: 400, code: 'InvalidActionOrNotAction' }));
  });

  test('published actions and wildcards that match some are accepted', () => {
    expect(() => armPut(seededContext(), roleDefinition('approver', ['Microsoft.Batch/batchAccounts/privateEndpointConnections/write',
      'Microsoft.Batch/batchAccounts/privateEndpointConnections/*', 'Microsoft.Network/privateDnsZones/A/write', 'Microsoft.Storage/anything/read']))).not.toThrow();
    expect(() => armPut(seededContext(), roleDefinition('bad', ['Microsoft.Network/privateEndpoints/approve/action']))).toThrow(/InvalidActionOrNotAction|does not match/);
  });

  test('the same role for the same principal at the same scope twice is RoleAssignmentExists', () => {
    const ctx = seededContext();
    armPut(ctx, assignment('a1', 'abc'));
    expect(() => armPut(ctx, assignment('a2', 'ABC'))).toThrow(expect.objectContaining({ status: 409, code: 'RoleAssignmentExists' }));
    expect(() => armPut(ctx, assignment('a3', 'other'))).not.toThrow();
  });

  test('a role definition that does not exist is refused', () => {
    const a = assignment('a1', 'abc');
    a.properties.roleDefinitionId = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-0000-0000-000000000000`;
    expect(() => armPut(seededContext(), a)).toThrow(expect.objectContaining({ code: 'RoleDefinitionDoesNotExist' }));
  });
});

describe('diagnostic settings', () => {
  const setting = (name: string, category: string, workspace = '/w/1') => ({ id: `${ACCOUNT}/providers/Microsoft.Insights/diagnosticSettings/${name}`, type: 'Microsoft.Insights/diagnosticSettings', name,
    properties: { workspaceId: workspace, logs: [{ category, enabled: true }] } });

  test('one category to one destination by two settings is a 409', () => {
    const ctx = seededContext();
    armPut(ctx, setting('a', 'ServiceLog'));
    expect(() => armPut(ctx, setting('b', 'ServiceLog'))).toThrow(/Data sink .* is already used in diagnostic setting 'a' for category 'ServiceLog'/);
    expect(() => armPut(ctx, setting('c', 'ServiceLog', '/w/2'))).not.toThrow();
  });

  test('at most five settings per resource', () => {
    const ctx = seededContext();
    for (let i = 0; i < 5; i++) armPut(ctx, setting(`s${i}`, `c${i}`));
    expect(() => armPut(ctx, setting('s5', 'c5'))).toThrow(/5 diagnostic settings/);
  });
});
