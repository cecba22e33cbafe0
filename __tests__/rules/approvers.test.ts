import { Token } from 'cdktf';
import { approverKey, approverProblems, CONNECTION_APPROVAL_ACTION } from '../../lib/rules/approvers';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('delegated approvers', () => {
  it('grant exactly the action that approves endpoints at creation', () => {
    expect(CONNECTION_APPROVAL_ACTION).toBe('Microsoft.Batch/batchAccounts/privateEndpointConnectionsApproval/action');
  });

  it('accept an object ID, a principal type and a key', () => {
    expect(approverProblems([{ objectId: ID }, { objectId: ID.replace('3f', '4f'), principalType: 'ServicePrincipal', key: 'team_ci' }])).toEqual([]);
  });

  it('report a bad object ID, principal type and key, each at its field', () => {
    expect(approverProblems([{ objectId: 'team-ci', principalType: 'Robot' as any, key: 'Team CI' }])).toEqual([
      { field: 'approvers[0].objectId', problem: 'must be a Microsoft Entra object ID (a GUID), got "team-ci"' },
      { field: 'approvers[0].principalType', problem: 'must be one of User|Group|ServicePrincipal, got "Robot"' },
      { field: 'approvers[0].key', problem: 'must be 1-64 lower case letters, digits and _, starting with a letter or digit, got "Team CI"' },
    ]);
  });

  it('report a principal listed twice, and a reference without a key', () => {
    expect(approverProblems([{ objectId: ID }, { objectId: ID.toUpperCase() }]))
      .toEqual([{ field: 'approvers[1].objectId', problem: 'repeats approvers[0]; list each principal once' }]);
    expect(approverProblems([{ objectId: Token.asString({ resolve: () => 'x' }) }]))
      .toEqual([{ field: 'approvers[0].key', problem: 'is required when objectId is a reference (it names the role assignment)' }]);
  });

  it('key an assignment by the key given, else the object ID', () => {
    expect(approverKey({ objectId: ID, key: 'team_ci' })).toBe('team_ci');
    expect(approverKey({ objectId: ID })).toBe('3f2504e0_4f89_41d3_9a0c_0305e82c3301');
  });
});
