import { DNS_MODES, DnsMode, dnsModeUsesZone } from '../../lib/rules/dns-modes';

/** Whether each mode needs a zone; typed by mode, so a new mode does not compile until it is added here. */
const USES_ZONE: Record<DnsMode, boolean> = {
  records: true, // Terraform writes the A records into the zone
  zoneGroup: true, // the endpoint's zone group names the zone Azure writes into
  policyZoneGroup: false, // Azure Policy picks the zone
  external: false, // the user's own DNS servers
};

describe('DNS modes', () => {
  it.each(DNS_MODES.map((mode) => [mode, USES_ZONE[mode]] as const))('%s needs a private DNS zone of the stack\'s choosing: %s', (mode, usesZone) => {
    expect(dnsModeUsesZone(mode)).toBe(usesZone);
  });
});
