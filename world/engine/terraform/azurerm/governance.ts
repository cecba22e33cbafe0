import { BUILT_IN_ROLES } from '../../../../lib/rules/built-in-roles';
import { guidFor } from '../../arm/guid';
import { parseId } from '../../arm/ids';
import { LOCK_TYPE } from '../../arm/locks';
import { ROLE_ASSIGNMENT_TYPE, ROLE_DEFINITION_TYPE } from '../../resources/authorization';
import { DIAGNOSTIC_SETTING_TYPE } from '../../resources/governance';
import { Obj } from '../../values';
import { registerTf } from '../handler';
import { s, strings } from '../values';

const subscriptionOf = (scope: string, fallback: string) => parseId(scope).subscriptionId ?? fallback;

registerTf({
  tfType: 'azurerm_role_definition',
  label: 'Role Definition',
  forceNew: ['name', 'scope', 'role_definition_id'],
  // The definition lives at its subscription whatever its scope; azurerm's ID is `<definition ID>|<scope>`.
  armId: (v, st, ctx) => {
    const guid = s(v, 'role_definition_id') ?? guidFor(ctx.world.seed, 'role-definition', s(v, 'scope')!, s(v, 'name')!);
    return `/subscriptions/${subscriptionOf(s(v, 'scope')!, st.subscriptionId)}/providers/${ROLE_DEFINITION_TYPE}/${guid}`;
  },
  idOfState: (id) => id.split('|')[0],
  toArm: (v, id) => ({ id, type: ROLE_DEFINITION_TYPE, name: parseId(id).name, properties: {
    roleName: s(v, 'name'), description: s(v, 'description') ?? '', scope: s(v, 'scope'),
    assignableScopes: strings(v, 'assignable_scopes').length ? strings(v, 'assignable_scopes') : [s(v, 'scope')],
    permissions: (Array.isArray(v.permissions) ? v.permissions as Obj[] : []).map((p) => ({
      actions: strings(p, 'actions'), notActions: strings(p, 'not_actions'), dataActions: strings(p, 'data_actions'), notDataActions: strings(p, 'not_data_actions') })),
  } }),
  toState: (a) => ({ id: `${a.id}|${a.properties.scope}`, name: a.properties.roleName, scope: a.properties.scope, description: a.properties.description || null,
    role_definition_id: a.name, role_definition_resource_id: a.id, assignable_scopes: a.properties.assignableScopes,
    permissions: (a.properties.permissions ?? []).map((p: any) => ({ actions: p.actions ?? [], not_actions: p.notActions ?? [], data_actions: p.dataActions ?? [], not_data_actions: p.notDataActions ?? [] })) }),
});

/** A role definition ID from `role_definition_id` or `role_definition_name` (a built-in role, or a custom role of the world). */
function roleDefinitionIdOf(v: Obj, subscriptionId: string, ctx: Parameters<Parameters<typeof registerTf>[0]['armId']>[2]): string {
  const given = s(v, 'role_definition_id');
  if (given) return given;
  const name = s(v, 'role_definition_name') ?? '';
  const builtIn = BUILT_IN_ROLES[name];
  if (builtIn) return `/subscriptions/${subscriptionId}/providers/${ROLE_DEFINITION_TYPE}/${builtIn}`;
  const custom = ctx.world.ofType(ROLE_DEFINITION_TYPE).find((d) => d.properties.roleName === name);
  return custom?.id ?? `/subscriptions/${subscriptionId}/providers/${ROLE_DEFINITION_TYPE}/unknown-role-${name}`;
}

