import { isToken } from './tokens';

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
  return id === undefined || isToken(id) ? undefined : subscriptionOf(id);
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
  const known = (id: string | undefined): id is string => id !== undefined && id !== '' && !isToken(id);
  if (subResource !== 'batchAccount' || !known(endpointSubscription) || !known(accountSubscription)) return undefined;
  return sameSubscription(endpointSubscription, accountSubscription)
    ? undefined
    : `must be the Batch account's subscription ${accountSubscription} for a batchAccount endpoint, got ${endpointSubscription}`;
}

/**
 * Resource types whose IDs azurerm (v4.55.0) parses with go-azure-sdk's typed parsers, which compare the fixed
 * segments (`resourceGroups`, `providers`, `Microsoft.Network`, `privateDnsZones`, …) case-sensitively: a
 * lower-cased ID copied from a CLI (`/resourcegroups/…/microsoft.network/privatednszones/…`) fails at plan. The
 * library writes every ID it takes in ARM's spelling ({@link canonicalResourceId}), so such an ID works.
 */
export const CASE_SENSITIVE_ID_TYPES: readonly string[] = [
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.Network/applicationSecurityGroups',
  'Microsoft.Network/privateDnsZones',
  'Microsoft.Network/privateEndpoints',
  'Microsoft.Network/virtualNetworks',
  'Microsoft.Network/virtualNetworks/subnets',
  'Microsoft.Storage/storageAccounts',
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
 * `id` with its fixed segments spelt as ARM and azurerm's typed parsers want them (`resourceGroups`,
 * `Microsoft.Network/privateDnsZones`), names kept as written; undefined when `id` is no ID of `type`.
 */
export function canonicalResourceId(id: string, type: string): string | undefined {
  const expected = idSegments(type);
  const segments = id.split('/');
  const fits = segments.length === expected.length
    && segments.every((s, i) => (expected[i] === undefined ? s !== '' : s.toLowerCase() === expected[i]!.toLowerCase()));
  return fits ? segments.map((s, i) => expected[i] ?? s).join('/') : undefined;
}

/**
 * Why `id` is not a resource ID of `type`, or undefined. The case of the fixed segments does not matter here. A
 * misspelt fixed segment (`/subnet/` for `/subnets/`, `Microsoft.Netwrok`) is named, since it is easy to miss in a
 * long ID.
 */
export function resourceIdProblem(id: string, type: string): string | undefined {
  if (canonicalResourceId(id, type) !== undefined) return undefined;
  return `must be a ${type} ID, ${resourceIdTemplate(type)}, got ${JSON.stringify(id)}${misspeltSegment(id, type)}`;
}

/** `: "subnet" where the ID has "subnets"` for the first fixed segment of `id` that is not `type`'s, else nothing. */
function misspeltSegment(id: string, type: string): string {
  const segments = id.split('/');
  if (segments[0] !== '' || segments.length < 3) return '';
  const wrong = idSegments(type).findIndex((expected, i) => expected !== undefined && segments[i] !== undefined && segments[i].toLowerCase() !== expected.toLowerCase());
  return wrong > 0 ? `: "${segments[wrong]}" where the ID has "${idSegments(type)[wrong]}"` : '';
}

/** A literal ID that is no ID of `type`: why, or undefined (a token is known only at apply, and not checked). */
export function literalResourceIdProblem(id: string | undefined, type: string): string | undefined {
  return id === undefined || isToken(id) ? undefined : resourceIdProblem(id, type);
}

/** A literal ID of `type` in ARM's spelling; a token, or what is no such ID (reported elsewhere), as it is. */
export function normalizedResourceId(id: string, type: string): string {
  return isToken(id) ? id : canonicalResourceId(id, type) ?? id;
}
