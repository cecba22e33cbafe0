import { everyMember } from './every-member';

/** The Azure clouds that host Batch private link, by the names `az cloud list` uses. */
export const AZURE_CLOUDS = everyMember<AzureCloud>()(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);

/** An Azure cloud; it decides the Batch DNS suffix and the private DNS zone. */
export type AzureCloud = 'AzureCloud' | 'AzureChinaCloud' | 'AzureUSGovernment';

const PUBLIC_SUFFIX: Record<AzureCloud, string> = {
  AzureCloud: 'batch.azure.com',
  AzureChinaCloud: 'batch.chinacloudapi.cn',
  AzureUSGovernment: 'batch.usgovcloudapi.net',
};

const PROVIDER_ENVIRONMENT: Record<AzureCloud, string> = {
  AzureCloud: 'public',
  AzureChinaCloud: 'china',
  AzureUSGovernment: 'usgovernment',
};

/** Whether a string names one of {@link AZURE_CLOUDS}. */
export function isAzureCloud(value: string): value is AzureCloud {
  return (AZURE_CLOUDS as readonly string[]).includes(value);
}

/** The public Batch DNS suffix of a cloud, e.g. `batch.azure.com`. */
export function batchPublicSuffix(cloud: AzureCloud): string {
  return PUBLIC_SUFFIX[cloud];
}

/** The private DNS zone for both Batch sub-resources in a cloud, e.g. `privatelink.batch.azure.com`. */
export function batchPrivateDnsZoneName(cloud: AzureCloud): string {
  return `privatelink.${PUBLIC_SUFFIX[cloud]}`;
}

/** The cloud whose Batch private DNS zone this is, or undefined when it is no such zone. */
export function cloudOfBatchZone(zoneName: string): AzureCloud | undefined {
  const zone = zoneName.toLowerCase().replace(/\.$/, '');
  return AZURE_CLOUDS.find((cloud) => batchPrivateDnsZoneName(cloud) === zone);
}

/**
 * The region of a legacy regional zone such as `privatelink.eastus.batch.azure.com`, or undefined.
 * Azure replaced those zones with one zone per cloud; a VNet still linked to a legacy zone resolves
 * through it first and never sees records in the new zone.
 */
export function legacyZoneRegion(zoneName: string): string | undefined {
  const zone = zoneName.toLowerCase().replace(/\.$/, '');
  for (const suffix of Object.values(PUBLIC_SUFFIX)) {
    const match = new RegExp(`^privatelink\\.([a-z0-9]+)\\.${suffix.replace(/\./g, '\\.')}$`).exec(zone);
    if (match) return match[1];
  }
  return undefined;
}

/** The `environment` argument of the azurerm provider for a cloud. */
export function azurermEnvironment(cloud: AzureCloud): string {
  return PROVIDER_ENVIRONMENT[cloud];
}
