import { authorize } from '../arm/access';
import { ArmError, conflict } from '../arm/errors';
import { keyOf, parseId } from '../arm/ids';
import { ArmContext, registerType } from '../arm/type-rules';
import { VNET_TYPE } from './network';

export const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
export const LINK_TYPE = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
export const A_RECORD_TYPE = 'Microsoft.Network/privateDnsZones/A';

registerType({
  type: ZONE_TYPE,
  /** Private DNS zones are global resources (REST spec PrivateDnsZones_CreateOrUpdate: location "global"). */
  put(ctx, zone) {
    const records = ctx.world.children(zone.id, A_RECORD_TYPE).length;
    return { ...zone, location: 'global', properties: { maxNumberOfRecordSets: 25000, maxNumberOfVirtualNetworkLinks: 1000,
      maxNumberOfVirtualNetworkLinksWithRegistration: 100, ...zone.properties, numberOfRecordSets: records + 1, provisioningState: 'Succeeded' } };
  },
  /**
   * A zone that still has virtual network links cannot be deleted: 409 CannotDeleteResource (REST spec
   * PrivateDnsZones_Delete; Learn dns/private-dns-privatednszone: "you must delete all virtual network links
   * first"). Its record sets go with it (the generic cascade).
   */
  beforeDelete(ctx, zone) {
    const links = ctx.world.children(zone.id, LINK_TYPE);
    if (links.length > 0) {
      throw conflict('CannotDeleteResource', `Can not delete resource before nested resources are deleted. Nested resources: ${links.map((l) => l.name).join(', ')}.`);
    }
  },
});

registerType({
  type: LINK_TYPE,
  /**
   * A VNet is linked to a zone once: a second link of the same VNet is a 409 Conflict (Learn dns/private-dns-virtual-
   * network-links). Nor can it be linked to two zones of one name ("A virtual network cannot be linked to multiple
   * zones with overlapping namespaces", MicrosoftDocs/azure-aks-docs#212). The VNet must exist.
   */
  put(ctx, link) {
    const vnetId: string | undefined = link.properties.virtualNetwork?.id;
    if (!vnetId || !ctx.world.get(vnetId) || parseId(vnetId).type.toLowerCase() !== VNET_TYPE.toLowerCase()) {
      throw new ArmError(400, 'BadRequest', `Virtual network resource not found for '${vnetId}'.`);
    }
    // Linking a VNet takes `virtualNetworks/join/action` on it, which is why Private DNS Zone Contributor holds it (Learn
    // built-in roles, networking; inferred: no page states the check).
    authorize(ctx.world, ctx.caller, 'Microsoft.Network/virtualNetworks/join/action', vnetId, 'LinkedAuthorizationFailed');
    const zoneId = parseId(link.id).parentId;
    const zoneName = parseId(zoneId).name.toLowerCase();
    for (const other of ctx.world.ofType(LINK_TYPE)) {
      if (keyOf(other.id) === keyOf(link.id) || keyOf(other.properties.virtualNetwork?.id ?? '') !== keyOf(vnetId)) continue;
      const otherZone = parseId(other.id).parentId;
      if (keyOf(otherZone) === keyOf(zoneId)) {
        throw conflict('Conflict', `A virtual network cannot be linked to the same private DNS zone more than once. Virtual network '${vnetId}' is already linked to zone '${zoneName}' by link '${other.name}'.`);
      }
      if (parseId(otherZone).name.toLowerCase() === zoneName) {
        throw conflict('Conflict', `A virtual network cannot be linked to multiple zones with overlapping namespaces. Virtual network '${vnetId}' is already linked to '${otherZone}'.`);
      }
    }
    return { ...link, location: 'global', properties: { registrationEnabled: false, resolutionPolicy: 'Default', ...link.properties,
      virtualNetworkLinkState: 'Completed', provisioningState: 'Succeeded' } };
  },
});

registerType({
  type: A_RECORD_TYPE,
  /** A record sets: `fqdn` is `<name>.<zone>.` (REST spec RecordSetProperties.fqdn). */
  put(_ctx, record) {
    const zone = parseId(parseId(record.id).parentId).name;
    const fqdn = `${record.name === '@' ? '' : `${record.name}.`}${zone}.`.toLowerCase();
    return { ...record, properties: { ttl: 3600, aRecords: [], ...record.properties, fqdn, isAutoRegistered: false } };
  },
  afterPut: (ctx, record) => countRecordSets(ctx, parseId(record.id).parentId),
  afterDelete: (ctx, record) => countRecordSets(ctx, parseId(record.id).parentId),
});

/** A zone's `numberOfRecordSets`: its A record sets and its SOA (REST spec PrivateZoneProperties.numberOfRecordSets). */
function countRecordSets(ctx: ArmContext, zoneId: string): void {
  const zone = ctx.world.get(zoneId);
  if (zone) ctx.world.put({ ...zone, properties: { ...zone.properties, numberOfRecordSets: ctx.world.children(zoneId, A_RECORD_TYPE).length + 1 } });
}

/** The A records of a zone by lower-cased name. */
export function aRecordIps(record: { properties: Record<string, any> }): string[] {
  return (record.properties.aRecords ?? []).map((r: any) => String(r.ipv4Address));
}
