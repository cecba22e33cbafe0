import { BUILT_IN_ROLES } from '../../../lib/rules/built-in-roles';
import { badRequest, conflict } from '../arm/errors';
import { keyOf, parseId } from '../arm/ids';
import { isPublishedAction } from '../arm/operations-list';
import { registerType } from '../arm/type-rules';
import { ArmResource, World } from '../arm/world';

export const ROLE_DEFINITION_TYPE = 'Microsoft.Authorization/roleDefinitions';
export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';

registerType({
  type: ROLE_DEFINITION_TYPE,
  /**
   * - Every action and notAction is an operation some provider publishes, else 400 InvalidActionOrNotAction
   *   (Azure/azure-cli#31926 quotes it; the lists: world/engine/data, from MicrosoftDocs/azure-docs
   *   role-based-access-control/permissions/*.md).
   * - Custom role names are unique in the tenant: 409 RoleDefinitionWithSameNameExists (Learn:
   *   role-based-access-control/troubleshooting, "Role definition with same name already exists").
   */
  put(ctx, def) {
    const perms: any[] = def.properties.permissions ?? [];
    const bad = perms.flatMap((p) => [...(p.actions ?? []), ...(p.notActions ?? [])]).filter((a: string) => !isPublishedAction(a));
    if (bad.length > 0) {
      throw badRequest('InvalidActionOrNotAction', `'${bad.join("', '")}' does not match any of the actions supported by the providers.`);
    }
    const twin = ctx.world.ofType(ROLE_DEFINITION_TYPE)
      .find((d) => keyOf(d.id) !== keyOf(def.id) && String(d.properties.roleName).toLowerCase() === String(def.properties.roleName).toLowerCase());
    if (twin) throw conflict('RoleDefinitionWithSameNameExists', `A custom role with the same name already exists in this directory. Use a different name.`);
    return { ...def, properties: { type: 'CustomRole', ...def.properties } };
  },
});

registerType({
  type: ROLE_ASSIGNMENT_TYPE,
  /**
   * - The role definition exists (a built-in role or one in the world): else 400 RoleDefinitionDoesNotExist.
   * - One assignment per (scope, role, principal): a second is 409 RoleAssignmentExists (FACTS.md,
   *   openshift/cloud-credential-operator#137). Principals compare without regard to case.
   */
  put(ctx, assignment) {
    const p = assignment.properties;
    const roleGuid = String(p.roleDefinitionId ?? '').split('/').pop()!.toLowerCase();
    if (!roleDefinitionExists(ctx.world, String(p.roleDefinitionId ?? ''))) {
      throw badRequest('RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
    }
    const scope = parseId(assignment.id).parentId;
    const twin = ctx.world.ofType(ROLE_ASSIGNMENT_TYPE).find((a) => keyOf(a.id) !== keyOf(assignment.id) &&
      keyOf(parseId(a.id).parentId) === keyOf(scope) &&
      String(a.properties.roleDefinitionId).split('/').pop()!.toLowerCase() === roleGuid &&
      String(a.properties.principalId).toLowerCase() === String(p.principalId).toLowerCase());
    if (twin) throw conflict('RoleAssignmentExists', 'The role assignment already exists.');
    return { ...assignment, properties: { ...p, scope } };
  },
});

/** Whether a role definition ID names a built-in role or a definition in the world. */
export function roleDefinitionExists(world: World, id: string): boolean {
  const guid = id.split('/').pop()!.toLowerCase();
  return Object.values(BUILT_IN_ROLES).includes(guid) || world.ofType(ROLE_DEFINITION_TYPE).some((d: ArmResource) => d.name.toLowerCase() === guid);
}
