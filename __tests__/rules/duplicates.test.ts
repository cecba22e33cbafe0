import { duplicateDiagnosticSettingProblems, duplicateRoleAssignmentProblems, WrittenDiagnosticSetting } from '../../lib/rules/duplicates';

const PRINCIPAL = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const SUBMITTER = '48e5e92e-a480-4e71-aa9c-2778f4c13781';
const WORKSPACE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';
const STORAGE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs';

describe('duplicateRoleAssignmentProblems: ARM refuses one role for one principal twice at one scope', () => {
  it.each([
    ['by name and by GUID', 'Azure Batch Job Submitter', SUBMITTER, PRINCIPAL],
    ['by name and by ID, the principal in another case', 'azure batch job submitter', `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${SUBMITTER.toUpperCase()}`, PRINCIPAL.toUpperCase()],
  ])('refuses the same role and principal given %s, at the later key', (_, first, second, principal) => {
    expect(duplicateRoleAssignmentProblems([
      { key: 'team', roleDefinitionIdOrName: first, principalId: PRINCIPAL },
      { key: 'again', roleDefinitionIdOrName: second, principalId: principal },
    ])).toEqual([{ field: 'again', problem: expect.stringMatching(/^assigns role .* again, as team does .*409 RoleAssignmentExists/) }]);
  });

  it('allows another role or another principal, and leaves values known only at apply alone', () => {
    expect(duplicateRoleAssignmentProblems([
      { key: 'a', roleDefinitionIdOrName: 'Reader', principalId: PRINCIPAL },
      { key: 'b', roleDefinitionIdOrName: SUBMITTER, principalId: PRINCIPAL },
      { key: 'c', roleDefinitionIdOrName: 'Reader', principalId: '00000000-0000-0000-0000-000000000001' },
      { key: 'd', roleDefinitionIdOrName: 'Reader', principalId: '${TfToken[TOKEN.1]}' },
      { key: 'e', roleDefinitionIdOrName: 'Reader', principalId: '${TfToken[TOKEN.1]}' },
    ])).toEqual([]);
  });
});

const setting = (key: string, more: Partial<WrittenDiagnosticSetting> = {}): WrittenDiagnosticSetting => ({
  key, destinations: { workspaceId: WORKSPACE }, logCategoryGroups: [], logCategories: [], metricCategories: [], ...more,
});

describe('duplicateDiagnosticSettingProblems', () => {
  it('refuses a second setting of one name, regardless of case, at its name (or its key when the key names it)', () => {
    expect(duplicateDiagnosticSettingProblems([
      setting('logs', { logCategories: ['AuditLog'] }),
      setting('other', { name: 'LOGS', destinations: { storageAccountId: STORAGE }, logCategories: ['AuditLog'] }),
    ])).toEqual([{ field: 'other.name', problem: 'names the diagnostic setting LOGS again, as logs does: a resource\'s settings need names of their own' }]);
  });

  it('refuses one category sent to one destination by two settings, allLogs standing for every Batch category', () => {
    expect(duplicateDiagnosticSettingProblems([
      setting('all', { logCategoryGroups: ['allLogs'] }),
      setting('audit', { destinations: { workspaceId: WORKSPACE.toLowerCase(), storageAccountId: STORAGE }, logCategories: ['AuditLog'], metricCategories: ['AllMetrics'] }),
    ])).toEqual([{ field: 'audit.workspaceId', problem: expect.stringMatching(/^sends AuditLog to \/subscriptions\/s\/resourcegroups\/.* again, as all does: Azure refuses one category to one destination twice/) }]);
  });

  it('allows one category to two destinations, and two categories to one destination', () => {
    expect(duplicateDiagnosticSettingProblems([
      setting('audit', { logCategories: ['AuditLog'] }),
      setting('service', { logCategories: ['ServiceLog'] }),
      setting('archive', { destinations: { storageAccountId: STORAGE }, logCategories: ['AuditLog'] }),
    ])).toEqual([]);
  });
});
