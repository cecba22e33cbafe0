import { IConstruct } from 'constructs';

/** The less private settings that a reviewer must be able to see someone chose on purpose. */
export type OptIn = 'publicNetworkAccess';

const OPT_INS = new WeakMap<IConstruct, Set<OptIn>>();

/**
 * Marks a resource as explicitly allowed to be less private, so that the stack guards accept it.
 * `PrivateBatchAccount` calls this for `allowPublicNetworkAccess: true`; call it yourself for a raw
 * `BatchAccount` that must stay public.
 */
export function optIn(resource: IConstruct, what: OptIn): void {
  const set = OPT_INS.get(resource) ?? new Set<OptIn>();
  set.add(what);
  OPT_INS.set(resource, set);
}

/** Whether {@link optIn} was called for this resource and setting. */
export function hasOptedIn(resource: IConstruct, what: OptIn): boolean {
  return OPT_INS.get(resource)?.has(what) ?? false;
}
