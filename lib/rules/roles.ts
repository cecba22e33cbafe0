import { isToken } from './tokens';
import { PRINCIPAL_TYPES, PrincipalType } from './approvers';
import { BUILT_IN_ROLES } from './built-in-roles';
import { DEFINITION_ID, GUID, roleDefinitionGuid } from './role-ids';
import { PropProblem } from './problems';

export { builtInRoleId, roleDefinitionGuid } from './role-ids';

/** A role assignment on a resource, in AVM's shape (`roleAssignments`). */
export interface RoleAssignmentSettings {
  /**
   * The role: a built-in role's name from the table in lib/rules/built-in-roles.ts (`Azure Batch Job Submitter`), a role definition
   * GUID, or a role definition ID (a custom role's `role_definition_resource_id` too). Names and GUIDs become the
   * subscription-scoped ID `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`, the form
   * ARM returns, so the next plan does not replace the assignment.
   */
  readonly roleDefinitionIdOrName: string;
  /** The object ID of the user, group or service principal (a managed identity's principal ID). */
  readonly principalId: string;
  /**
   * The principal's type; set it for a principal created in the same apply, so ARM does not wait for it to
   * replicate, or where ABAC conditions filter on it.
   * @default none (Azure finds out)
   */
  readonly principalType?: PrincipalType;
  /**
   * Why the assignment exists.
   * @default none
   */
  readonly description?: string;
  /**
   * An ABAC condition that limits the assignment.
   * @default none
   */
  readonly condition?: string;
  /**
   * The condition's version; only with `condition`.
   * @default '2.0' when there is a condition (azurerm's default)
   */
  readonly conditionVersion?: '1.0' | '2.0';
  /**
   * A delegated managed identity's resource ID, for cross-tenant assignments.
   * @default none
   */
  readonly delegatedManagedIdentityResourceId?: string;
}

/** `/subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<guid>`. */
export function subscriptionRoleDefinitionId(subscription: string, guid: string): string {
  return `/subscriptions/${subscription}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/**
 * The `role_definition_id` to write for an assignment whose scope is in `subscription`: the subscription-scoped
 * form, which is what ARM returns whatever form was sent (a tenant-scoped `/providers/…` ID would show as a
 * replacement on every plan: hashicorp/terraform-provider-azurerm#19847). A token passes as it is.
 */
export function roleDefinitionIdFor(idOrName: string, subscription: string): string {
  if (isToken(idOrName)) return idOrName;
  const guid = roleDefinitionGuid(idOrName);
  return guid === undefined ? idOrName : subscriptionRoleDefinitionId(subscription, guid);
}

/** Every problem with one assignment, each naming its field; `scopeSubscription` when known at synth. */
export function roleAssignmentProblems(assignment: RoleAssignmentSettings, scopeSubscription?: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string): void => {
    problems.push({ field, problem });
  };
  const role = assignment.roleDefinitionIdOrName;
  if (typeof role !== 'string' || role === '') add('roleDefinitionIdOrName', 'is required: a built-in role name, a role definition GUID or ID');
  else if (!isToken(role)) {
    const id = DEFINITION_ID.exec(role);
    if (roleDefinitionGuid(role) === undefined) {
      add('roleDefinitionIdOrName', `must be a role definition GUID or ID, or a built-in role this library knows (${Object.keys(BUILT_IN_ROLES).join(', ')}), got ${JSON.stringify(role)}`);
    } else if (id?.[1] !== undefined && scopeSubscription !== undefined && !isToken(scopeSubscription) && id[1].toLowerCase() !== scopeSubscription.toLowerCase()) {
      add('roleDefinitionIdOrName', `names a role definition in subscription ${id[1]}, but the assignment is in ${scopeSubscription}: ARM would store it under ${scopeSubscription} and every plan would replace it; give the GUID`);
    }
  }
  if (typeof assignment.principalId !== 'string' || (!isToken(assignment.principalId) && !GUID.test(assignment.principalId))) {
    add('principalId', `must be the principal's object ID (a GUID), got ${JSON.stringify(assignment.principalId)}`);
  }
  if (assignment.principalType !== undefined && !(PRINCIPAL_TYPES as readonly string[]).includes(assignment.principalType)) {
    add('principalType', `must be one of ${PRINCIPAL_TYPES.join(', ')} (azurerm refuses ForeignGroup and Device), got ${JSON.stringify(assignment.principalType)}`);
  }
  if (assignment.description !== undefined && assignment.description.trim() === '') add('description', 'must not be empty; leave it out instead');
  if (assignment.condition !== undefined && assignment.condition.trim() === '') add('condition', 'must not be empty; leave it out instead');
  if (assignment.conditionVersion !== undefined && assignment.condition === undefined) add('conditionVersion', 'only applies with a condition');
  if (assignment.conditionVersion !== undefined && !['1.0', '2.0'].includes(assignment.conditionVersion)) {
    add('conditionVersion', `must be 1.0 or 2.0, got ${JSON.stringify(assignment.conditionVersion)}`);
  }
  return problems;
}
