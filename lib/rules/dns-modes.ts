import { everyMember } from './every-member';

/** Every {@link DnsMode}, in the order messages list them. */
export const DNS_MODES = everyMember<DnsMode>()(['records', 'zoneGroup', 'policyZoneGroup', 'external']);

/**
 * How an endpoint's name resolves to its IP.
 * - `records`: Terraform owns one A record per endpoint, so the record goes away with the endpoint.
 * - `zoneGroup`: a `private_dns_zone_group` on the endpoint; Azure writes (and removes) the records.
 * - `policyZoneGroup`: Azure Policy adds the zone group (DeployIfNotExists); Terraform makes none and ignores the
 *   one Policy adds (`lifecycle.ignore_changes`), as AVM's `private_endpoints_manage_dns_zone_group = false` does.
 * - `external`: no DNS resources; your own DNS servers need the FQDN → IP pairs the library outputs.
 */
export type DnsMode = 'records' | 'zoneGroup' | 'policyZoneGroup' | 'external';

/** Whether endpoints of a mode need a private DNS zone of the stack's choosing: `records` and `zoneGroup`. */
export function dnsModeUsesZone(mode: DnsMode): boolean {
  return mode === 'records' || mode === 'zoneGroup';
}
