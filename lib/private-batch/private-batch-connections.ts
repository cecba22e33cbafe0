import type { Construct } from 'constructs';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchConnectionApprovers } from '../connections/batch-connection-approvers';
import { BatchEndpointConnections } from '../connections/batch-endpoint-connections';
import type { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { setPropOrigin } from '../core/problems';
import { AzureCloud } from '../rules/clouds';
import { privateBatchConnectionRule } from './private-batch-problems';
import { PrivateBatchConnectionRule, PrivateBatchProps } from './private-batch-props';

/**
 * The connections part of a `PrivateBatch` (`owner`): the account owner's decisions on connections. A rule for an
 * endpoint of `owner` selects it by reference (`endpoint`), so the list is read once the endpoint exists; a manual
 * endpoint's record then waits for the approval.
 */
export function manageConnections(
  owner: Construct, account: IBatchAccount, rules: readonly PrivateBatchConnectionRule[], props: PrivateBatchProps, cloud: AzureCloud,
  endpoint: (key: string) => BatchPrivateEndpoint | undefined,
): BatchEndpointConnections {
  const connections = new BatchEndpointConnections(owner, 'connections', {
    account,
    cloud,
    outputs: props.outputs,
    connections: rules.map((rule) => privateBatchConnectionRule(rule, endpoint)),
  });
  setPropOrigin(connections, { owner, path: '', fields: { account: 'account', cloud: 'cloud' } });
  rules.forEach((rule, i) => {
    const selected = rule.endpoint === undefined ? undefined : endpoint(rule.endpoint);
    if (selected?.manualApproval && rule.action === 'approve') selected.dnsRecord?.waitFor(connections.actions[i]);
  });
  return connections;
}

/** The delegated approvers' role and assignments on the account made by `owner`, from `connectionApprovers`. */
export function addApprovers(owner: Construct, account: IBatchAccount, props: PrivateBatchProps): BatchConnectionApprovers {
  const approvers = new BatchConnectionApprovers(owner, 'approvers', { account, approvers: props.connectionApprovers!, provider: props.provider });
  setPropOrigin(approvers, { owner, path: '', fields: { approvers: 'connectionApprovers', account: 'account' } });
  return approvers;
}
