import { AzureCloud, batchPrivateDnsZoneName, batchPublicSuffix } from './clouds';
import { normalizeLocation } from './naming';

/**
 * The A record name of a `batchAccount` endpoint: `<account>.<region>`, because the account endpoint is
 * `<account>.<region>.batch.azure.com` and the zone is `privatelink.batch.azure.com`.
 */
export function batchAccountRecordName(accountName: string, location: string): string {
  return `${accountName}.${normalizeLocation(location)}`;
}

/** The public FQDN of a `batchAccount` endpoint, e.g. `mybatch.eastus.batch.azure.com`. */
export function batchAccountFqdn(accountName: string, location: string, cloud: AzureCloud): string {
  return `${batchAccountRecordName(accountName, location)}.${batchPublicSuffix(cloud)}`;
}

/**
 * The record name for an endpoint FQDN: the FQDN less the cloud's public suffix, so that
 * `abc.eastus.service.batch.azure.com` gives `abc.eastus.service`. Throws when the FQDN is not in the cloud.
 */
export function recordNameFromFqdn(fqdn: string, cloud: AzureCloud): string {
  const suffix = `.${batchPublicSuffix(cloud)}`;
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(suffix) || name.length === suffix.length) {
    throw new Error(`${JSON.stringify(fqdn)} is not a Batch name in ${cloud} (it must end in ${suffix})`);
  }
  return name.slice(0, -suffix.length);
}

/** The FQDN an A record answers for inside the private zone, e.g. `mybatch.eastus.privatelink.batch.azure.com`. */
export function privateRecordFqdn(recordName: string, cloud: AzureCloud): string {
  return `${recordName}.${batchPrivateDnsZoneName(cloud)}`;
}
