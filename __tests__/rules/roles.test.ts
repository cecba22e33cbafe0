import { Token } from 'cdktf';
import { BUILT_IN_ROLES } from '../../lib/rules/built-in-roles';
import { builtInRoleId, RoleAssignmentSettings, roleAssignmentProblems, roleDefinitionGuid, roleDefinitionIdFor } from '../../lib/rules/roles';

const SUB = '11111111-1111-1111-1111-111111111111';
// A subscription with letters in it, so that comparing it in another case means something.
const OTHER_SUB = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const PRINCIPAL = '33333333-3333-3333-3333-333333333333';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const definitionIn = (subscription: string, guid = READER): string => `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const reference = (value: string): string => Token.asString({ resolve: () => value });

describe('built-in roles', () => {
  it('include the Batch roles and AVM\'s five', () => {
    expect(Object.keys(BUILT_IN_ROLES)).toEqual(expect.arrayContaining(['Owner', 'Contributor', 'Reader', 'User Access Administrator',
      'Role Based Access Control Administrator', 'Azure Batch Account Contributor', 'Azure Batch Account Reader', 'Azure Batch Data Contributor',
      'Azure Batch Job Submitter']));
  });

  it.each(Object.entries(BUILT_IN_ROLES))('name %s by its role definition GUID', (_name, guid) => {
    expect(guid).toMatch(GUID);
  });

  it('give each role its own GUID', () => {
    expect(new Set(Object.values(BUILT_IN_ROLES)).size).toBe(Object.keys(BUILT_IN_ROLES).length);
  });

  it('are found by name as Azure matches names, without regard to case', () => {
    expect(builtInRoleId('azure batch job submitter')).toBe('48e5e92e-a480-4e71-aa9c-2778f4c13781');
    expect(builtInRoleId('Batch Superuser')).toBeUndefined();
  });
});

describe('role definition IDs', () => {
  it('come from a name, a GUID, a subscription-, tenant- or management-group-scoped ID', () => {
    for (const given of ['Reader', READER.toUpperCase(), definitionIn(SUB),
      `/providers/Microsoft.Authorization/roleDefinitions/${READER}`, `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleDefinitions/${READER}`]) {
      expect(roleDefinitionGuid(given)).toBe(READER);
    }
  });

  it.each([
    ['an unknown role name', 'Batch Superuser'],
    ['a GUID with more after it', `${READER}0`],
    ['a role definition path under a resource group', `/resourceGroups/rg/providers/Microsoft.Authorization/roleDefinitions/${READER}`],
    ['a role definition ID with a segment after the GUID', `/providers/Microsoft.Authorization/roleDefinitions/${READER}/x`],
    ['a role definition ID that ends in a name, not a GUID', '/providers/Microsoft.Authorization/roleDefinitions/Reader'],
  ])('do not come from %s', (_what, given) => {
    expect(roleDefinitionGuid(given)).toBeUndefined();
  });

  it('are written in the subscription-scoped form ARM returns, so the next plan does not replace the assignment', () => {
    expect(roleDefinitionIdFor('Reader', SUB)).toBe(definitionIn(SUB));
    expect(roleDefinitionIdFor(`/providers/Microsoft.Authorization/roleDefinitions/${READER}`, SUB)).toBe(definitionIn(SUB));
  });

  it.each([
    ['a reference', reference('${azurerm_role_definition.x.role_definition_resource_id}')],
    ['an ID whose subscription is a reference', definitionIn(reference(OTHER_SUB))],
    ['a role this library cannot tell, which roleAssignmentProblems refuses', 'Batch Superuser'],
  ])('pass %s as it is, not rewritten at synth', (_what, given) => {
    expect(roleDefinitionIdFor(given, SUB)).toBe(given);
  });
});

describe('role assignment problems', () => {
  const VALID: RoleAssignmentSettings = { roleDefinitionIdOrName: 'Reader', principalId: PRINCIPAL };
  const problemsOf = (change: Partial<Record<keyof RoleAssignmentSettings, unknown>>, scopeSubscription?: string) =>
    roleAssignmentProblems({ ...VALID, ...change } as RoleAssignmentSettings, scopeSubscription);

  it('none for a complete valid assignment', () => {
    expect(problemsOf({ principalType: 'ServicePrincipal', description: 'CI submits jobs', condition: 'x', conditionVersion: '2.0' }, SUB)).toEqual([]);
  });

  it('none for only a role and a principal: every other setting is optional', () => {
    expect(problemsOf({}, SUB)).toEqual([]);
  });

  it.each(['1.0', '2.0'])('none for condition version %s', (conditionVersion) => {
    expect(problemsOf({ condition: 'x', conditionVersion })).toEqual([]);
  });

  it.each([
    ['the role is a reference', { roleDefinitionIdOrName: reference('role') }, SUB],
    ['the principal is a reference', { principalId: reference('principal') }, SUB],
    ['the scope\'s subscription is a reference', { roleDefinitionIdOrName: definitionIn(OTHER_SUB) }, reference(SUB)],
    ['the scope\'s subscription is not known', { roleDefinitionIdOrName: definitionIn(OTHER_SUB) }, undefined],
    ['the definition is in the scope\'s subscription, written in another case', { roleDefinitionIdOrName: definitionIn(OTHER_SUB.toUpperCase()) }, OTHER_SUB],
  ])('none when %s', (_what, change, scopeSubscription) => {
    expect(problemsOf(change, scopeSubscription)).toEqual([]);
  });

  it.each<[string, Partial<Record<keyof RoleAssignmentSettings, unknown>>, keyof RoleAssignmentSettings, string[]]>([
    ['no role', { roleDefinitionIdOrName: undefined }, 'roleDefinitionIdOrName', ['is required', 'a built-in role name, a role definition GUID or ID']],
    ['an empty role', { roleDefinitionIdOrName: '' }, 'roleDefinitionIdOrName', ['is required', 'a built-in role name, a role definition GUID or ID']],
    ['an unknown role name', { roleDefinitionIdOrName: 'Batch Superuser' }, 'roleDefinitionIdOrName', ['a role definition GUID or ID, or a built-in role', 'got "Batch Superuser"']],
    ['no principal', { principalId: undefined }, 'principalId', ['object ID (a GUID)', 'got undefined']],
    ['a principal given as a list from untyped code, even of one GUID', { principalId: [PRINCIPAL] }, 'principalId', ['object ID (a GUID)', `got ["${PRINCIPAL}"]`]],
    ['a principal that is a GUID with more after it', { principalId: `${PRINCIPAL}0` }, 'principalId', ['object ID (a GUID)', `got "${PRINCIPAL}0"`]],
    ['a principal type azurerm refuses', { principalType: 'Device' }, 'principalType', ['User, Group, ServicePrincipal', 'got "Device"']],
    ['a blank description', { description: '  ' }, 'description', ['must not be empty', 'leave it out']],
    ['a blank condition', { condition: ' ' }, 'condition', ['must not be empty', 'leave it out']],
    ['a condition version without a condition', { conditionVersion: '2.0' }, 'conditionVersion', ['only applies with a condition']],
    ['an unknown condition version', { condition: 'x', conditionVersion: '3.0' }, 'conditionVersion', ['1.0 or 2.0', 'got "3.0"']],
  ])('refuse %s, saying what is allowed', (_what, change, field, parts) => {
    const problems = problemsOf(change, SUB);
    expect(problems.map((p) => p.field)).toEqual([field]);
    for (const part of parts) expect(problems[0].problem).toContain(part);
  });

  it('list the built-in roles this library knows when a role name is unknown', () => {
    const [{ problem }] = problemsOf({ roleDefinitionIdOrName: 'Batch Superuser' });
    for (const name of Object.keys(BUILT_IN_ROLES)) expect(problem).toContain(name);
    expect(problem).toMatch(/\(Owner, Contributor, Reader, .+, Log Analytics Reader\)/);
  });

  it('refuse a definition ID in another subscription than the scope\'s, naming both and the fix', () => {
    const problems = problemsOf({ roleDefinitionIdOrName: definitionIn(OTHER_SUB) }, SUB);
    expect(problems.map((p) => p.field)).toEqual(['roleDefinitionIdOrName']);
    expect(problems[0].problem).toContain(`in subscription ${OTHER_SUB}`);
    expect(problems[0].problem).toContain(`the assignment is in ${SUB}`);
    expect(problems[0].problem).toMatch(/every plan would replace it; give the GUID$/);
  });

  it('name each field azurerm or ARM would refuse, all at once', () => {
    expect(problemsOf({
      roleDefinitionIdOrName: definitionIn('22222222-2222-2222-2222-222222222222'),
      principalId: 'not-a-guid', principalType: 'user', condition: ' ', conditionVersion: '3.0',
    }, SUB).map((p) => p.field)).toEqual(['roleDefinitionIdOrName', 'principalId', 'principalType', 'condition', 'conditionVersion']);
  });
});
