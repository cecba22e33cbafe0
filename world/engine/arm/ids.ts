/**
 * ARM resource IDs: how the world keys, parents and types its resources.
 *
 * `/subscriptions/{s}/resourceGroups/{rg}/providers/{Namespace}/{type}/{name}[/{childType}/{childName}...]`, and
 * extension resources (locks, role assignments, diagnostic settings) as `{scope}/providers/{Namespace}/{type}/{name}`
 * (Learn: azure-resource-manager/templates/template-functions-resource#resourceid, "extension resource").
 * ARM compares IDs without regard to case (Learn: azure-resource-manager/management/resource-name-rules, "Resource
 * and resource group names are case-insensitive"), so the world keys resources by the lower-cased ID.
 */

/** The key of a resource in the world: its ID lower-cased, without a trailing slash. */
export function keyOf(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}

/** Whether `id` is `scope` or lies under it (an ancestor scope grants and locks what is below it). */
export function isUnder(id: string, scope: string): boolean {
  const a = keyOf(id);
  const s = keyOf(scope);
  return s === '' || a === s || a.startsWith(`${s}/`);
}

/** The parts of an ID that the rules need. */
export interface ParsedId {
  /** The ID as given. */
  readonly id: string;
  /** The subscription GUID, or undefined for a tenant-level ID. */
  readonly subscriptionId?: string;
  /** The resource group name, when the ID lies in one. */
  readonly resourceGroup?: string;
  /** The ARM type, e.g. `Microsoft.Network/privateDnsZones/A`, `Microsoft.Resources/resourceGroups`. */
  readonly type: string;
  /** The last name segment. */
  readonly name: string;
  /** The parent: the enclosing resource, the resource group, the subscription, or the scope of an extension. */
  readonly parentId: string;
}

/** Parses an ARM ID; throws on what is not one (odd segments after `providers/<Namespace>`). */
export function parseId(id: string): ParsedId {
  const parts = id.replace(/\/+$/, '').split('/');
  if (parts[0] !== '' || parts.length < 3) throw new Error(`not an ARM resource ID: ${JSON.stringify(id)}`);
  const seg = parts.slice(1);
  const lower = seg.map((s) => s.toLowerCase());
  const subscriptionId = lower[0] === 'subscriptions' ? seg[1] : undefined;
  const resourceGroup = lower[0] === 'subscriptions' && lower[2] === 'resourcegroups' ? seg[3] : undefined;
  const p = lower.lastIndexOf('providers');
  if (p < 0) {
    if (seg.length === 2 && lower[0] === 'subscriptions') {
      return { id, subscriptionId, type: 'Microsoft.Resources/subscriptions', name: seg[1], parentId: '' };
    }
    if (seg.length === 4 && resourceGroup !== undefined) {
      return { id, subscriptionId, resourceGroup, type: 'Microsoft.Resources/resourceGroups', name: seg[3], parentId: `/${seg.slice(0, 2).join('/')}` };
    }
    throw new Error(`not an ARM resource ID: ${JSON.stringify(id)}`);
  }
  const typed = seg.slice(p + 2);
  if (typed.length < 2 || typed.length % 2 !== 0) throw new Error(`not an ARM resource ID: ${JSON.stringify(id)}`);
  const types = typed.filter((_, i) => i % 2 === 0);
  const type = `${seg[p + 1]}/${types.join('/')}`;
  const name = typed[typed.length - 1];
  // A child's parent is the resource one type up; a top-level resource's (or an extension's) parent is its scope.
  const parentSegments = typed.length > 2 ? seg.slice(0, seg.length - 2) : seg.slice(0, p);
  return { id, subscriptionId, resourceGroup, type, name, parentId: parentSegments.length ? `/${parentSegments.join('/')}` : '' };
}

/**
 * The ID of a resource of `type` named `name` under `parentId`, as azapi builds it: a child type of the parent's type
 * appends its last segment (`.../batchAccounts/a/privateEndpointConnections/n`); any other type is a top-level or
 * extension resource of the scope (`{parent}/providers/{type}/{name}`).
 */
export function childId(parentId: string, type: string, name: string): string {
  const base = parentId.replace(/\/+$/, '');
  const parentType = tryParse(base)?.type;
  const cut = type.lastIndexOf('/');
  if (parentType !== undefined && sameType(type.slice(0, cut), parentType)) return `${base}/${type.slice(cut + 1)}/${name}`;
  return `${base}/providers/${type}/${name}`;
}

/** {@link parseId}, or undefined for what is not an ID. */
export function tryParse(id: string): ParsedId | undefined {
  try {
    return parseId(id);
  } catch {
    return undefined;
  }
}

/** Whether two ARM types are the same (types compare without regard to case). */
export function sameType(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The resource group ID of an ID. */
export function resourceGroupIdOf(id: string): string | undefined {
  const p = parseId(id);
  return p.subscriptionId && p.resourceGroup ? `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroup}` : undefined;
}
