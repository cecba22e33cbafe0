import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { vnetKey, vnetOfSubnet } from '../network-view';
import { StackModel, literalValue, resourcesOfType } from '../stack-model';

/**
 * Every VNet of the stack that hosts an endpoint with private DNS is linked to that endpoint's zone, when the
 * zone is in the stack too. An existing (hub) zone's links are often managed centrally, so they are not required.
 */
export function vnetLinkFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  const links = resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').map((link) => ({
    zoneName: literalValue(model, link.config.private_dns_zone_name),
    vnet: vnetKey(model, link.config.virtual_network_id),
  }));
  const reported = new Set<string>();
  return writers.flatMap((writer) => {
    const hosting = writer.endpoint && vnetOfSubnet(model, writer.endpoint.resource.config.subnet_id);
    if (!hosting?.vnet || !writer.zoneName || !writer.zoneInStack) return [];
    const key = `${hosting.key}|${writer.zoneName}`;
    if (reported.has(key) || links.some((l) => l.vnet === hosting.key && l.zoneName === writer.zoneName)) return [];
    reported.add(key);
    return [{
      path: writer.endpoint!.resource.path,
      attribute: 'subnet_id',
      value: writer.endpoint!.resource.config.subnet_id,
      problem: `the endpoint's VNet ${hosting.vnet.path} has no link to zone ${writer.zoneName}, so it cannot resolve the endpoint's name`,
      fix: 'link the zone to the VNet (BatchPrivateDnsZone virtualNetworkLinks or linkVirtualNetwork)',
    }];
  });
}
