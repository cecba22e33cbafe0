import { Token } from 'cdktf';

/** The parts of an Azure resource ID that the library reads. */
export interface ResourceIdParts {
  /** The subscription GUID. */
  readonly subscriptionId: string;
  /** The resource group name. */
  readonly resourceGroupName: string;
  /** The resource type, e.g. `Microsoft.Network/privateDnsZones`. */
  readonly type: string;
  /** The last name segment, e.g. the zone name. */
  readonly name: string;
}

const RESOURCE_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i;

/** Parses a top-level resource ID, or returns undefined when the string is not one. */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  const match = RESOURCE_ID.exec(id);
  if (!match) return undefined;
  const [, subscriptionId, resourceGroupName, type, name] = match;
  return { subscriptionId, resourceGroupName, type, name };
}

/** The subscription of any ARM ID (nested ones too), or undefined. */
export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)\//i.exec(id)?.[1];
}

/** Whether two subscription IDs are the same (GUIDs compare case-insensitively). */
export function sameSubscription(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The subscription of an ID when it is known at synth (not a token), or undefined. */
export function literalSubscription(id: string | undefined): string | undefined {
  return id === undefined || Token.isUnresolved(id) ? undefined : subscriptionOf(id);
}

/**
 * Why a private endpoint cannot be in its subscription, or undefined. Azure requires a `batchAccount`
 * endpoint in the account's subscription; unknown subscriptions are not checked.
 */
export function crossSubscriptionProblem(
  subResource: string,
  endpointSubscription: string | undefined,
  accountSubscription: string | undefined,
): string | undefined {
  const known = (id: string | undefined): id is string => id !== undefined && id !== '' && !Token.isUnresolved(id);
  if (subResource !== 'batchAccount' || !known(endpointSubscription) || !known(accountSubscription)) return undefined;
  return sameSubscription(endpointSubscription, accountSubscription)
    ? undefined
    : `must be the Batch account's subscription ${accountSubscription} for a batchAccount endpoint, got ${endpointSubscription}`;
}
