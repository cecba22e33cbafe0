import { BatchEndpointView, DnsWriter, batchEndpoints, dnsWriters } from '../batch-view';
import { DependencyGraph, dependencyGraph } from '../dependency-graph';
import { Finding } from '../finding';
import { sameZone, vnetKey, zoneOf } from '../network-view';
import { PoolView, accountEndpoints, batchPools, isPrivateAccount, vnetKeyOfSubnet } from '../pool-view';
import { ModelResource, StackModel, blocks, referenceOf, resourceAt, resourcesOfType } from '../stack-model';

/** The zone resource of the stack that a DNS writer writes to, when it refers to one. */
function zoneResourceOf(model: StackModel, writer: DnsWriter): ModelResource | undefined {
  const values = writer.kind === 'record'
    ? [writer.resource.config.zone_name]
    : blocks(writer.resource.config.private_dns_zone_group).flatMap((g) => g.private_dns_zone_ids ?? []);
  return values.map((v) => resourceAt(model, referenceOf(v)?.address ?? '')).find((z) => z?.type === 'azurerm_private_dns_zone' && z.mode === 'managed');
}

/** The links of the stack from the writer's zone to a VNet. */
function linksTo(model: StackModel, writer: DnsWriter, vnet: string): ModelResource[] {
  const zone = writer.kind === 'record' ? zoneOf(model, writer.resource, writer.resource.config.zone_name) : undefined;
  const zoneResource = zoneResourceOf(model, writer);
  const identity = zone ?? (zoneResource && zoneOf(model, zoneResource, zoneResource.config.name));
  return resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').filter((link) => {
    const linked = zoneOf(model, link, link.config.private_dns_zone_name);
    const sameZoneRef = zoneResource !== undefined && referenceOf(link.config.private_dns_zone_name)?.address === zoneResource.address;
    return vnetKey(model, link.config.virtual_network_id) === vnet && (sameZoneRef || (identity && linked && sameZone(identity, linked)));
  });
}

/** The endpoints that serve a pool: those in its VNet, else (none there, or a VNet unknown at synth) all of them. */
function servingEndpoints(model: StackModel, endpoints: readonly BatchEndpointView[], vnet: string | undefined): BatchEndpointView[] {
  const inVnet = endpoints.filter((e) => vnet !== undefined && vnetKeyOfSubnet(model, e.resource.config.subnet_id) === vnet);
  return inVnet.length > 0 ? inVnet : [...endpoints];
}

/**
 * What a pool's first nodes need to resolve node management through one endpoint: the nodeManagement endpoint, the
 * record or zone group that writes its name, the zone, and the zone's links to the pool's VNet (which may not be the
 * endpoint's VNet).
 */
function chain(model: StackModel, endpoint: BatchEndpointView, writers: readonly DnsWriter[], vnet: string | undefined): ModelResource[] {
  const dns = writers.filter((w) => w.candidates.includes(endpoint));
  const all = [
    endpoint.resource,
    ...dns.filter((w) => w.kind === 'record').map((w) => w.resource),
    ...dns.flatMap((w) => zoneResourceOf(model, w) ?? []),
    ...(vnet === undefined ? [] : dns.flatMap((w) => linksTo(model, w, vnet))),
  ];
  return all.filter((r, i) => all.findIndex((o) => o.address === r.address) === i);
}

/**
 * What the pool does not wait for: nothing when it waits for the whole chain of one endpoint that serves it, else the
 * missing part of the chain that lacks least.
 */
function missingFor(model: StackModel, pool: PoolView, endpoints: BatchEndpointView[], writers: readonly DnsWriter[], graph: DependencyGraph): ModelResource[] {
  const vnet = vnetKeyOfSubnet(model, pool.subnetId);
  const serving = servingEndpoints(model, accountEndpoints(endpoints, pool.accountKey, 'nodeManagement'), vnet);
  const missing = serving.map((e) => chain(model, e, writers, vnet).filter((r) => !graph.after(pool.resource.address, r.address)));
  return missing.reduce<ModelResource[] | undefined>((least, m) => (least === undefined || m.length < least.length ? m : least), undefined) ?? [];
}

/**
 * A pool of a private account is created only after everything its nodes need to resolve node management, which
 * the stack shows: nodes that boot before their VNet resolves the name stay unusable (Learn, "Create an Azure Batch
 * pool in a virtual network": nodes must reach node management; simplified compute node communication). Terraform
 * orders by `depends_on` and references, so what the pool does not reach that way may be created beside it.
 */
export function poolDnsOrderFindings(
  model: StackModel,
  endpoints: BatchEndpointView[] = batchEndpoints(model),
  writers: DnsWriter[] = dnsWriters(model, endpoints),
  graph: DependencyGraph = dependencyGraph(model),
): Finding[] {
  return batchPools(model).flatMap((pool): Finding[] => {
    if (!isPrivateAccount(pool.account) || pool.subnetId === undefined) return [];
    const missing = missingFor(model, pool, endpoints, writers, graph);
    if (missing.length === 0) return [];
    return [{
      path: pool.resource.path,
      attribute: 'depends_on',
      value: pool.resource.config.depends_on,
      problem: `the pool may be created before ${missing.map((r) => `${r.path} (${r.address})`).join(', ')}, which its nodes need to resolve node management: nodes that boot first stay unusable`,
      fix: `add ${missing.length === 1 ? 'it' : 'them'} to the pool's depends_on (BatchPool dependsOn; PrivateBatch.addPool adds the account's endpoints, records, zone and links made before the pool)`,
    }];
  });
}
