/**
 * How an endpoint's name resolves to its IP.
 * - `records`: Terraform owns one A record per endpoint, so the record goes away with the endpoint.
 * - `zoneGroup`: a `private_dns_zone_group` on the endpoint; Azure writes (and removes) the records.
 * - `external`: no DNS resources; your own DNS servers need the FQDN → IP pairs the library outputs.
 */
export const DNS_MODES = ['records', 'zoneGroup', 'external'] as const;

/** One of {@link DNS_MODES}. */
export type DnsMode = (typeof DNS_MODES)[number];
