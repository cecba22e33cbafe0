import { IConstruct } from 'constructs';

const ZONE_IDS = new WeakMap<IConstruct, string>();

/**
 * Records that a resource (an A record or a VNet link) writes into the existing zone with this ID, so that the
 * stack guards can check that its provider deploys to the zone's subscription. The synthesized resource names the
 * zone only by name and resource group, so this is the only place the zone's subscription is known.
 */
export function markZoneWrite(resource: IConstruct, zoneId: string): void {
  ZONE_IDS.set(resource, zoneId);
}

/** The zone ID recorded by {@link markZoneWrite}, if any. */
export function zoneWriteOf(resource: IConstruct): string | undefined {
  return ZONE_IDS.get(resource);
}
