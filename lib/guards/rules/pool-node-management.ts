import { cloudOfBatchZone } from '../../rules/clouds';
import { BatchEndpointView, DnsWriter, batchEndpoints, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { policyManagesZoneGroup } from './policy-zone-groups';
import { vnetKey } from '../network-view';
import { PoolView, accountEndpoints, batchPools, isPrivateAccount, vnetKeyOfSubnet } from '../pool-view';
import { StackModel, hasOptIn, literalValue, resourcesOfType } from '../stack-model';

/**
 * Whether something answers for an endpoint's name: its A record or zone group in the stack, the zone group Azure
 * Policy adds (dns mode policyZoneGroup), or its opt-in to external DNS.
 */
function hasDns(model: StackModel, endpoint: BatchEndpointView, writers: readonly DnsWriter[]): boolean {
  return hasOptIn(model, endpoint.resource, 'externalDns') || policyManagesZoneGroup(endpoint) || writers.some((w) => w.candidates.includes(endpoint));
}

/** Whether a Batch zone is linked to the pool's VNet in this stack: the zone of an endpoint made elsewhere answers there. */
function batchZoneLinkedTo(model: StackModel, pool: PoolView): boolean {
  const vnet = vnetKeyOfSubnet(model, pool.subnetId);
  return vnet !== undefined && resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').some((link) => {
    const zoneName = literalValue(model, link.config.private_dns_zone_name);
    return zoneName !== undefined && cloudOfBatchZone(zoneName) !== undefined && vnetKey(model, link.config.virtual_network_id) === vnet;
  });
}

/**
 * A pool of an account with public network access disabled reaches node management privately: it is in a VNet,
 * the account has a `nodeManagement` endpoint (in the stack, or declared as existing), and DNS answers for it (an
 * A record or zone group of the stack, a Batch zone linked to the pool's VNet for an existing endpoint, or external
 * DNS by explicit opt-in). Public IPs do not help: with public access disabled, the public node management
 * endpoint refuses the nodes too. Whether the zone is linked to the pool's VNet is the VNet-link and route guards'.
 */
export function poolNodeManagementFindings(
  model: StackModel,
  endpoints: BatchEndpointView[] = batchEndpoints(model),
  writers: DnsWriter[] = dnsWriters(model, endpoints),
): Finding[] {
  return batchPools(model).flatMap((pool): Finding[] => {
    if (!isPrivateAccount(pool.account)) return [];
    const name = literalValue(model, pool.account.config.name) ?? pool.account.address;
    const unusable = `account ${name} has public network access disabled, so its nodes reach node management only through a nodeManagement private endpoint`;
    if (pool.subnetId === undefined) {
      return [{
        path: pool.resource.path,
        attribute: 'network_configuration.subnet_id',
        value: undefined,
        problem: `the pool is in no VNet, and ${unusable}: they would never become usable`,
        fix: 'put the pool in a subnet of the VNet that the nodeManagement endpoint serves (BatchPool subnet)',
      }];
    }
    const nodeEndpoints = accountEndpoints(endpoints, pool.accountKey, 'nodeManagement');
    const existing = hasOptIn(model, pool.resource, 'existingNodeManagementEndpoint');
    const missing = { path: pool.resource.path, attribute: 'account_name', value: pool.resource.config.account_name };
    if (nodeEndpoints.length === 0 && !existing) {
      return [{
        ...missing,
        problem: `${unusable}, and the stack has none: the nodes would stay unusable`,
        fix: 'add a nodeManagement endpoint for the account (PrivateBatch makes one by default), or declare the one made elsewhere with BatchPool nodeManagement.existingEndpoint (raw pools: optIn(pool, "existingNodeManagementEndpoint"))',
      }];
    }
    if (hasOptIn(model, pool.resource, 'externalNodeManagementDns')) return [];
    if (nodeEndpoints.some((e) => hasDns(model, e, writers))) return [];
    if (nodeEndpoints.length === 0 && batchZoneLinkedTo(model, pool)) return [];
    const what = nodeEndpoints.length > 0
      ? `the nodeManagement endpoint ${nodeEndpoints.map((e) => e.resource.path).join(', ')} has no A record, no zone group and no opt-in to external DNS`
      : 'the nodeManagement endpoint is declared as existing, and no Batch zone of the stack is linked to the pool\'s VNet';
    return [{
      ...missing,
      problem: `${unusable}, and nothing resolves its name in the pool's VNet: ${what}`,
      fix: nodeEndpoints.length > 0
        ? 'give the endpoint private DNS (BatchPrivateEndpoint dns mode records or zoneGroup), or opt in to external DNS (dns mode external)'
        : 'link the Batch zone that holds the endpoint\'s record to the pool\'s VNet, or declare BatchPool nodeManagement.externalDns (raw pools: optIn(pool, "externalNodeManagementDns"))',
    }];
  });
}
