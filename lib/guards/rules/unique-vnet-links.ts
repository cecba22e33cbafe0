import { Finding } from '../finding';
import { VnetLink, stacksBeforeOf, vnetLinks } from '../cross-stack';
import { ZoneIdentity, sameZone } from '../network-view';
import { StackModel, literalValue } from '../stack-model';

const zoneText = (zone: ZoneIdentity): string => `${zone.group}/${zone.name}`;

/**
 * A VNet is linked to a zone once, a link name is used once per zone, and a VNet is never linked to two zones of
 * one name: Azure refuses each ("A virtual network cannot be linked to multiple zones with overlapping
 * namespaces").
 */
export function uniqueVnetLinkFindings(model: StackModel): Finding[] {
  const all = vnetLinks(model);
  const nameOf = (l: VnetLink): string | undefined => literalValue(model, l.resource.config.name)?.toLowerCase();
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

/**
 * The same across the stacks of one app: a VNet that a stack before this one links to a zone of one name already
 * (the same zone, or another zone of that name) cannot be linked again. A VNet known only by reference is not
 * compared: a reference names a VNet of its own stack.
 */
export function crossStackVnetLinkFindings(model: StackModel): Finding[] {
  const before = stacksBeforeOf(model);
  return vnetLinks(model).flatMap((link): Finding[] => {
    // Only IDs are in the index, so a VNet known by reference here finds none.
    const other = before.link(link.vnet, link.zone.name);
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
