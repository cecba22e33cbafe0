import { azurermEnvironment, batchPrivateDnsZoneName, cloudOfBatchZone, legacyZoneRegion } from '../../rules/clouds';
import { existingZoneProblem } from '../../rules/zones';
import { DnsWriter, dnsWriters } from '../batch-view';
import { Finding } from '../finding';
import { cloudOf } from '../network-view';
import { StackModel, isLiteral, resourcesOfType } from '../stack-model';

/** No legacy regional Batch zone, and every Batch zone is its cloud's. */
export function zoneNameFindings(model: StackModel, writers: DnsWriter[] = dnsWriters(model)): Finding[] {
  const zones = resourcesOfType(model, 'azurerm_private_dns_zone')
    .filter((zone) => isLiteral(zone.config.name))
    .map((zone) => ({ resource: zone, attribute: 'name', zoneName: zone.config.name as string }));
  const used = writers
    .filter((w) => w.zoneName !== undefined && !zones.some((z) => z.zoneName === w.zoneName))
    .map((w) => ({ resource: w.resource, attribute: w.kind === 'record' ? 'zone_name' : 'private_dns_zone_group', zoneName: w.zoneName as string }));
  return [...zones, ...used].flatMap(({ resource, attribute, zoneName }) => {
    const isBatchZone = legacyZoneRegion(zoneName) !== undefined || cloudOfBatchZone(zoneName) !== undefined;
    const cloud = cloudOf(model, resource);
    const problem = isBatchZone ? existingZoneProblem(zoneName, cloud) : undefined;
    return problem
      ? [{
        path: resource.path,
        attribute,
        value: zoneName,
        problem: problem.replace(/^names /, 'is '),
        fix: cloud ? `use ${batchPrivateDnsZoneName(cloud)} (the provider's environment is ${azurermEnvironment(cloud)})` : 'use the Batch zone of the provider\'s cloud',
      }]
      : [];
  });
}
