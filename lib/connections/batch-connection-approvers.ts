import { Construct } from 'constructs';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { IBatchAccount } from '../account/batch-account-ref';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { BatchGuards } from '../guards/batch-guards';
import { approverKey, approverProblems, CONNECTION_APPROVAL_ACTION, ConnectionApprover } from '../rules/approvers';
import { accountIdProblems } from '../rules/connections';
import { approverAssignmentLogicalId, approverRoleLogicalId } from '../rules/logical-ids';
import { parseResourceId } from '../rules/resource-id';

/** Props of {@link BatchConnectionApprovers}. */
export interface BatchConnectionApproversProps {
  /** The Batch account: a `PrivateBatchAccount`, or `batchAccountFromId(…)`. */
  readonly account: IBatchAccount;
  /** The principals whose private endpoints to the account are approved at creation. */
  readonly approvers: readonly ConnectionApprover[];
  /**
   * The azurerm provider to create the role and its assignments with.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Delegated approval, the declarative alternative to approve rules: grants exactly
 * `Microsoft.Batch/batchAccounts/privateEndpointConnectionsApproval/action` on one Batch account to each
 * approver. A private endpoint that such a principal creates to the account is Approved at creation: no
 * Pending connection, no second apply of the owner's stack.
 *
 * It is a custom role definition holding that one action (`approver_role_<account>`, assignable in the
 * account's resource group, since Azure takes no single resource as an assignable scope) and one role
 * assignment per principal scoped to the account itself (`approver_<account>_<key>`). Creating them needs
 * `Microsoft.Authorization/roleDefinitions/write` and `roleAssignments/write` (Owner or User Access
 * Administrator on the resource group). Role names are unique in a tenant; the role's is
 * `Batch endpoint auto-approval: <resource group>/<account>`.
 */
export class BatchConnectionApprovers extends Construct {
  /** The custom role. */
  public readonly roleDefinition: RoleDefinition;
  /** One assignment per approver, in the order given. */
  public readonly assignments: readonly RoleAssignment[];

  constructor(scope: Construct, id: string, props: BatchConnectionApproversProps) {
    super(scope, id);
    const problems = [...accountIdProblems(props.account.id), ...approverProblems(props.approvers)];
    if (props.approvers.length === 0) problems.push({ field: 'approvers', problem: 'must name at least one principal' });
    reportProblems(this, problems);
    BatchGuards.of(this);

    const { name, id: accountId } = props.account;
    const group = resourceGroupOf(accountId);
    this.roleDefinition = new RoleDefinition(this, 'role', {
      name: `Batch endpoint auto-approval: ${group.name}/${name}`,
      scope: group.id,
      description: `Private endpoints that its holders create to Batch account ${name} are approved at creation.`,
      permissions: [{ actions: [CONNECTION_APPROVAL_ACTION] }],
      assignableScopes: [group.id],
      provider: props.provider,
    });
    stableAddress(this.roleDefinition, approverRoleLogicalId(name), { existedInV01: false });
    this.assignments = props.approvers.map((approver) => {
      const key = approverKey(approver);
      const assignment = new RoleAssignment(this, `approver-${key}`, {
        scope: accountId,
        roleDefinitionId: this.roleDefinition.roleDefinitionResourceId,
        principalId: approver.objectId,
        principalType: approver.principalType,
        description: `Approves at creation the private endpoints this principal makes to Batch account ${name}`,
        provider: props.provider,
      });
      stableAddress(assignment, approverAssignmentLogicalId(name, key), { existedInV01: false });
      return assignment;
    });
  }
}

/** The ID and name of the account's resource group: from a literal ID at synth, else as Terraform expressions. */
function resourceGroupOf(accountId: string): { id: string; name: string } {
  if (!Token.isUnresolved(accountId)) {
    const parts = parseResourceId(accountId)!;
    return { id: `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroupName}`, name: parts.resourceGroupName };
  }
  return {
    id: Token.asString(Fn.regex('(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+', accountId)),
    name: Token.asString(Fn.element(Fn.split('/', accountId), 4)),
  };
}
