import { BUILT_IN_ROLES } from '../../rules/built-in-roles';
import { StackModel, blocks, isLiteral, referenceOf, resourceAt, resourcesOfType } from '../../guards/stack-model';
import { code, shown, strong } from '../cells';
import { ReviewInput, ReviewRow, ReviewSection } from '../review-section';

/** What a lock, role assignment or diagnostic setting applies to: the resource of the stack it names, or the ID's last segment. */
function target(model: StackModel, scope: unknown): string {
  const ref = referenceOf(scope);
  const resource = ref && resourceAt(model, ref.address);
  if (resource) return code(shown(model, resource.config.name, resource.address));
  return isLiteral(scope) ? code(scope.split('/').pop() ?? scope) : 'known at apply';
}

const ROLE_NAMES = new Map(Object.entries(BUILT_IN_ROLES).map(([name, guid]) => [guid.toLowerCase(), name]));

/** A role by its built-in name where the table knows its GUID, else its definition ID. */
function role(config: Record<string, any>): string {
  if (isLiteral(config.role_definition_name)) return config.role_definition_name;
  const id = config.role_definition_id;
  if (!isLiteral(id)) return 'known at apply';
  return ROLE_NAMES.get(id.split('/').pop()!.toLowerCase()) ?? code(id);
}

/** Where a diagnostic setting sends: the destinations' names. */
function destinations(config: Record<string, any>): string {
  const to = [
    ['workspace', config.log_analytics_workspace_id],
    ['storage', config.storage_account_id],
    ['event hub', config.eventhub_authorization_rule_id],
  ].filter(([, id]) => id !== undefined);
  return to.map(([kind, id]) => `${kind} ${isLiteral(id) ? code(id.split('/').pop()!) : 'known at apply'}`).join(', ');
}

/** The log categories (or groups) and metrics a diagnostic setting enables. */
function categories(config: Record<string, any>): string {
  const logs = blocks(config.enabled_log).map((log) => String(log.category_group ?? log.category));
  const metrics = [...blocks(config.enabled_metric), ...blocks(config.metric)].map((metric) => String(metric.category));
  return [...logs, ...metrics].join(', ') || 'none';
}

/**
 * Who may do what to the stack's resources, and where their logs go: management locks, role assignments (a
 * role that can change access is in bold) and diagnostic settings.
 */
export function accessSection({ model }: ReviewInput): ReviewSection {
  const locks = resourcesOfType(model, 'azurerm_management_lock').map(({ address, config }): ReviewRow => ({
    key: address,
    cells: ['lock', code(shown(model, config.name)), target(model, config.scope), shown(model, config.lock_level), shown(model, config.notes)],
  }));
  const roles = resourcesOfType(model, 'azurerm_role_assignment').map(({ address, config }): ReviewRow => {
    const name = role(config);
    const principal = `${shown(model, config.principal_id)}${config.principal_type ? ` (${shown(model, config.principal_type)})` : ''}`;
    return {
      key: address,
      cells: ['role assignment', code(address.split('.').pop()!), target(model, config.scope), ACCESS_ROLES.has(name) ? strong(name) : name, principal],
    };
  });
  const settings = resourcesOfType(model, 'azurerm_monitor_diagnostic_setting').map(({ address, config }): ReviewRow => ({
    key: address,
    cells: ['diagnostic setting', code(shown(model, config.name)), target(model, config.target_resource_id), categories(config), destinations(config)],
  }));
  return {
    id: 'access',
    title: 'Locks, role assignments and diagnostic settings',
    columns: ['Kind', 'Name', 'On', 'Level, role or logs', 'Notes, principal or destination'],
    none: 'No lock, role assignment or diagnostic setting.',
    rows: [...locks, ...roles, ...settings],
  };
}

/** Built-in roles that can grant access to others: a reviewer should see them first. */
const ACCESS_ROLES = new Set(['Owner', 'User Access Administrator', 'Role Based Access Control Administrator']);
