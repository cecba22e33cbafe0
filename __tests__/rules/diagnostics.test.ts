import { diagnosticSettingProblems, logGroupsOf } from '../../lib/rules/diagnostics';

const WORKSPACE = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law';

describe('diagnostic settings of a Batch account', () => {
  it('send allLogs unless categories are named, as AVM does', () => {
    expect(logGroupsOf({})).toEqual(['allLogs']);
    expect(logGroupsOf({ logCategories: ['AuditLog'] })).toEqual([]);
    expect(logGroupsOf({ logCategoryGroups: ['audit'], logCategories: ['ServiceLog'] })).toEqual(['audit']);
  });

  it('accept each destination, spelled as ARM does', () => {
    expect(diagnosticSettingProblems({ workspaceId: WORKSPACE }, 'diag')).toEqual([]);
    expect(diagnosticSettingProblems({ storageAccountId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st' }, 'diag')).toEqual([]);
    expect(diagnosticSettingProblems({ eventHubAuthorizationRuleId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.EventHub/namespaces/ns/authorizationRules/send', eventHubName: 'batch' }, 'diag')).toEqual([]);
  });

  it('refuse the deprecated and unknown categories, and metrics other than AllMetrics', () => {
    expect(diagnosticSettingProblems({ workspaceId: WORKSPACE, logCategories: ['ServiceLogs' as never, 'Nodes' as never], logCategoryGroups: ['everything' as never], metricCategories: ['CoreCount' as never] }, 'diag'))
      .toEqual([
        { field: 'logCategories[0]', problem: 'is the deprecated ServiceLogs category; use ServiceLog' },
        { field: 'logCategories[1]', problem: 'must be a Batch log category (AuditLog, ServiceLog), got "Nodes"' },
        { field: 'logCategoryGroups[0]', problem: 'must be one of allLogs, audit, got "everything"' },
        { field: 'metricCategories[0]', problem: 'must be AllMetrics (Batch\'s one metric category), got "CoreCount"' },
      ]);
  });

  it.each(['a<b', 'a:b', 'a+b', 'a/b', '', 'x'.repeat(261)])('refuse the name %j', (name) => {
    expect(diagnosticSettingProblems({ workspaceId: WORKSPACE }, name).map((p) => p.field)).toEqual(['name']);
  });

  it('refuse a destination type without a workspace', () => {
    expect(diagnosticSettingProblems({ storageAccountId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', logAnalyticsDestinationType: 'AzureDiagnostics' }, 'diag'))
      .toEqual([{ field: 'logAnalyticsDestinationType', problem: 'only applies with workspaceId' }]);
  });
});
