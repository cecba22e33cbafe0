import { BUILT_IN_ROLES } from '../../lib/rules/built-in-roles';
import { builtInRoleId, roleAssignmentProblems, roleDefinitionGuid, roleDefinitionIdFor } from '../../lib/rules/roles';

const SUB = '11111111-1111-1111-1111-111111111111';
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
const PRINCIPAL = '33333333-3333-3333-3333-333333333333';

describe('built-in roles', () => {
  it('are a table of exact role names to GUIDs, with the Batch roles and AVM\'s five', () => {
    for (const name of ['Owner', 'Contributor', 'Reader', 'User Access Administrator', 'Role Based Access Control Administrator',
      'Azure Batch Account Contributor', 'Azure Batch Account Reader', 'Azure Batch Data Contributor', 'Azure Batch Job Submitter']) {
      expect(BUILT_IN_ROLES[name]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(Object.values(BUILT_IN_ROLES)).size).toBe(Object.keys(BUILT_IN_ROLES).length);
  });

  it('are found by name as Azure matches names, without regard to case', () => {
    expect(builtInRoleId('azure batch job submitter')).toBe('48e5e92e-a480-4e71-aa9c-2778f4c13781');
    expect(builtInRoleId('Batch Superuser')).toBeUndefined();
  });
});

describe('role definition IDs', () => {
  it('come from a name, a GUID, a subscription-, tenant- or management-group-scoped ID', () => {
    for (const given of ['Reader', READER.toUpperCase(), `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
      `/providers/Microsoft.Authorization/roleDefinitions/${READER}`, `/providers/Microsoft.Management/managementGroups/mg/providers/Microsoft.Authorization/roleDefinitions/${READER}`]) {
      expect(roleDefinitionGuid(given)).toBe(READER);
    }
  });

  it('are written in the subscription-scoped form ARM returns, so the next plan does not replace the assignment', () => {
    expect(roleDefinitionIdFor('Reader', SUB)).toBe(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`);
    expect(roleDefinitionIdFor(`/providers/Microsoft.Authorization/roleDefinitions/${READER}`, SUB)).toBe(`/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`);
    expect(roleDefinitionIdFor('${azurerm_role_definition.x.role_definition_resource_id}', SUB)).toBe('${azurerm_role_definition.x.role_definition_resource_id}');
  });
});

describe('role assignment problems', () => {
  it('none for a valid assignment', () => {
    expect(roleAssignmentProblems({ roleDefinitionIdOrName: 'Reader', principalId: PRINCIPAL, principalType: 'ServicePrincipal', condition: 'x', conditionVersion: '2.0' }, SUB)).toEqual([]);
  });

  it('name each field azurerm or ARM would refuse', () => {
    expect(roleAssignmentProblems({
      roleDefinitionIdOrName: `/subscriptions/22222222-2222-2222-2222-222222222222/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
      principalId: 'not-a-guid', principalType: 'user' as never, condition: ' ', conditionVersion: '3.0' as never,
    }, SUB).map((p) => p.field)).toEqual(['roleDefinitionIdOrName', 'principalId', 'principalType', 'condition', 'conditionVersion']);
  });
});
