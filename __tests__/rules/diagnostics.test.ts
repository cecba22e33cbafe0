import { Token } from 'cdktf';
import { DiagnosticSettingSettings, diagnosticSettingProblems, logGroupsOf } from '../../lib/rules/diagnostics';

const RG = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-monitor/providers';
const WORKSPACE = `${RG}/Microsoft.OperationalInsights/workspaces/law`;
const STORAGE = `${RG}/Microsoft.Storage/storageAccounts/stlogs`;
const EVENT_HUB_RULE = `${RG}/Microsoft.EventHub/namespaces/ns/authorizationRules/send`;
const token = () => Token.asString({ resolve: () => 'x' });

const problemsOf = (setting: DiagnosticSettingSettings, name = 'diag') => diagnosticSettingProblems(setting, name);

describe('diagnostic settings of a Batch account', () => {
  it('send allLogs unless categories are named, as AVM does', () => {
    expect(logGroupsOf({})).toEqual(['allLogs']);
    expect(logGroupsOf({ logCategories: ['AuditLog'] })).toEqual([]);
    expect(logGroupsOf({ logCategoryGroups: ['audit'], logCategories: ['ServiceLog'] })).toEqual(['audit']);
  });

  it.each([
    ['a Log Analytics workspace', { workspaceId: WORKSPACE }],
    ['a storage account', { storageAccountId: STORAGE }],
    ['an Event Hubs rule with its hub', { eventHubAuthorizationRuleId: EVENT_HUB_RULE, eventHubName: 'batch' }],
    ['a marketplace partner', { marketplacePartnerId: `${RG}/Microsoft.Datadog/monitors/dd` }],
    ['tokens, known only at deploy', { workspaceId: token(), storageAccountId: token(), eventHubAuthorizationRuleId: token(), marketplacePartnerId: token() }],
  ])('accept a destination: %s', (_, setting: DiagnosticSettingSettings) => {
    expect(problemsOf(setting)).toEqual([]);
  });

  it('require a destination, naming each kind there is', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.field)).toEqual(['workspaceId']);
    for (const field of ['storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId']) expect(problems[0].problem).toContain(field);
  });

  it.each([
    ['workspaceId', `${RG}/microsoft.operationalinsights/workspaces/law`, 'Microsoft.OperationalInsights/workspaces/<name>'],
    ['storageAccountId', WORKSPACE, 'Microsoft.Storage/storageAccounts/<name>'],
    ['eventHubAuthorizationRuleId', `${RG}/Microsoft.EventHub/namespaces/ns`, 'Microsoft.EventHub/namespaces/<ns>/authorizationRules/<rule>'],
    ['marketplacePartnerId', 'dd-monitor', 'a resource ID'],
  ] as const)('refuse %s when azurerm cannot parse it, showing the form it needs and the value given', (field, value, form) => {
    const problems = problemsOf({ [field]: value });
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].problem).toContain(form);
    expect(problems[0].problem).toContain(JSON.stringify(value));
  });

  it('refuse an event hub name without the Event Hubs rule it belongs to', () => {
    const problems = problemsOf({ workspaceId: WORKSPACE, eventHubName: 'batch' });
    expect(problems.map((p) => p.field)).toEqual(['eventHubName']);
    expect(problems[0].problem).toContain('eventHubAuthorizationRuleId');
  });

  it.each(['AzureDiagnostics', 'Dedicated'] as const)('accept every Batch log category, both groups, AllMetrics and the %s destination type', (type) => {
    expect(problemsOf({ workspaceId: WORKSPACE, logCategories: ['AuditLog', 'ServiceLog'], logCategoryGroups: ['allLogs', 'audit'], metricCategories: ['AllMetrics'], logAnalyticsDestinationType: type }))
      .toEqual([]);
  });

  it('refuse the deprecated and unknown categories, and metrics other than AllMetrics, saying what is allowed', () => {
    const problems = problemsOf({ workspaceId: WORKSPACE, logCategories: ['ServiceLogs' as never, 'Nodes' as never], logCategoryGroups: ['everything' as never], metricCategories: ['CoreCount' as never] });
    expect(problems.map((p) => p.field)).toEqual(['logCategories[0]', 'logCategories[1]', 'logCategoryGroups[0]', 'metricCategories[0]']);
    const [deprecated, category, group, metric] = problems.map((p) => p.problem);
    expect(deprecated).toMatch(/deprecated.*use ServiceLog$/);
    expect(category).toMatch(/AuditLog, ServiceLog.*"Nodes"/);
    expect(group).toMatch(/allLogs, audit.*"everything"/);
    expect(metric).toMatch(/AllMetrics.*"CoreCount"/);
  });

  it.each([
    ['logs only, with the groups left to default', { metricCategories: [] }],
    ['metrics only, with the metrics left to default', { logCategoryGroups: [] }],
    ['one log category and no groups or metrics', { logCategoryGroups: [], logCategories: ['AuditLog'], metricCategories: [] }],
  ] as const)('accept a setting that sends %s', (_, setting: DiagnosticSettingSettings) => {
    expect(problemsOf({ workspaceId: WORKSPACE, ...setting })).toEqual([]);
  });

  it('refuse a setting that sends neither logs nor metrics', () => {
    const problems = problemsOf({ workspaceId: WORKSPACE, logCategoryGroups: [], metricCategories: [] });
    expect(problems.map((p) => p.field)).toEqual(['metricCategories']);
    expect(problems[0].problem).toContain('must send something');
  });

  it('refuse a destination type that is not one of the two, saying which are', () => {
    const problems = problemsOf({ workspaceId: WORKSPACE, logAnalyticsDestinationType: 'Basic' as never });
    expect(problems.map((p) => p.field)).toEqual(['logAnalyticsDestinationType']);
    expect(problems[0].problem).toMatch(/AzureDiagnostics or Dedicated.*"Basic"/);
  });

  it('refuse a destination type without a workspace', () => {
    const problems = problemsOf({ storageAccountId: STORAGE, logAnalyticsDestinationType: 'AzureDiagnostics' });
    expect(problems.map((p) => p.field)).toEqual(['logAnalyticsDestinationType']);
    expect(problems[0].problem).toContain('only applies with workspaceId');
  });

  it.each([['one character', 'x'], ['260 characters', 'x'.repeat(260)], ['spaces and dots', 'to law.v2'], ['a token', token()]])(
    'accept a name of %s', (_, name) => {
      expect(problemsOf({ workspaceId: WORKSPACE }, name)).toEqual([]);
    });

  it.each([['<', 'a<b'], [':', 'a:b'], ['+', 'a+b'], ['/', 'a/b'], ['no characters', ''], ['261 characters', 'x'.repeat(261)]])(
    'refuse a name with %s, saying what a name may be and what was given', (_, name) => {
      const problems = problemsOf({ workspaceId: WORKSPACE }, name);
      expect(problems.map((p) => p.field)).toEqual(['name']);
      expect(problems[0].problem).toContain('1-260 characters without < > * % & : \\ ? + /');
      expect(problems[0].problem).toContain(JSON.stringify(name));
    });
});
