import type { TerraformResource } from 'cdktf';
import { isExistingAccount } from './private-batch-problems';
import type { PrivateBatchEndpoint, PrivateBatchProps } from './private-batch-props';
import type { DnsMode } from '../rules/dns-modes';

/** The endpoints' resource group: `endpointResourceGroupName`, else the account's made here. */
export function endpointResourceGroup(props: PrivateBatchProps): string {
  if (props.endpointResourceGroupName !== undefined) return props.endpointResourceGroupName;
  return isExistingAccount(props.account) ? '' : props.account.resourceGroupName;
}

/** The stack's subscription: `subscriptionId`, else the account's made here. */
export function stackSubscriptionId(props: PrivateBatchProps): string | undefined {
  return props.subscriptionId ?? (isExistingAccount(props.account) ? undefined : props.account.subscriptionId);
}

/** The tags of what is made here: `tags`, else the account's made here. */
export function defaultTags(props: PrivateBatchProps): Record<string, string> | undefined {
  return props.tags ?? (isExistingAccount(props.account) ? undefined : props.account.tags);
}

/** An endpoint's DNS mode: its own, else `dns.mode`, else `records`. */
export function modeOf(props: PrivateBatchProps, endpoint: PrivateBatchEndpoint): DnsMode {
  return endpoint.dns ?? props.dns?.mode ?? 'records';
}

/** The resources of a record of them, for `dependsOn`. */
export function parts(record: Readonly<Record<string, TerraformResource>> | undefined): TerraformResource[] {
  return Object.values(record ?? {});
}

// CommonJS's require, for the modules loaded on use below (lib/ is built without Node's types).
declare const require: (id: string) => unknown;

/**
 * The constructs of the opt-in interfaces, loaded when a `PrivateBatch` uses one: a synth that uses none loads
 * neither their files nor their provider modules (about a tenth of the default example's synth time).
 */
export function optional(): typeof import('../governance/resource-lock') & typeof import('../governance/role-assignments') & typeof import('../governance/batch-diagnostic-settings') & typeof import('../rules/locks') {
  return {
    ...(require('../governance/resource-lock') as typeof import('../governance/resource-lock')),
    ...(require('../governance/role-assignments') as typeof import('../governance/role-assignments')),
    ...(require('../governance/batch-diagnostic-settings') as typeof import('../governance/batch-diagnostic-settings')),
    ...(require('../rules/locks') as typeof import('../rules/locks')),
  };
}
