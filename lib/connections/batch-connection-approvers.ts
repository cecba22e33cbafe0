import { Construct } from 'constructs';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { IBatchAccount } from '../account/batch-account-ref';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { BatchGuards } from '../guards/batch-guards';
import { approverKey, approverProblems, CONNECTION_APPROVER_ACTIONS, ConnectionApprover } from '../rules/approvers';
import { accountIdProblems } from '../rules/connections';
import { approverAssignmentLogicalId, approverRoleLogicalId } from '../rules/logical-ids';
import { parseResourceId } from '../rules/resource-id';

/** Props of {@link BatchConnectionApprovers}. */
export interface BatchConnectionApproversProps {
  /** The Batch account: a `BatchAccount`, or `batchAccountFromId(…)`. */
  readonly account: IBatchAccount;
  /** The principals that approve their own endpoints' connections to the account, from their own stacks. */
  readonly approvers: readonly ConnectionApprover[];
  /**
   * The azurerm provider to create the role and its assignments with.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Delegated approval: lets each approver (a team's deployment identity) approve the connections of its own private
 * endpoints to one Batch account, from the team's stack, so the owner's stack needs no second apply.
 *
 * It is a custom role definition holding exactly {@link CONNECTION_APPROVER_ACTIONS} (`approver_role_<account>`:
 * read the account, read and update its private endpoint connections), assignable in the account's resource group
 * (Azure takes no single resource as an assignable scope), and one role assignment per principal scoped to the
 * account itself (`approver_<account>_<key>`). The team's stack then makes its endpoint with `manualApproval` and
 * approves it with an approve rule on the existing account (`PrivateBatch` with `batchAccountFromId` and
 * `connections: [{ action: 'approve', endpoint }]`).
 *
 * Batch publishes no `privateEndpointConnectionsApproval/action` (Azure's RBAC operations list for Microsoft.Batch,
 * `lib/rules/data/batch-operations.json`), and a custom role with an unpublished action is refused
 * (`InvalidActionOrNotAction`): no narrow role approves an endpoint at its creation (broad roles such as Contributor, with
 * `*`, do: that is the automatic endpoint of an owner). `privateEndpointConnections/write` is granted on the whole
 * account, the narrowest scope Azure has for it, so an approver can approve or reject any connection of the account. Creating the role and assignments needs `Microsoft.Authorization/roleDefinitions/write`
 * and `roleAssignments/write` (Owner or User Access Administrator on the resource group). Role names are unique in a
 * tenant; the role's is `Batch endpoint connection approver: <resource group>/<account>`.
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
      name: `Batch endpoint connection approver: ${group.name}/${name}`,
      scope: group.id,
      description: `Reads Batch account ${name} and approves its private endpoint connections (privateEndpointConnections/write).`,
      permissions: [{ actions: [...CONNECTION_APPROVER_ACTIONS] }],
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
        description: `Approves the connections of the private endpoints this principal makes to Batch account ${name}`,
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
