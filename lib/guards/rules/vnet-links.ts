import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { StackModel, literalValue, referenceOf, resourceAt, resourcesOfType } from '../stack-model';

/** The VNet address of an endpoint's subnet, when both are in the stack. */
function vnetOf(model: StackModel, subnetId: unknown): string | undefined {
  const subnetRef = referenceOf(subnetId);
  const subnet = subnetRef && resourceAt(model, subnetRef.address);
  if (!subnet || subnet.type !== 'azurerm_subnet') return undefined;
  const vnetRef = referenceOf(subnet.config.virtual_network_name);
  if (vnetRef) return vnetRef.address;
  const vnetName = literalValue(model, subnet.config.virtual_network_name);
  return resourcesOfType(model, 'azurerm_virtual_network').find((v) => literalValue(model, v.config.name) === vnetName)?.address;
}

/**
 * Every VNet of the stack that hosts an endpoint with private DNS is linked to that endpoint's zone, when the
 * zone is in the stack too. An existing (hub) zone's links are often managed centrally, so they are not required.
 */
export function vnetLinkFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  const links = resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').map((link) => ({
    zoneName: literalValue(model, link.config.private_dns_zone_name),
    vnet: referenceOf(link.config.virtual_network_id)?.address,
  }));
  const reported = new Set<string>();
  return writers.flatMap((writer) => {
    const vnet = writer.endpoint && vnetOf(model, writer.endpoint.resource.config.subnet_id);
    if (!vnet || !writer.zoneName || !writer.zoneInStack) return [];
    const key = `${vnet}|${writer.zoneName}`;
    if (reported.has(key) || links.some((l) => l.vnet === vnet && l.zoneName === writer.zoneName)) return [];
    reported.add(key);
    return [{
      path: writer.endpoint!.resource.path,
      attribute: 'subnet_id',
      value: writer.endpoint!.resource.config.subnet_id,
      problem: `the endpoint's VNet ${resourceAt(model, vnet)?.path ?? vnet} has no link to zone ${writer.zoneName}, so it cannot resolve the endpoint's name`,
      fix: 'link the zone to the VNet (BatchPrivateDnsZone virtualNetworkLinks or linkVirtualNetwork)',
    }];
  });
}
