import { batchEndpoints, dnsWriters } from './batch-view';
import { dependencyGraph } from './dependency-graph';
import { Finding } from './finding';
import { accountNameFindings } from './rules/account-names';
import { dnsCollisionFindings } from './rules/dns-collisions';
import { dnsRecordIpFindings } from './rules/dns-record-ips';
import { endpointLocationFindings } from './rules/endpoint-locations';
import { policyZoneGroupFindings } from './rules/policy-zone-groups';
import { endpointSubResourceFindings, endpointSubscriptionFindings } from './rules/endpoint-sub-resources';
import { accountApiReachWarnings } from './rules/account-api-reach';
import { poolDnsOrderFindings } from './rules/pool-dns-order';
import { poolNodeManagementFindings } from './rules/pool-node-management';
import { poolSubnetCapacityFindings } from './rules/pool-subnet-capacity';
import { poolVnetRouteFindings } from './rules/pool-vnet-route';
import { locationFindings } from './rules/locations';
import { lockOrderFindings } from './rules/lock-order';
import { publicNetworkAccessFindings } from './rules/public-network-access';
import { sensitiveOutputFindings } from './rules/sensitive-outputs';
import { subnetFindings } from './rules/subnets';
import { uniqueEndpointNameFindings, uniqueStaticIpFindings } from './rules/unique-endpoints';
import { crossStackVnetLinkFindings, uniqueVnetLinkFindings } from './rules/unique-vnet-links';
import { vnetLinkFindings } from './rules/vnet-links';
import { zoneNameFindings } from './rules/zone-names';
import { zoneProviderFindings } from './rules/zone-providers';
import { StackModel } from './stack-model';

/** Runs every guard over a stack model and returns all findings, so that one synth reports every problem. */
export function checkStack(model: StackModel): Finding[] {
  const endpoints = batchEndpoints(model);
  const writers = dnsWriters(model, endpoints);
  const graph = dependencyGraph(model);
  return [
    ...publicNetworkAccessFindings(model),
    ...accountNameFindings(model),
    ...locationFindings(model),
    ...endpointSubResourceFindings(model, endpoints),
    ...endpointSubscriptionFindings(model, endpoints),
    ...endpointLocationFindings(model),
    ...uniqueEndpointNameFindings(model),
    ...uniqueStaticIpFindings(model),
    ...subnetFindings(model),
    ...dnsCollisionFindings(model, writers),
    ...dnsRecordIpFindings(model, writers),
    ...policyZoneGroupFindings(model, endpoints, writers),
    ...zoneNameFindings(model, writers),
    ...zoneProviderFindings(model),
    ...vnetLinkFindings(model, writers),
    ...poolNodeManagementFindings(model, endpoints, writers),
    ...poolVnetRouteFindings(model, endpoints, writers),
    ...poolDnsOrderFindings(model, endpoints, writers, graph),
    ...lockOrderFindings(model, graph),
    ...poolSubnetCapacityFindings(model),
    ...uniqueVnetLinkFindings(model),
    ...crossStackVnetLinkFindings(model),
    ...sensitiveOutputFindings(model),
  ];
}

/** The guards' warnings: what may well be fine but deserves a look (added to the construct with `Annotations.addWarning`). */
export function stackWarnings(model: StackModel): Finding[] {
  return accountApiReachWarnings(model);
}
