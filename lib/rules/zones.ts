import { AzureCloud, batchPrivateDnsZoneName, cloudOfBatchZone, legacyZoneRegion } from './clouds';

/**
 * Why a zone name cannot hold Batch private endpoint records for a cloud, or undefined when it can.
 * @param zoneName the zone's name
 * @param cloud the cloud the endpoints are in; when omitted, any cloud's Batch zone is accepted
 */
export function existingZoneProblem(zoneName: string, cloud?: AzureCloud): string | undefined {
  const region = legacyZoneRegion(zoneName);
  if (region) {
    return `names the legacy regional zone ${zoneName}, which Azure replaced with ${batchPrivateDnsZoneName(cloudOfLegacy(zoneName))}: ` +
      `create the new zone, link it to the same VNets, then unlink the legacy zone (a VNet linked to it resolves through it first and never sees records in the new zone)`;
  }
  const zoneCloud = cloudOfBatchZone(zoneName);
  if (!zoneCloud) {
    return `must name a Batch private DNS zone (privatelink.batch.azure.com, privatelink.batch.chinacloudapi.cn or privatelink.batch.usgovcloudapi.net), got ${zoneName}`;
  }
  if (cloud && zoneCloud !== cloud) {
    return `names ${zoneName}, the zone of ${zoneCloud}, but the endpoints are in ${cloud}, whose zone is ${batchPrivateDnsZoneName(cloud)}`;
  }
  return undefined;
}

function cloudOfLegacy(zoneName: string): AzureCloud {
  const region = legacyZoneRegion(zoneName) as string;
  return cloudOfBatchZone(zoneName.toLowerCase().replace(`.${region}.`, '.')) ?? 'AzureCloud';
}
