import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { sameZone } from '../network-view';
import { StackModel } from '../stack-model';
import { cloudOfBatchZone } from '../../rules/clouds';

/**
 * Whether two writers write into one zone: by subscription, resource group and name where both are known (two zones
 * of one name elsewhere are two zones), else by how they name it.
 */
function oneZone(a: DnsWriter, b: DnsWriter): boolean {
  return a.zone && b.zone ? sameZone(a.zone, b.zone) : a.zoneKey === b.zoneKey;
}

/** No two records or zone groups write the same name in the same zone: the second would overwrite the first. */
export function dnsCollisionFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  const seen: DnsWriter[] = [];
  const findings: Finding[] = [];
  for (const writer of writers.filter((w) => w.zoneName === undefined || cloudOfBatchZone(w.zoneName))) {
    const first = seen.find((other) => other.nameKey === writer.nameKey && oneZone(other, writer));
    if (!first) {
      seen.push(writer);
      continue;
    }
    findings.push({
      path: writer.resource.path,
      attribute: writer.kind === 'record' ? 'name' : 'private_dns_zone_group',
      value: writer.kind === 'record' ? writer.resource.config.name : writer.zoneKey,
      problem: `writes ${writer.nameKey} in zone ${writer.zoneKey}, as ${first.resource.path} does; one record would overwrite the other`,
      fix: 'keep one endpoint per account and sub-resource for the VNets that resolve through this zone (peer other VNets to reach it); '
        + 'an endpoint for VNets of their own needs a zone of this name linked to those VNets only, as Azure refuses to link one VNet to two zones of one name',
    });
  }
  return findings;
}
