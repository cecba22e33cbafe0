import { PropProblem } from './problems';

/** What `PrivateBatch` imports with `adopt`: each part is imported unless set to false. */
export interface AdoptSettings {
  /**
   * Import the Batch account.
   * @default true
   */
  readonly account?: boolean;
  /**
   * Import the private endpoints (with their zone groups, which belong to the endpoint resource).
   * @default true
   */
  readonly endpoints?: boolean;
  /**
   * Import the private DNS zone, when it is made here (not a hub zone by ID, which the stack never owns).
   * @default true
   */
  readonly zone?: boolean;
  /**
   * Import the zone's link to the subnet's VNet, by its name (`dns.linkName`: a portal-made link has its own).
   * @default true
   */
  readonly vnetLink?: boolean;
  /**
   * Import the pools added with `addPool` that exist in the account already.
   * @default true
   */
  readonly pools?: boolean;
}

/** The settings that `adopt: true` stands for, or `false`'s: nothing. */
export function adoptSettings(adopt: boolean | AdoptSettings | undefined): Required<AdoptSettings> {
  if (adopt === undefined || adopt === false) return { account: false, endpoints: false, zone: false, vnetLink: false, pools: false };
  const given = adopt === true ? {} : adopt;
  return {
    account: given.account ?? true, endpoints: given.endpoints ?? true, zone: given.zone ?? true, vnetLink: given.vnetLink ?? true, pools: given.pools ?? true,
  };
}

/**
 * The ARM ID of a top-level resource, spelled as azurerm's typed parsers want it (`resourceGroups`, the provider
 * namespace and type as ARM writes them): `armResourceId(sub, 'rg', 'Microsoft.Batch/batchAccounts', 'x')`.
 */
export function armResourceId(subscriptionId: string, resourceGroupName: string, type: string, name: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${type}/${name}`;
}

/**
 * The values an import ID is built from that are missing. A reference is fine when Terraform knows it at plan
 * time, e.g. a resource group's configured `name`; a computed one (an `id` of something not yet made) fails the
 * plan with "Invalid import id argument" (tried with Terraform 1.11).
 */
export function importIdPartProblems(parts: Readonly<Record<string, string | undefined>>): PropProblem[] {
  return Object.entries(parts).flatMap(([field, value]) => (value === undefined || value === ''
    ? [{ field, problem: 'is required with adopt: the import IDs are built from it' }]
    : []));
}

/**
 * The collections `adopt` lists to learn what exists: `<type>@<api version>` of the children listed under a parent
 * (`azapi_resource_list`). A list is read only once its parent is known to exist, since listing under a parent that
 * does not exist fails (404 ResourceGroupNotFound / ParentResourceNotFound; unconfirmed for every type, so never tried).
 */
export const ADOPTABLE_TYPES: Readonly<Record<string, string>> = {
  'Microsoft.Resources/resourceGroups': 'Microsoft.Resources/resourceGroups@2022-09-01',
  'Microsoft.Batch/batchAccounts': 'Microsoft.Batch/batchAccounts@2024-07-01',
  'Microsoft.Batch/batchAccounts/pools': 'Microsoft.Batch/batchAccounts/pools@2024-07-01',
  'Microsoft.Network/privateEndpoints': 'Microsoft.Network/privateEndpoints@2024-05-01',
  'Microsoft.Network/virtualNetworks': 'Microsoft.Network/virtualNetworks@2024-05-01',
  'Microsoft.Network/virtualNetworks/subnets': 'Microsoft.Network/virtualNetworks/subnets@2024-05-01',
  'Microsoft.Network/privateDnsZones': 'Microsoft.Network/privateDnsZones@2024-06-01',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01',
};

/** A resource `adopt` may import, by the parts of its ARM ID: a resource group, a resource in one, or a child of one. */
export interface AdoptableResource {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** The resource in the group, e.g. `{ type: 'Microsoft.Network/virtualNetworks', name }`; none for the group itself. */
  readonly resource?: { readonly type: string; readonly name: string };
  /** Its child, e.g. `{ type: 'subnets', name }`. */
  readonly child?: { readonly type: string; readonly name: string };
}

/** One level of an adoptable resource's ID: the collection it is listed in, its parent's ID and its own. */
export interface AdoptionLevel {
  /** The full type of the collection, a key of {@link ADOPTABLE_TYPES}. */
  readonly type: string;
  /** The parent's ARM ID. */
  readonly parentId: string;
  /** The name within the parent. */
  readonly name: string;
  /** The ARM ID of this level. */
  readonly id: string;
}

/** The levels of an adoptable resource's ID, from its resource group down to it. */
export function adoptionLevels(target: AdoptableResource): AdoptionLevel[] {
  const subscription = `/subscriptions/${target.subscriptionId}`;
  const group = `${subscription}/resourceGroups/${target.resourceGroupName}`;
  const levels: AdoptionLevel[] = [{ type: 'Microsoft.Resources/resourceGroups', parentId: subscription, name: target.resourceGroupName, id: group }];
  if (!target.resource) return levels;
  const resourceId = armResourceId(target.subscriptionId, target.resourceGroupName, target.resource.type, target.resource.name);
  levels.push({ type: target.resource.type, parentId: group, name: target.resource.name, id: resourceId });
  if (target.child) {
    levels.push({ type: `${target.resource.type}/${target.child.type}`, parentId: resourceId, name: target.child.name, id: `${resourceId}/${target.child.type}/${target.child.name}` });
  }
  return levels;
}

/** JMESPath for `response_export_values`: the names of the listed children. */
export const CHILD_NAMES_QUERY = 'value[].name';

/** HCL: the lower-cased names a (`for_each`) list read holds, `[]` for a list not read because its parent is missing. */
export function listedNamesExpression(list: string): string {
  return `flatten([for l in values(${list}) : [for n in try(l.output.names, []) : lower(n)]])`;
}

/** HCL: whether `name` (an HCL string expression, e.g. `"rg-batch"`) is among `names`. */
export function listedExpression(names: string, name: string): string {
  return `contains(${names}, lower(${name}))`;
}

/** HCL: the parent ID (an HCL string expression) to list under while `exists` holds, as a `for_each` map, else empty. */
export function listWhenExpression(exists: string | undefined, parentId: string): string {
  // A for expression, not `cond ? { … } : {}`: Terraform refuses a conditional between objects of other attributes.
  return `{ for p in (${exists ?? 'true'} ? [${parentId}] : []) : "parent" => p }`;
}

/** HCL: the import ID (an HCL string expression) while `exists` holds, else nothing: an `import` block's `for_each`. */
export function importWhenExpression(exists: string, id: string): string {
  return `${exists} ? [${id}] : []`;
}
