import { BUILT_IN_ROLES } from './built-in-roles';

// Pure (no cdktf): the duplicate rules compare roles with these too.

/** A GUID, in either case. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A role definition ID: subscription-, management-group- or tenant-scoped; group 1 the subscription, 2 the GUID. */
export const DEFINITION_ID = /^(?:\/subscriptions\/([^/]+))?(?:\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/([^/]+)$/i;

/** The built-in role of a name, matched as Azure matches role names (case-insensitively), or undefined. */
export function builtInRoleId(name: string): string | undefined {
  const key = Object.keys(BUILT_IN_ROLES).find((role) => role.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : BUILT_IN_ROLES[key];
}

/**
 * The role definition GUID that `roleDefinitionIdOrName` names, or undefined when it names none this library can
 * tell (a token passes as it is). A definition ID in another subscription than the scope's is refused by
 * `roleAssignmentProblems` (roles.ts).
 */
export function roleDefinitionGuid(idOrName: string): string | undefined {
  if (GUID.test(idOrName)) return idOrName.toLowerCase();
  const id = DEFINITION_ID.exec(idOrName);
  if (id && GUID.test(id[2])) return id[2].toLowerCase();
  return builtInRoleId(idOrName);
}

