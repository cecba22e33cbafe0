import { Token } from 'cdktf';
import { approverKey, approverProblems, ConnectionApprover } from '../../lib/rules/approvers';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OTHER_ID = '4f2504e0-4f89-41d3-9a0c-0305e82c3301';
const reference = (): string => Token.asString({ resolve: () => 'x' });

const fieldsOf = (approvers: ConnectionApprover[]): string[] => approverProblems(approvers).map((p) => p.field);
const onlyProblemOf = (approver: ConnectionApprover, field: string): string => {
  const problems = approverProblems([approver]);
  expect(problems.map((p) => p.field)).toEqual([`approvers[0].${field}`]);
  return problems[0].problem;
};

describe('delegated approvers', () => {
  it('accept an object ID, a principal type and a key', () => {
    expect(approverProblems([{ objectId: ID }, { objectId: OTHER_ID, principalType: 'ServicePrincipal', key: 'team_ci' }])).toEqual([]);
  });

  it('accept a reference as object ID when a key names its assignment', () => {
    expect(approverProblems([{ objectId: reference(), key: 'team_ci' }])).toEqual([]);
  });

  it.each(['ci', '0_team', 'a'.repeat(64)])('accept the key %j', (key) => {
    expect(approverProblems([{ objectId: ID, key }])).toEqual([]);
  });

  it.each(['team-ci', `${ID}0`, `x${ID}`])('refuse the object ID %j, which is not exactly a GUID', (objectId) => {
    const problem = onlyProblemOf({ objectId }, 'objectId');
    expect(problem).toContain('Microsoft Entra object ID (a GUID)');
    expect(problem).toContain(`got "${objectId}"`);
  });

  it('refuse a principal type Azure does not know, listing those it does', () => {
    const problem = onlyProblemOf({ objectId: ID, principalType: 'Robot' as any }, 'principalType');
    expect(problem).toContain('User|Group|ServicePrincipal');
    expect(problem).toContain('got "Robot"');
  });

  it.each(['Team CI', '_ci', 'a'.repeat(65)])('refuse the key %j, saying which keys name an assignment', (key) => {
    const problem = onlyProblemOf({ objectId: ID, key }, 'key');
    expect(problem).toContain('1-64 lower case letters, digits and _, starting with a letter or digit');
    expect(problem).toContain(`got "${key}"`);
  });

  it('require a key when the object ID is a reference, since the key names the role assignment', () => {
    expect(onlyProblemOf({ objectId: reference() }, 'key')).toContain('is required when objectId is a reference');
  });

  it('report a principal listed twice, in any case, at its second place', () => {
    const problems = approverProblems([{ objectId: ID }, { objectId: ID.toUpperCase() }]);
    expect(problems.map((p) => p.field)).toEqual(['approvers[1].objectId']);
    expect(problems[0].problem).toContain('repeats approvers[0]');
    expect(problems[0].problem).toContain('list each principal once');
  });

  it('report an object ID refused once, not again as a repeat', () => {
    expect(fieldsOf([{ objectId: 'team-ci' }, { objectId: 'team-ci' }])).toEqual(['approvers[0].objectId', 'approvers[1].objectId']);
  });

  it('still report repeats after an approver that was refused', () => {
    const problems = approverProblems([{ objectId: 'team-ci' }, { objectId: ID }, { objectId: ID }]);
    expect(problems.map((p) => p.field)).toEqual(['approvers[0].objectId', 'approvers[2].objectId']);
    expect(problems[1].problem).toContain('repeats approvers[1]');
  });

  it('key an assignment by the key given, else the object ID', () => {
    expect(approverKey({ objectId: ID, key: 'team_ci' })).toBe('team_ci');
    expect(approverKey({ objectId: ID })).toBe('3f2504e0_4f89_41d3_9a0c_0305e82c3301');
  });
});
