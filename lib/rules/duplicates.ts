import { PropProblem } from './problems';
import { roleDefinitionGuid } from './role-ids';
import { BATCH_LOG_CATEGORIES } from './diagnostic-categories';

// Pure (no cdktf): a value that holds `${` is a token or a Terraform expression, known only at apply, and is left out.
const known = (value: unknown): value is string => typeof value === 'string' && !value.includes('${');

/** Every item after the first whose key is taken, with that first one; items without a key are left out. */
function repeats<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): { item: T; first: T; key: string }[] {
  const seen = new Map<string, T>();
  return items.flatMap((item) => keysOf(item).flatMap((key) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item);
    return first === undefined || first === item ? [] : [{ item, first, key }];
  }));
}

/** One role assignment as written, by its key among the assignments of one scope. */
export interface WrittenAssignment {
  /** The key the user gave it. */
  readonly key: string;
  /** A built-in role name, a role definition GUID or ID. */
  readonly roleDefinitionIdOrName: string;
  /** The principal's object ID. */
  readonly principalId: string;
}

/**
 * Role assignments of one scope that assign one role to one principal again, compared as ARM compares them: the
 * role by its definition GUID (a built-in name, a GUID and an ID of one role are one), the principal's object ID
 * regardless of case. ARM refuses the second with 409 RoleAssignmentExists ("The role assignment already exists",
 * Learn, "Troubleshoot Azure RBAC"). Each is reported at the later one's key.
 */
export function duplicateRoleAssignmentProblems(assignments: readonly WrittenAssignment[]): PropProblem[] {
  const keyOf = (a: WrittenAssignment): string[] => {
    const role = known(a.roleDefinitionIdOrName) ? roleDefinitionGuid(a.roleDefinitionIdOrName) : undefined;
    return role !== undefined && known(a.principalId) ? [`${role}|${a.principalId.toLowerCase()}`] : [];
  };
  return repeats(assignments, keyOf).map(({ item, first }) => ({
    field: item.key,
    problem: `assigns role ${item.roleDefinitionIdOrName} to principal ${item.principalId} again, as ${first.key} does (${first.roleDefinitionIdOrName}): Azure refuses a second assignment of one role to one principal at one scope (409 RoleAssignmentExists); keep one`,
  }));
}

/** One diagnostic setting as written, by its key among the settings of one resource. */
export interface WrittenDiagnosticSetting {
  /** The key the user gave it. */
  readonly key: string;
  /** Its name, when given (else the key names it). */
  readonly name?: string;
  /** The destinations, by field: `workspaceId`, `storageAccountId`, `eventHubAuthorizationRuleId`, `marketplacePartnerId`. */
  readonly destinations: Readonly<Record<string, string | undefined>>;
  /** The event hub, with `eventHubAuthorizationRuleId`. */
  readonly eventHubName?: string;
  /** The log category groups it sends. */
  readonly logCategoryGroups: readonly string[];
  /** The log categories it sends. */
  readonly logCategories: readonly string[];
  /** The metric categories it sends. */
  readonly metricCategories: readonly string[];
}

/**
 * The categories a setting sends, for comparing destinations: `allLogs` stands for every Batch log category. The
 * `audit` group is compared as itself: which Batch categories it holds is not documented (unconfirmed).
 */
function categoriesOf(setting: WrittenDiagnosticSetting): string[] {
  const groups = setting.logCategoryGroups.flatMap((g) => (g === 'allLogs' ? [...BATCH_LOG_CATEGORIES] : [`group ${g}`]));
  return [...new Set([...groups, ...setting.logCategories, ...setting.metricCategories])];
}

/**
 * Diagnostic settings of one resource that Azure refuses together: two of one name (names compare regardless of
 * case; azurerm refuses to create one that exists), and one category sent to one destination by two settings (Azure
 * refuses a setting whose destination already receives the category from another; Learn, "Diagnostic settings in
 * Azure Monitor"). Each is reported at the later setting's field.
 */
export function duplicateDiagnosticSettingProblems(settings: readonly WrittenDiagnosticSetting[]): PropProblem[] {
  const nameOf = (s: WrittenDiagnosticSetting): string => s.name ?? s.key;
  const names = repeats(settings, (s) => (known(nameOf(s)) ? [nameOf(s).toLowerCase()] : [])).map(({ item, first }) => ({
    field: item.name === undefined ? item.key : `${item.key}.name`,
    problem: `names the diagnostic setting ${nameOf(item)} again, as ${first.key} does: a resource's settings need names of their own`,
  }));
  // One entry per setting, destination and category: the second entry of one destination and category is refused.
  const sends = settings.flatMap((setting) => Object.entries(setting.destinations)
    .filter((entry): entry is [string, string] => known(entry[1]))
    .flatMap(([field, id]) => {
      const sink = field === 'eventHubAuthorizationRuleId' ? `${id}|${setting.eventHubName ?? ''}` : id;
      return categoriesOf(setting).map((category) => ({ setting, field, id, category, key: `${sink.toLowerCase()}|${category}` }));
    }));
  const reported = new Set<string>();
  const destinations = repeats(sends, (send) => [send.key]).flatMap(({ item, first }): PropProblem[] => {
    const field = `${item.setting.key}.${item.field}`;
    if (item.setting === first.setting || reported.has(`${field}|${first.setting.key}`)) return [];
    reported.add(`${field}|${first.setting.key}`);
    const categories = sends.filter((s) => s.setting === item.setting && s.id === item.id && sends.some((o) => o.setting === first.setting && o.key === s.key)).map((s) => s.category);
    return [{ field, problem: `sends ${categories.join(', ')} to ${item.id} again, as ${first.setting.key} does: Azure refuses one category to one destination twice; send each from one setting` }];
  });
  return [...names, ...destinations];
}
