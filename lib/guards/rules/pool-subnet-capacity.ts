import { isIpv4Cidr, usableAddressCount } from '../../rules/ip';
import { Finding } from '../finding';
import { batchPools, subnetResource } from '../pool-view';
import { StackModel, isLiteral, referenceOf, resourcesOfType } from '../stack-model';

/** The literal IPv4 prefixes of a subnet, or undefined when any is unknown at synth or not a CIDR. */
function literalPrefixes(prefixes: unknown): string[] | undefined {
  if (!Array.isArray(prefixes) || prefixes.length === 0) return undefined;
  return prefixes.every((p) => isLiteral(p) && isIpv4Cidr(p)) ? prefixes : undefined;
}

/**
 * A fixed-size pool's subnet has an address for each of its nodes, beside the other pools' nodes and the private
 * endpoints in that subnet, after the five addresses Azure reserves; checked when the subnet and its prefix are in
 * the stack. Azure otherwise allocates part of the pool and reports a resize error. Autoscale pools count as zero:
 * a formula's largest result cannot be read at synth.
 */
export function poolSubnetCapacityFindings(model: StackModel): Finding[] {
  const pools = batchPools(model);
  const endpoints = resourcesOfType(model, 'azurerm_private_endpoint');
  return pools.flatMap((pool): Finding[] => {
    const subnet = subnetResource(model, pool.subnetId);
    const prefixes = subnet && literalPrefixes(subnet.config.address_prefixes);
    if (!subnet || !prefixes || pool.fixedNodes === undefined) return [];
    const inSubnet = (subnetId: unknown): boolean => referenceOf(subnetId)?.address === subnet.address;
    const others = pools.filter((p) => p !== pool && inSubnet(p.subnetId)).reduce((sum, p) => sum + (p.fixedNodes ?? 0), 0);
    const hosted = endpoints.filter((e) => inSubnet(e.config.subnet_id)).length;
    const usable = prefixes.reduce((sum, prefix) => sum + usableAddressCount(prefix), 0);
    const needed = pool.fixedNodes + others + hosted;
    if (needed <= usable) return [];
    const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
    const parts = [`the pool's ${count(pool.fixedNodes, 'node')}`, others > 0 ? `${count(others, 'node')} of other pools` : '', hosted > 0 ? count(hosted, 'private endpoint') : ''];
    return [{
      path: pool.resource.path,
      attribute: 'network_configuration.subnet_id',
      value: pool.subnetId,
      problem: `subnet ${subnet.path} (${prefixes.join(', ')}) has ${usable} usable addresses (Azure reserves 5 in every subnet), but ${needed} are needed: ${parts.filter((part) => part !== '').join(', ')}. Azure would allocate part of the pool and report a resize error`,
      fix: 'make the subnet larger, lower the node count, or put the pool in a subnet of its own',
    }];
  });
}
