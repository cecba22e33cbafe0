import { isToken } from './tokens';
import { PropProblem } from './problems';
import { everyMember } from './every-member';
import { BATCH_LOG_CATEGORIES, BatchLogCategory } from './diagnostic-categories';

export { BATCH_LOG_CATEGORIES, type BatchLogCategory } from './diagnostic-categories';

/** Every {@link LogCategoryGroup}, in the order messages list them. */
export const LOG_CATEGORY_GROUPS = everyMember<LogCategoryGroup>()(['allLogs', 'audit']);

/**
 * Azure Monitor's log category groups: `allLogs` (every category, and those added later), `audit`. `allLogs` for
 * Batch is what AVM's batch-account module deploys; `audit` for Batch is not documented per resource type.
 */
export type LogCategoryGroup = 'allLogs' | 'audit';

/** Azure allows at most five diagnostic settings per resource (Learn, "Diagnostic settings in Azure Monitor"). */
export const MAX_DIAGNOSTIC_SETTINGS = 5;

/** Where and what one diagnostic setting of a Batch account sends, in AVM's shape (`diagnosticSettings`). */
export interface DiagnosticSettingSettings {
  /**
   * The setting's name: 1-260 characters without `< > * % & : \ ? + /`.
   * @default the key of the setting
   */
  readonly name?: string;
  /**
   * A Log Analytics workspace's resource ID.
   * @default none
   */
  readonly workspaceId?: string;
  /**
   * A storage account's resource ID (in the account's region).
   * @default none
   */
  readonly storageAccountId?: string;
  /**
   * An Event Hubs namespace authorization rule's resource ID (in the account's region).
   * @default none
   */
  readonly eventHubAuthorizationRuleId?: string;
  /**
   * The event hub; only with `eventHubAuthorizationRuleId`.
   * @default one event hub per category, made by Azure
   */
  readonly eventHubName?: string;
  /**
   * A marketplace partner solution's resource ID.
   * @default none
   */
  readonly marketplacePartnerId?: string;
  /**
   * Log category groups to send; `[]` for none.
   * @default `['allLogs']` unless `logCategories` are given
   */
  readonly logCategoryGroups?: readonly LogCategoryGroup[];
  /**
   * Log categories to send.
   * @default none (the groups decide)
   */
  readonly logCategories?: readonly BatchLogCategory[];
  /**
   * Metric categories to send; `[]` for none.
   * @default `['AllMetrics']`
   */
  readonly metricCategories?: readonly 'AllMetrics'[];
  /**
   * How logs land in the workspace. Batch logs go to the AzureDiagnostics table only, so leave it unset.
   * @default unset (Azure decides; azurerm reads it back without a diff)
   */
  readonly logAnalyticsDestinationType?: 'AzureDiagnostics' | 'Dedicated';
}

/** The log groups a setting sends: its own, or `allLogs` when it names neither groups nor categories. */
export function logGroupsOf(setting: DiagnosticSettingSettings): readonly string[] {
  return setting.logCategoryGroups ?? (setting.logCategories === undefined ? ['allLogs'] : []);
}

// azurerm's typed parsers are case-sensitive on these segments.
const DESTINATIONS = {
  workspaceId: [/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+$/, 'a Log Analytics workspace ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.OperationalInsights/workspaces/<name>)'],
  storageAccountId: [/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[^/]+$/, 'a storage account ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>)'],
  eventHubAuthorizationRuleId: [/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.EventHub\/namespaces\/[^/]+\/authorizationRules\/[^/]+$/, 'an Event Hubs authorization rule ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.EventHub/namespaces/<ns>/authorizationRules/<rule>)'],
  marketplacePartnerId: [/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+$/, 'a resource ID'],
} as const;

/** Every problem with one setting (its name given or defaulted), each naming its field. */
export function diagnosticSettingProblems(setting: DiagnosticSettingSettings, name: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string): void => {
    problems.push({ field, problem });
  };
  if (!isToken(name) && (name.length < 1 || name.length > 260 || /[<>*%&:\\?+/]/.test(name))) {
    add('name', `must be 1-260 characters without < > * % & : \\ ? + / (an Azure diagnostic setting name), got ${JSON.stringify(name)}`);
  }
  const destinations = (Object.keys(DESTINATIONS) as (keyof typeof DESTINATIONS)[]).filter((field) => setting[field] !== undefined);
  if (destinations.length === 0) add('workspaceId', 'or storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId is required: a setting sends its logs somewhere');
  for (const field of destinations) {
    const value = setting[field]!;
    const [pattern, what] = DESTINATIONS[field];
    if (!isToken(value) && !pattern.test(value)) add(field, `must be ${what}, spelled as ARM does (azurerm parses it case-sensitively), got ${JSON.stringify(value)}`);
  }
  if (setting.eventHubName !== undefined && setting.eventHubAuthorizationRuleId === undefined) add('eventHubName', 'only applies with eventHubAuthorizationRuleId');
  (setting.logCategories ?? []).forEach((category, i) => {
    if (category === ('ServiceLogs' as string)) add(`logCategories[${i}]`, 'is the deprecated ServiceLogs category; use ServiceLog');
    else if (!(BATCH_LOG_CATEGORIES as readonly string[]).includes(category)) add(`logCategories[${i}]`, `must be a Batch log category (${BATCH_LOG_CATEGORIES.join(', ')}), got ${JSON.stringify(category)}`);
  });
  (setting.logCategoryGroups ?? []).forEach((group, i) => {
    if (!(LOG_CATEGORY_GROUPS as readonly string[]).includes(group)) add(`logCategoryGroups[${i}]`, `must be one of ${LOG_CATEGORY_GROUPS.join(', ')}, got ${JSON.stringify(group)}`);
  });
  (setting.metricCategories ?? []).forEach((category, i) => {
    if (category !== 'AllMetrics') add(`metricCategories[${i}]`, `must be AllMetrics (Batch's one metric category), got ${JSON.stringify(category)}`);
  });
  if (logGroupsOf(setting).length === 0 && (setting.logCategories ?? []).length === 0 && (setting.metricCategories ?? ['AllMetrics']).length === 0) {
    add('metricCategories', 'is empty, as are the logs: a setting must send something');
  }
  if (setting.logAnalyticsDestinationType !== undefined && !['AzureDiagnostics', 'Dedicated'].includes(setting.logAnalyticsDestinationType)) {
    add('logAnalyticsDestinationType', `must be AzureDiagnostics or Dedicated, got ${JSON.stringify(setting.logAnalyticsDestinationType)}`);
  }
  if (setting.logAnalyticsDestinationType !== undefined && setting.workspaceId === undefined) add('logAnalyticsDestinationType', 'only applies with workspaceId');
  return problems;
}
