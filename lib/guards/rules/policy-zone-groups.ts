import { BatchEndpointView, DnsWriter, batchEndpoints, dnsWriters, endpointNameKey } from '../batch-view';
import { Finding } from '../finding';
import { StackModel } from '../stack-model';

/** Whether an endpoint leaves its zone group to Azure Policy: it ignores changes to `private_dns_zone_group`. */
export function policyManagesZoneGroup(endpoint: BatchEndpointView): boolean {
  const ignored = endpoint.resource.config.lifecycle?.ignore_changes;
  return Array.isArray(ignored) && ignored.includes('private_dns_zone_group');
}

/**
 * An endpoint whose zone group Azure Policy manages gets its A record from Policy's zone group. A record or zone
 * group of this stack for the same name would fight it: each write overwrites the other's IP.
 */
export function policyZoneGroupFindings(
  model: StackModel,
  endpoints: BatchEndpointView[] = batchEndpoints(model),
  writers: DnsWriter[] = dnsWriters(model, endpoints),
): Finding[] {
  return endpoints.filter(policyManagesZoneGroup).flatMap((endpoint) => {
    const name = endpointNameKey(model, endpoint);
    return writers.filter((w) => w.resource.address !== endpoint.resource.address && w.nameKey === name).map((writer) => ({
      path: writer.resource.path,
      attribute: writer.kind === 'record' ? 'name' : 'private_dns_zone_group',
      value: writer.kind === 'record' ? writer.resource.config.name : writer.zoneKey,
      problem: `writes ${name}, whose record Azure Policy writes through the zone group of ${endpoint.resource.path} (dns.mode policyZoneGroup); Terraform and Policy would overwrite each other's IP`,
      fix: 'let one of them own the name: give this endpoint dns.mode policyZoneGroup too (and drop the record), or give the other endpoint records or zoneGroup and exempt it from the Policy assignment',
    }));
  });
}
