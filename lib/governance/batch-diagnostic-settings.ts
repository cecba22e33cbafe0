import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { DiagnosticSettingSettings, MAX_DIAGNOSTIC_SETTINGS, diagnosticSettingProblems, logGroupsOf } from '../rules/diagnostics';
import { diagnosticSettingLogicalId } from '../rules/logical-ids';
import { PropProblem, under } from '../rules/problems';
import { duplicateDiagnosticSettingProblems } from '../rules/duplicates';

/** Props of {@link BatchDiagnosticSettings}. */
export interface BatchDiagnosticSettingsProps {
  /** The Batch account's resource ID. */
  readonly accountId: string;
  /** The account name, which names the settings' addresses (`diag_<account>_<key>`). */
  readonly accountName: string;
  /** The settings, at most five, by a key of yours (the setting's name unless it has one). */
  readonly settings: Readonly<Record<string, DiagnosticSettingSettings>>;
  /**
   * The azurerm provider.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Diagnostic settings (`azurerm_monitor_diagnostic_setting`) of a Batch account, AVM-style: to a workspace, a
 * storage account, an event hub or a partner, by category group (`allLogs` by default) or by Batch's log categories
 * (`AuditLog`, `ServiceLog`), and `AllMetrics`. Written with `enabled_log` and `enabled_metric` (azurerm 4.x's
 * blocks; `metric` is deprecated), never with the retired retention policy.
 */
export class BatchDiagnosticSettings extends Construct {
  /** The settings, by key. */
  public readonly settings: Readonly<Record<string, MonitorDiagnosticSetting>>;

  constructor(scope: Construct, id: string, props: BatchDiagnosticSettingsProps) {
    super(scope, id);
    const entries = Object.entries(props.settings).sort(([a], [b]) => a.localeCompare(b));
    const problems: PropProblem[] = entries.flatMap(([key, setting]) => under(`settings.${key}`, diagnosticSettingProblems(setting, setting.name ?? key)));
    if (entries.length > MAX_DIAGNOSTIC_SETTINGS) {
      problems.push({ field: 'settings', problem: `has ${entries.length} settings; Azure allows at most ${MAX_DIAGNOSTIC_SETTINGS} per resource` });
    }
    problems.push(...under('settings', duplicateDiagnosticSettingProblems(Object.entries(props.settings).map(([key, setting]) => ({
      key,
      name: setting.name,
      destinations: {
        workspaceId: setting.workspaceId, storageAccountId: setting.storageAccountId,
        eventHubAuthorizationRuleId: setting.eventHubAuthorizationRuleId, marketplacePartnerId: setting.marketplacePartnerId,
      },
      eventHubName: setting.eventHubName,
      logCategoryGroups: logGroupsOf(setting),
      logCategories: setting.logCategories ?? [],
      metricCategories: setting.metricCategories ?? ['AllMetrics'],
    })))));
    reportProblems(this, problems);
    this.settings = Object.fromEntries(entries.map(([key, setting]) => [key, stableAddress(new MonitorDiagnosticSetting(this, key, {
      provider: props.provider,
      name: setting.name ?? key,
      targetResourceId: props.accountId,
      logAnalyticsWorkspaceId: setting.workspaceId,
      logAnalyticsDestinationType: setting.logAnalyticsDestinationType,
      storageAccountId: setting.storageAccountId,
      eventhubAuthorizationRuleId: setting.eventHubAuthorizationRuleId,
      eventhubName: setting.eventHubName,
      partnerSolutionId: setting.marketplacePartnerId,
      enabledLog: [
        ...logGroupsOf(setting).map((categoryGroup) => ({ categoryGroup })),
        ...(setting.logCategories ?? []).map((category) => ({ category })),
      ],
      enabledMetric: (setting.metricCategories ?? ['AllMetrics']).map((category) => ({ category })),
    }), diagnosticSettingLogicalId(props.accountName, key), { existedInV01: false })]));
  }
}
