import { Construct } from 'constructs';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { roleAssignmentLogicalId } from '../rules/logical-ids';
import { under } from '../rules/problems';
import { duplicateRoleAssignmentProblems } from '../rules/duplicates';
import { RoleAssignmentSettings, roleAssignmentProblems, roleDefinitionGuid, roleDefinitionIdFor } from '../rules/roles';

/** Props of {@link RoleAssignments}. */
export interface RoleAssignmentsProps {
  /** The resource ID the roles are assigned on (the account, or an endpoint). */
  readonly scope: string;
  /** What names the assignments' addresses, `role_<scopeKey>_<key>`: the account name, or an endpoint's key. */
  readonly scopeKey: string;
  /** The assignments, by a key of yours that names each one's address (so removing one leaves the others be). */
  readonly assignments: Readonly<Record<string, RoleAssignmentSettings>>;
  /**
   * The scope's subscription, when known at synth: role definition IDs are written with it.
   * @default read from the scope's ID at apply
   */
  readonly subscriptionId?: string;
  /**
   * The azurerm provider.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Role assignments (`azurerm_role_assignment`) on one resource, AVM-style: role by built-in name, GUID or ID,
 * resolved at synth to the subscription-scoped role definition ID that ARM stores, so the next plan is empty.
 * Remember that Batch's roles act only for Entra ID callers: shared keys give full access whatever the roles.
 */
export class RoleAssignments extends Construct {
  /** The assignments, by key. */
  public readonly assignments: Readonly<Record<string, RoleAssignment>>;

  constructor(scope: Construct, id: string, props: RoleAssignmentsProps) {
    super(scope, id);
    const entries = Object.entries(props.assignments).sort(([a], [b]) => a.localeCompare(b));
    reportProblems(this, entries.flatMap(([key, assignment]) => under(`assignments.${key}`, roleAssignmentProblems(assignment, props.subscriptionId))));
    // In the order written, so that the second of two is the one reported.
    reportProblems(this, under('assignments', duplicateRoleAssignmentProblems(Object.entries(props.assignments).map(([key, a]) => ({ ...a, key })))));
    this.assignments = Object.fromEntries(entries.map(([key, assignment]) => [key, stableAddress(new RoleAssignment(this, key, {
      provider: props.provider,
      scope: props.scope,
      roleDefinitionId: this.definitionId(assignment.roleDefinitionIdOrName, props),
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      description: assignment.description,
      condition: assignment.condition,
      conditionVersion: assignment.conditionVersion ?? (assignment.condition !== undefined ? '2.0' : undefined),
      delegatedManagedIdentityResourceId: assignment.delegatedManagedIdentityResourceId,
    }), roleAssignmentLogicalId(props.scopeKey, key), { existedInV01: false })]));
  }

  private definitionId(idOrName: string, props: RoleAssignmentsProps): string {
    if (props.subscriptionId !== undefined && !Token.isUnresolved(props.subscriptionId)) return roleDefinitionIdFor(idOrName, props.subscriptionId);
    const guid = typeof idOrName === 'string' && !Token.isUnresolved(idOrName) ? roleDefinitionGuid(idOrName) : undefined;
    if (guid === undefined) return idOrName;
    // The scope's own subscription, read from its ID once it is known: the form ARM returns.
    return Fn.format(`%s/providers/Microsoft.Authorization/roleDefinitions/${guid}`, [Fn.regex('^/subscriptions/[^/]+', props.scope)]);
  }
}
