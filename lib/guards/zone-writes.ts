import { IConstruct } from 'constructs';

const EXISTING_ZONES = new WeakMap<IConstruct, string>();
const WRITES = new WeakMap<IConstruct, string>();

/**
 * Records that a zone construct stands for the existing zone with this ID, so that what is written into it can be
 * checked against the zone's subscription.
 */
export function markExistingZone(zone: IConstruct, zoneId: string): void {
  EXISTING_ZONES.set(zone, zoneId);
}

/**
 * Records that a resource (an A record or a VNet link) writes into `zone`. When the zone is an existing one, the
 * stack guards then check that the resource's provider deploys to the zone's subscription: the synthesized
 * resource names the zone only by name and resource group, so this is the only place its subscription is known.
 */
export function markZoneWrite(resource: IConstruct, zone: IConstruct): void {
  const zoneId = EXISTING_ZONES.get(zone);
  if (zoneId !== undefined) WRITES.set(resource, zoneId);
}

/** The ID of the existing zone a resource writes into, as recorded by {@link markZoneWrite}, if any. */
export function zoneWriteOf(resource: IConstruct): string | undefined {
  return WRITES.get(resource);
}
