import { BUILT_IN_ROLES } from '../../../lib/rules/built-in-roles';
import { ArmError } from './errors';
import { isUnder, keyOf, parseId, sameType } from './ids';
import { Principal, RoleGrant, World } from './world';

/**
 * Who calls: the principal a provider configuration acts as. Undefined when the world declares no principals: then
 * everything is allowed, as a test subscription's Owner would be.
 */
export interface Caller {
  readonly principal?: Principal;
}

interface Permission {
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
}

/**
 * The built-in roles the world knows, with their `permissions` as Learn prints them (MicrosoftDocs/azure-docs
 * `articles/role-based-access-control/built-in-roles/{privileged,general,networking}.md`). Conditions and data actions
 * are left out.
 */
export const BUILT_IN_ROLE_PERMISSIONS: Readonly<Record<string, Permission>> = {
  Owner: { actions: ['*'], notActions: [] },
  Contributor: {
    actions: ['*'],
    notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'],
  },
  Reader: { actions: ['*/read'], notActions: [] },
  'User Access Administrator': { actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'], notActions: [] },
  'Role Based Access Control Administrator': {
    actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'],
    notActions: [],
  },
  'Network Contributor': {
    actions: ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Network/*', 'Microsoft.ResourceHealth/availabilityStatuses/read',
      'Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*'],
    notActions: [],
  },
  'Private DNS Zone Contributor': {
    actions: ['Microsoft.Authorization/*/read', 'Microsoft.Insights/alertRules/*', 'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.Support/*', 'Microsoft.Network/privateDnsZones/*',
      'Microsoft.Network/privateDnsOperationResults/*', 'Microsoft.Network/privateDnsOperationStatuses/*',
      'Microsoft.Network/virtualNetworks/read', 'Microsoft.Network/virtualNetworks/join/action'],
    notActions: [],
  },
};

/** The operation name of a verb on a resource: `<Namespace>/<types>/<verb>` (resource groups under `subscriptions`). */
export function operationFor(id: string, verb: 'read' | 'write' | 'delete' | string): string {
  const type = parseId(id).type;
  const t = sameType(type, 'Microsoft.Resources/resourceGroups') ? 'Microsoft.Resources/subscriptions/resourceGroups' : type;
  return `${t}/${verb}`;
}

/** Whether an action pattern (with `*` wildcards, case-insensitive) matches an operation. */
export function actionMatches(pattern: string, operation: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(operation);
}

/** The principal a provider configuration acts as: by `client_id` (or `ARM_CLIENT_ID`), else `AZURE_WORLD_PRINCIPAL`, else the one without a client ID. */
export function callerFor(world: World, clientId: string | undefined, principalName?: string): Caller {
  if (world.principals.length === 0) return {};
  const byClient = clientId ? world.principals.find((p) => p.clientId?.toLowerCase() === clientId.toLowerCase()) : undefined;
  const byName = principalName ? world.principals.find((p) => p.name === principalName) : undefined;
  const fallback = !clientId && !principalName ? world.principals.find((p) => p.clientId === undefined) : undefined;
  // An identity the world does not know holds no role: every request is refused, as Azure refuses a stranger.
  return { principal: byClient ?? byName ?? fallback ?? { name: clientId ?? principalName ?? 'unknown', clientId, roles: [] } };
}

/** Whether the caller may perform `operation` on `scope`. */
export function isAllowed(world: World, caller: Caller, operation: string, scope: string): boolean {
  if (!caller.principal) return true;
  return grantsOf(world, caller.principal).some((g) => isUnder(scope, g.scope) && permits(world, g, operation));
}

/**
 * Refuses with 403 AuthorizationFailed, in ARM's words ("The client '…' with object id '…' does not have
 * authorization to perform action '…' over scope '…' or the scope is invalid."; Learn:
 * role-based-access-control/troubleshooting, "does not have authorization to perform action").
 */
export function authorize(world: World, caller: Caller, operation: string, scope: string, code = 'AuthorizationFailed'): void {
  if (isAllowed(world, caller, operation, scope)) return;
  const p = caller.principal!;
  throw new ArmError(403, code, `The client '${p.clientId ?? p.name}' with object id '${p.objectId ?? p.name}' does not have authorization to ` +
    `perform action '${operation}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
}

/** The principal's declared roles plus the role assignments in the world that name its object ID. */
function grantsOf(world: World, principal: Principal): RoleGrant[] {
  const assigned = principal.objectId === undefined ? [] : world.ofType('Microsoft.Authorization/roleAssignments')
    .filter((a) => String(a.properties.principalId ?? '').toLowerCase() === principal.objectId!.toLowerCase())
    .map((a) => ({ scope: String(a.properties.scope), role: String(a.properties.roleDefinitionId) }));
  return [...principal.roles, ...assigned];
}

function permits(world: World, grant: RoleGrant, operation: string): boolean {
  const perms: Permission[] = [];
  if (grant.actions) perms.push({ actions: grant.actions, notActions: grant.notActions ?? [] });
  if (grant.role) perms.push(...rolePermissions(world, grant.role));
  return perms.some((p) => p.actions.some((a) => actionMatches(a, operation)) && !p.notActions.some((a) => actionMatches(a, operation)));
}

/** A role's permissions: a built-in role by name or GUID, or a role definition of the world by ID, GUID or name. */
export function rolePermissions(world: World, role: string): Permission[] {
  const builtIn = BUILT_IN_ROLE_PERMISSIONS[role] ?? BUILT_IN_ROLE_PERMISSIONS[builtInNameOf(role) ?? ''];
  if (builtIn) return [builtIn];
  const guid = role.split('/').pop()!.toLowerCase();
  const def = world.ofType('Microsoft.Authorization/roleDefinitions')
    .find((d) => keyOf(d.id) === keyOf(role) || d.name.toLowerCase() === guid || d.properties.roleName === role);
  if (!def) return [];
  return (def.properties.permissions ?? []).map((p: any) => ({ actions: p.actions ?? [], notActions: p.notActions ?? [] }));
}


/** The built-in role name of a role definition ID or GUID, if it is one. */
export function builtInNameOf(idOrGuid: string): string | undefined {
  const guid = idOrGuid.split('/').pop()!.toLowerCase();
  return Object.entries(BUILT_IN_ROLES).find(([, g]) => g === guid)?.[0];
}
