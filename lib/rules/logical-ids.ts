/**
 * A Terraform logical ID (the `<name>` in `<type>.<name>`) made of words: lower case, runs of anything but
 * letters and digits become one `_`, words are joined by `_`. `logicalId('pe', 'contosobatch01', 'batchAccount')`
 * gives `pe_contosobatch01_batchaccount`. Terraform names must not start with a digit, so such a name gets a
 * leading `_`.
 */
export function logicalId(...words: string[]): string {
  const id = words
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter((word) => word !== '')
    .join('_');
  if (id === '') throw new Error(`logicalId: no letters or digits in ${JSON.stringify(words)}`);
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** `name` without `prefix` and a separator in front, so that `pe-x` under prefix `pe` does not become `pe_pe_x`. */
function withoutPrefix(prefix: string, name: string): string {
  const stripped = name.replace(new RegExp(`^${prefix}[^a-z0-9]+`, 'i'), '');
  return stripped === '' ? name : stripped;
}

/** The logical ID of a Batch account: `batch_<account>`. */
export function accountLogicalId(accountName: string): string {
  return logicalId('batch', accountName);
}

/**
 * What names an endpoint and everything that belongs to it (its record, its outputs): the endpoint name without
 * a leading `pe-`, so the default `pe-contosobatch01-batchaccount` gives `contosobatch01_batchaccount`. Endpoint names
 * are unique per resource group, and the default one is unique per account and sub-resource.
 */
export function endpointKey(endpointName: string): string {
  return logicalId(withoutPrefix('pe', endpointName));
}

/** The logical ID of a private endpoint: `pe_<account>_<subresource>` for the default name, else `pe_<name>`. */
export function endpointLogicalId(endpointName: string): string {
  return logicalId('pe', endpointKey(endpointName));
}

/** The logical ID of an endpoint's Terraform-owned A record: `dns_` and the endpoint's key. */
export function dnsRecordLogicalId(endpointName: string): string {
  return logicalId('dns', endpointKey(endpointName));
}

/** The logical ID of a private DNS zone: `zone_<zone name>`, e.g. `zone_privatelink_batch_azure_com`. */
export function zoneLogicalId(zoneName: string): string {
  return logicalId('zone', zoneName);
}

/** The logical ID of a zone's VNet link: `link_<link name>`, without a leading `link-`. */
export function vnetLinkLogicalId(linkName: string): string {
  return logicalId('link', withoutPrefix('link', linkName));
}

/** An output name: the words joined as a logical ID, e.g. `contosobatch01_endpoint_ips`. */
export function outputName(...words: string[]): string {
  return logicalId(...words);
}
