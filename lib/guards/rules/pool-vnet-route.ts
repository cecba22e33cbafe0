import { BatchEndpointView, DnsWriter, batchEndpoints, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { vnetKey, vnetOfSubnet } from '../network-view';
import { accountEndpoints, batchPools, isPrivateAccount, vnetKeyOfSubnet } from '../pool-view';
import { StackModel, literalValue, resourcesOfType } from '../stack-model';

/**
 * A pool of a private account whose VNet is not its nodeManagement endpoint's has a way to it: the endpoint's zone
 * is linked to the pool's VNet. Refused only when the stack shows both VNets and the zone with all its links; a hub
 * zone by ID, external DNS or a subnet by an ID of another VNet leave nothing to judge. Whether the two VNets are
 * peered is not checked: peering, routes and firewalls are often another team's.
 */
export function poolVnetRouteFindings(
  model: StackModel,
  endpoints: BatchEndpointView[] = batchEndpoints(model),
  writers: DnsWriter[] = dnsWriters(model, endpoints),
): Finding[] {
  const links = resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').map((link) => ({
    zoneName: literalValue(model, link.config.private_dns_zone_name)?.toLowerCase(),
    vnet: vnetKey(model, link.config.virtual_network_id),
  }));
  return batchPools(model).flatMap((pool): Finding[] => {
    const poolVnet = vnetKeyOfSubnet(model, pool.subnetId);
    const nodeEndpoints = accountEndpoints(endpoints, pool.accountKey, 'nodeManagement');
    if (!isPrivateAccount(pool.account) || poolVnet === undefined || nodeEndpoints.length === 0) return [];
    const endpointVnets = nodeEndpoints.map((e) => vnetKeyOfSubnet(model, e.resource.config.subnet_id));
    if (endpointVnets.some((vnet) => vnet === undefined || vnet === poolVnet)) return [];
    const zones = writers.filter((w) => w.zoneInStack && w.zoneName !== undefined && nodeEndpoints.some((e) => w.candidates.includes(e)));
    if (zones.length === 0) return [];
    if (zones.some((w) => links.some((l) => l.zoneName === w.zoneName!.toLowerCase() && l.vnet === poolVnet))) return [];
    const endpoint = nodeEndpoints[0];
    // Both VNets are known here: their keys were compared above.
    const shown = (subnetId: unknown): string => {
      const vnet = vnetOfSubnet(model, subnetId)!;
      return vnet.vnet?.path ?? vnet.key;
    };
    return [{
      path: pool.resource.path,
      attribute: 'network_configuration.subnet_id',
      value: pool.subnetId,
      problem: `the pool's VNet ${shown(pool.subnetId)} is not the VNet ${shown(endpoint.resource.config.subnet_id)} of the nodeManagement endpoint ${endpoint.resource.path}, and zone ${zones[0].zoneName} has no link to it: the nodes cannot resolve the node management name to the endpoint (nor reach it without peering)`,
      fix: `put the pool in the endpoint's VNet, or link zone ${zones[0].zoneName} to the pool's VNet (PrivateBatch dns.linkedVnetIds) and peer the two VNets`,
    }];
  });
}
