import { Finding } from '../finding';
import { ZoneIdentity, sameZone, vnetKey, zoneOf } from '../network-view';
import { ModelResource, StackModel, literalValue, resourcesOfType } from '../stack-model';

interface Link {
  readonly resource: ModelResource;
  readonly zone: ZoneIdentity;
  readonly vnet?: string;
}

function links(model: StackModel): Link[] {
  return resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').flatMap((resource) => {
    const zone = zoneOf(model, resource, resource.config.private_dns_zone_name);
    return zone ? [{ resource, zone, vnet: vnetKey(model, resource.config.virtual_network_id) }] : [];
  });
}

const zoneText = (zone: ZoneIdentity): string => `${zone.group}/${zone.name}`;

/**
 * A VNet is linked to a zone once, a link name is used once per zone, and a VNet is never linked to two zones of
 * one name: Azure refuses each ("A virtual network cannot be linked to multiple zones with overlapping
 * namespaces").
 */
export function uniqueVnetLinkFindings(model: StackModel): Finding[] {
  const all = links(model);
  const nameOf = (l: Link): string | undefined => literalValue(model, l.resource.config.name)?.toLowerCase();
  return all.flatMap((link, i): Finding[] => {
    const earlier = all.slice(0, i);
    const sameVnet = link.vnet === undefined ? [] : earlier.filter((o) => o.vnet === link.vnet);
    const twice = sameVnet.find((o) => sameZone(o.zone, link.zone));
    const overlapping = sameVnet.find((o) => o.zone.name === link.zone.name && !sameZone(o.zone, link.zone));
    // A second link of one VNet often has the first one's name too: the VNet is the mistake to name, once.
    const sameName = twice || nameOf(link) === undefined ? undefined : earlier.find((o) => sameZone(o.zone, link.zone) && nameOf(o) === nameOf(link));
    const finding = (attribute: string, problem: string, fix: string): Finding =>
      ({ path: link.resource.path, attribute, value: link.resource.config[attribute], problem, fix });
    return [
      ...(twice ? [finding('virtual_network_id', `${twice.resource.path} links this VNet to zone ${zoneText(link.zone)} already; Azure links a VNet to a zone once`,
        'remove one of the two links (the VNet that hosts the endpoints is linked already: do not list it among the linked VNets)')] : []),
      ...(overlapping ? [finding('virtual_network_id',
        `the VNet is linked to zone ${zoneText(overlapping.zone)} by ${overlapping.resource.path}, and Azure refuses to link one VNet to two zones named ${link.zone.name} (overlapping namespaces)`,
        'link each VNet to one zone of this name')] : []),
      ...(sameName ? [finding('name', `${sameName.resource.path} is a link of this name in zone ${zoneText(link.zone)} too; link names are unique per zone`,
        'give one link another name')] : []),
    ];
  });
}

/** A VNet known by its ID at synth: the only key that names one VNet in two stacks. */
const isVnetId = (vnet: string | undefined): vnet is string => vnet !== undefined && vnet.startsWith('/subscriptions/');

/**
 * The same across the stacks of one app: a VNet that a stack before this one links to a zone of one name already
 * (the same zone, or another zone of that name) cannot be linked again. A VNet known only by reference is not
 * compared: a reference names a VNet of its own stack.
 */
export function crossStackVnetLinkFindings(model: StackModel): Finding[] {
  const earlier = model.stacksBefore.flatMap(({ stack, model: other }) => links(other).filter((l) => isVnetId(l.vnet)).map((l) => ({ ...l, stack })));
  return links(model).flatMap((link): Finding[] => {
    // Only IDs are in `earlier`, so a VNet known by reference here finds none.
    const other = earlier.find((o) => o.vnet === link.vnet && o.zone.name === link.zone.name);
    if (!other) return [];
    const same = sameZone(other.zone, link.zone);
    const by = `${other.resource.path} (stack ${other.stack})`;
    return [{
      path: link.resource.path,
      attribute: 'virtual_network_id',
      value: link.resource.config.virtual_network_id,
      problem: same
        ? `${by} links this VNet to zone ${zoneText(link.zone)} already; Azure links a VNet to a zone once`
        : `the VNet is linked to zone ${zoneText(other.zone)} by ${by}, and Azure refuses to link one VNet to two zones named ${link.zone.name} (overlapping namespaces)`,
      fix: same
        ? 'link the VNet in one stack only'
        : 'link each VNet to one zone of this name: give this stack the other stack\'s zone by ID (a hub zone) instead of a zone of its own',
    }];
  });
}
