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

/**
 * Resource types whose IDs azurerm (v4.55.0) parses with go-azure-sdk's typed parsers, which compare the fixed
 * segments (`resourceGroups`, `providers`, `Microsoft.Network`, `privateDnsZones`, …) case-sensitively. Other IDs
 * go through azurerm's generic parser, which only needs `subscriptions` in lower case (and accepts `resourcegroups`).
 */
export const CASE_SENSITIVE_ID_TYPES: readonly string[] = [
  'Microsoft.Network/privateDnsZones',
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/virtualNetworks/subnets',
];

/** The segments of a resource ID of `type`: fixed ones as ARM spells them, `undefined` for names. */
function idSegments(type: string): (string | undefined)[] {
  const [namespace, ...types] = type.split('/');
  return ['', 'subscriptions', undefined, 'resourceGroups', undefined, 'providers', namespace, ...types.flatMap((t) => [t, undefined])];
}

/** How an ID of `type` is written, e.g. `/subscriptions/<subscription>/resourceGroups/<resource group>/providers/…/<name>`. */
export function resourceIdTemplate(type: string): string {
  const names = ['<subscription>', '<resource group>'];
  let next = 0;
  return idSegments(type).map((s) => s ?? names[next++] ?? '<name>').join('/');
}

/**
 * Why `id` is not a resource ID of `type` that azurerm accepts, or undefined. A lower-cased ID copied from a CLI
 * (`/resourcegroups/…/microsoft.network/privatednszones/…`) fails at plan for the case-sensitive types, so the
 * problem gives the ID spelled as azurerm wants it.
 */
export function resourceIdProblem(id: string, type: string): string | undefined {
  const expected = idSegments(type);
  const segments = id.split('/');
  const shapeFits = segments.length === expected.length
    && segments.every((s, i) => (expected[i] === undefined ? s !== '' : s.toLowerCase() === expected[i]!.toLowerCase()));
  if (!shapeFits) return `must be a ${type} ID, ${resourceIdTemplate(type)}, got ${JSON.stringify(id)}`;
  const canonical = segments.map((s, i) => expected[i] ?? s).join('/');
  if (CASE_SENSITIVE_ID_TYPES.includes(type) ? canonical !== id : segments[1] !== 'subscriptions') {
    return `must spell the fixed segments as azurerm parses them (case-sensitively): ${canonical}, got ${id}`;
  }
  return undefined;
}
