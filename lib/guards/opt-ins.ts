import { IConstruct } from 'constructs';

/**
 * What a reviewer must be able to see someone chose on purpose: a less private setting (`publicNetworkAccess`, and
 * `externalDns` on an endpoint, which runs its DNS outside private DNS zones), or something the stack cannot show
 * that a pool relies on (`existingNodeManagementEndpoint`, `externalNodeManagementDns`), or something the stack owns
 * that other stacks rely on (`sharedVnetLink`: the link of a zone not made here to a VNet outside the stack, a hub's).
 */
export type OptIn = 'publicNetworkAccess' | 'externalDns' | 'existingNodeManagementEndpoint' | 'externalNodeManagementDns' | 'sharedVnetLink';

/** Every {@link OptIn}. */
export const OPT_INS: readonly OptIn[] = ['publicNetworkAccess', 'externalDns', 'existingNodeManagementEndpoint', 'externalNodeManagementDns', 'sharedVnetLink'];

const CHOSEN = new WeakMap<IConstruct, Set<OptIn>>();

/**
 * Marks a resource as explicitly allowed to be less private, or as relying on something outside the stack, so
 * that the stack guards accept it. `BatchAccount` calls this for `allowPublicNetworkAccess: true`,
 * `BatchPrivateEndpoint` for `dns.mode: 'external'`, `BatchPool` for its `nodeManagement` declarations; call
 * it yourself for a raw `BatchAccount` that must stay public, or a raw pool or endpoint.
 */
export function optIn(resource: IConstruct, what: OptIn): void {
  const set = CHOSEN.get(resource) ?? new Set<OptIn>();
  set.add(what);
  CHOSEN.set(resource, set);
}

/** Whether {@link optIn} was called for this resource and setting. */
export function hasOptedIn(resource: IConstruct, what: OptIn): boolean {
  return CHOSEN.get(resource)?.has(what) ?? false;
}

/** The opt-ins of a resource. */
export function optInsOf(resource: IConstruct): ReadonlySet<OptIn> {
  return CHOSEN.get(resource) ?? new Set();
}
