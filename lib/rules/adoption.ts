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
}

/** The settings that `adopt: true` stands for, or `false`'s: nothing. */
export function adoptSettings(adopt: boolean | AdoptSettings | undefined): Required<AdoptSettings> {
  if (adopt === undefined || adopt === false) return { account: false, endpoints: false, zone: false, vnetLink: false };
  const given = adopt === true ? {} : adopt;
  return { account: given.account ?? true, endpoints: given.endpoints ?? true, zone: given.zone ?? true, vnetLink: given.vnetLink ?? true };
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