registerTf({
  tfType: 'azurerm_role_assignment',
  label: 'Role Assignment',
  forceNew: ['name', 'scope', 'role_definition_id', 'role_definition_name', 'principal_id', 'condition', 'condition_version', 'description'],
  // azurerm names an assignment with a random UUID; the world's comes from the seed and how many assignments the scope
  // already has, so two assignments of one role to one principal get two names and Azure's RoleAssignmentExists.
  armId: (v, _st, ctx) => {
    const scope = s(v, 'scope')!.replace(/\/+$/, '');
    const name = s(v, 'name') ?? guidFor(ctx.world.seed, 'role-assignment', scope, s(v, 'principal_id') ?? '', s(v, 'role_definition_name') ?? s(v, 'role_definition_id') ?? '',
      String(ctx.world.children(scope, ROLE_ASSIGNMENT_TYPE).length));
    return `${scope}/providers/${ROLE_ASSIGNMENT_TYPE}/${name}`;
  },
  toArm: (v, id, st, ctx) => ({ id, type: ROLE_ASSIGNMENT_TYPE, name: parseId(id).name, properties: {
    roleDefinitionId: roleDefinitionIdOf(v, subscriptionOf(s(v, 'scope')!, st.subscriptionId), ctx), principalId: s(v, 'principal_id'),
    principalType: s(v, 'principal_type') ?? 'ServicePrincipal', description: s(v, 'description') ?? null,
    condition: s(v, 'condition') ?? null, conditionVersion: s(v, 'condition_version') ?? null,
  } }),
  toState: (a) => {
    const guid = String(a.properties.roleDefinitionId).split('/').pop()!;
    return { id: a.id, name: a.name, scope: parseId(a.id).parentId, principal_id: a.properties.principalId, principal_type: a.properties.principalType,
      role_definition_id: a.properties.roleDefinitionId, role_definition_name: Object.entries(BUILT_IN_ROLES).find(([, g]) => g === guid)?.[0] ?? null,
      condition: a.properties.condition, condition_version: a.properties.conditionVersion, description: a.properties.description,
      skip_service_principal_aad_check: false, delegated_managed_identity_resource_id: null };
  },
});

registerTf({
  tfType: 'azurerm_management_lock',
  label: 'Management Lock',
  forceNew: ['name', 'scope', 'lock_level', 'notes'],
  armId: (v) => `${s(v, 'scope')!.replace(/\/+$/, '')}/providers/${LOCK_TYPE}/${s(v, 'name')}`,
  toArm: (v, id) => ({ id, type: LOCK_TYPE, name: s(v, 'name')!, properties: { level: s(v, 'lock_level'), ...(s(v, 'notes') ? { notes: s(v, 'notes') } : {}) } }),
  toState: (a) => ({ id: a.id, name: a.name, scope: parseId(a.id).parentId, lock_level: a.properties.level, notes: a.properties.notes ?? null }),
});

registerTf({
  tfType: 'azurerm_monitor_diagnostic_setting',
  label: 'Diagnostic Setting',
  forceNew: ['name', 'target_resource_id'],
  // azurerm's ID is `<target>|<name>`.
  armId: (v) => `${s(v, 'target_resource_id')}/providers/${DIAGNOSTIC_SETTING_TYPE}/${s(v, 'name')}`,
  idOfState: (id) => {
    const [target, name] = id.split('|');
    return `${target}/providers/${DIAGNOSTIC_SETTING_TYPE}/${name}`;
  },
  toArm: (v, id) => ({ id, type: DIAGNOSTIC_SETTING_TYPE, name: s(v, 'name')!, properties: {
    ...(s(v, 'log_analytics_workspace_id') ? { workspaceId: s(v, 'log_analytics_workspace_id') } : {}),
    ...(s(v, 'storage_account_id') ? { storageAccountId: s(v, 'storage_account_id') } : {}),
    ...(s(v, 'eventhub_authorization_rule_id') ? { eventHubAuthorizationRuleId: s(v, 'eventhub_authorization_rule_id'), eventHubName: s(v, 'eventhub_name') } : {}),
    logs: (Array.isArray(v.enabled_log) ? v.enabled_log as Obj[] : []).map((l) => ({ category: s(l, 'category') ?? null, categoryGroup: s(l, 'category_group') ?? null, enabled: true })),
    metrics: (Array.isArray(v.enabled_metric) ? v.enabled_metric as Obj[] : []).map((m) => ({ category: s(m, 'category'), enabled: true })),
    ...(s(v, 'log_analytics_destination_type') ? { logAnalyticsDestinationType: s(v, 'log_analytics_destination_type') } : {}),
  } }),
  toState: (a) => ({ id: `${parseId(a.id).parentId}|${a.name}`, name: a.name, target_resource_id: parseId(a.id).parentId,
    log_analytics_workspace_id: a.properties.workspaceId ?? null, storage_account_id: a.properties.storageAccountId ?? null,
    log_analytics_destination_type: a.properties.logAnalyticsDestinationType ?? null }),
});
