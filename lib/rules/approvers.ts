import { isToken } from './tokens';
import { PropProblem } from './problems';
import { everyMember } from './every-member';

/**
 * What an approver of a Batch account's private endpoint connections holds on the account: read the account (an
 * approve rule reads it while its connection is not there), list and read its connections, and update one (the PATCH
 * that sets it Approved). These are Microsoft.Batch's published operations (`data/batch-operations.json`, from Azure's
 * RBAC operations list); Batch publishes no `privateEndpointConnectionsApproval/action`, so an endpoint is never
 * approved by its creator's rights at creation: it asks (a manual connection), and an approve rule approves it.
 */
export const CONNECTION_APPROVER_ACTIONS = [
  'Microsoft.Batch/batchAccounts/read',
  'Microsoft.Batch/batchAccounts/privateEndpointConnections/read',
  'Microsoft.Batch/batchAccounts/privateEndpointConnections/write',
] as const;

/** The kinds of Entra principals a role can be assigned to. */
export const PRINCIPAL_TYPES = everyMember<PrincipalType>()(['User', 'Group', 'ServicePrincipal']);

/** `User`, `Group` or `ServicePrincipal`. */
export type PrincipalType = 'User' | 'Group' | 'ServicePrincipal';

/** A principal (a team's deployment identity) that approves its own private endpoints' connections to the account. */
export interface ConnectionApprover {
  /** The Microsoft Entra object ID of the user, group or service principal (e.g. a team's deployment identity). */
  readonly objectId: string;
  /**
   * The kind of principal. Set it for a service principal created just before, which Entra ID may not replicate
   * in time for Azure to look it up.
   * @default none: Azure looks it up
   */
  readonly principalType?: PrincipalType;
  /**
   * Names its role assignment, `approver_<account>_<key>`: lower case letters, digits and `_`.
   * @default the object ID
   */
  readonly key?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY = /^[a-z0-9][a-z0-9_]{0,63}$/;

/** The key of an approver's assignment: the one given, else its object ID. */
export function approverKey(approver: ConnectionApprover): string {
  return approver.key ?? approver.objectId.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/** Every problem with the approvers, each naming its field (`approvers[i].…`). */
export function approverProblems(approvers: readonly ConnectionApprover[]): PropProblem[] {
  const problems = approvers.flatMap((approver, i) => {
    const at = `approvers[${i}]`;
    const own: PropProblem[] = [];
    if (!isToken(approver.objectId) && !GUID.test(approver.objectId)) {
      own.push({ field: `${at}.objectId`, problem: `must be a Microsoft Entra object ID (a GUID), got "${approver.objectId}"` });
    }
    const type: string | undefined = approver.principalType;
    if (type !== undefined && !(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      own.push({ field: `${at}.principalType`, problem: `must be one of ${PRINCIPAL_TYPES.join('|')}, got "${type}"` });
    }
    if (approver.key === undefined && isToken(approver.objectId)) {
      own.push({ field: `${at}.key`, problem: 'is required when objectId is a reference (it names the role assignment)' });
    }
    if (approver.key !== undefined && !KEY.test(approver.key)) {
      own.push({ field: `${at}.key`, problem: `must be 1-64 lower case letters, digits and _, starting with a letter or digit, got "${approver.key}"` });
    }
    return own;
  });
  const seen = new Map<string, number>();
  approvers.forEach((approver, i) => {
    if (isToken(approver.objectId) || problems.some((p) => p.field.startsWith(`approvers[${i}]`))) return;
    const id = approver.objectId.toLowerCase();
    const first = seen.get(id);
    if (first !== undefined) problems.push({ field: `approvers[${i}].objectId`, problem: `repeats approvers[${first}]; list each principal once` });
    else seen.set(id, i);
  });
  return problems;
}
