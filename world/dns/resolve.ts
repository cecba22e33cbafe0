import { batchPublicSuffix } from '../../lib/rules/clouds';
import { keyOf, parseId } from '../engine/arm/ids';
import { ArmResource, World } from '../engine/arm/world';
import { hasApprovedEndpoint, publicAddress, publicBatchName } from './batch-names';

/** One step of an answer. */
export interface DnsStep {
  /** The name asked. */
  readonly name: string;
  /** What answered it. */
  readonly kind: 'CNAME' | 'A' | 'NXDOMAIN';
  /** The CNAME target or the addresses. */
  readonly value: string | string[] | null;
  /** Who answered: a private zone's ID, or `public` (Azure's public DNS). */
  readonly from: string;
  /** Why, with its source. */
  readonly rule: string;
}

/** What a name resolves to from a VNet. */
export interface DnsAnswer {
  readonly name: string;
  readonly vnetId: string;
  readonly chain: DnsStep[];
  /** The final addresses ([] for NXDOMAIN). */
  readonly addresses: string[];
  readonly nxdomain: boolean;
  /** Whether the final answer came from public DNS (no private zone answered). */
  readonly public: boolean;
  /** The private endpoints whose NIC holds a final address. */
  readonly endpoints: string[];
  /** Remarks, e.g. a public address of an account whose public access is disabled. */
  readonly notes: string[];
}

const MAX_CHAIN = 10;

/**
 * Resolves `name` as a VM in `vnetId` would, through Azure-provided DNS (168.63.129.16):
 * 1. Each name of the chain is looked up first in the private zones linked to the VNet; the zone with the longest
 *    name that is a suffix of the query answers (Learn: dns/private-dns-overview, "name resolution"; the most specific
 *    zone wins, which is how the legacy regional Batch zone shadows the new one, Learn batch/private-connectivity).
 * 2. A linked zone is authoritative: a name it does not hold is NXDOMAIN (Learn: dns/private-dns-virtual-network-links,
 *    "Fallback to internet": unless the link's `resolutionPolicy` is `NxDomainRedirect`, then public DNS answers).
 * 3. Otherwise public DNS answers: a Batch name with an approved endpoint of its sub-resource CNAMEs into the
 *    privatelink zones (`<a>.<r>.batch.azure.com` → `<a>.privatelink.<r>.batch.azure.com` → `<a>.<r>.privatelink.batch.azure.com`,
 *    Learn batch/private-connectivity "Migration with existing Batch account private endpoints";
 *    `<id>.<r>.service.batch.azure.com` → `<id>.<r>.service.privatelink.batch.azure.com` by analogy, unverified);
 *    the last name gives the account's public address.
 */
export function resolve(world: World, vnetId: string, name: string): DnsAnswer {
  const chain: DnsStep[] = [];
  let current = name.toLowerCase().replace(/\.$/, '');
  let viaPublic = false;
  for (let i = 0; i < MAX_CHAIN; i++) {
    const step = privateStep(world, vnetId, current) ?? publicStep(world, current);
    chain.push(step);
    viaPublic = step.from === 'public';
    if (step.kind !== 'CNAME') break;
    current = String(step.value);
  }
  const last = chain[chain.length - 1];
  const addresses = last.kind === 'A' ? (last.value as string[]) : [];
  return { name, vnetId, chain, addresses, nxdomain: last.kind === 'NXDOMAIN', public: viaPublic && last.kind === 'A',
    endpoints: endpointsAt(world, addresses), notes: notesFor(world, name, last) };
}

/** The answer of the most specific private zone linked to the VNet, or undefined when none covers the name. */
function privateStep(world: World, vnetId: string, name: string): DnsStep | undefined {
  const links = world.ofType('Microsoft.Network/privateDnsZones/virtualNetworkLinks').filter((l) => keyOf(l.properties.virtualNetwork?.id ?? '') === keyOf(vnetId));
  const zones = links.map((l) => ({ link: l, zoneId: parseId(l.id).parentId, zone: parseId(parseId(l.id).parentId).name.toLowerCase() }))
    .filter((z) => world.get(z.zoneId) && (name === z.zone || name.endsWith(`.${z.zone}`)))
    .sort((a, b) => b.zone.length - a.zone.length);
  const best = zones[0];
  if (!best) return undefined;
  const relative = name === best.zone ? '@' : name.slice(0, -(best.zone.length + 1));
  const a = world.get(`${best.zoneId}/A/${relative}`);
  if (a) return { name, kind: 'A', value: (a.properties.aRecords ?? []).map((r: any) => String(r.ipv4Address)), from: best.zoneId, rule: 'A record in the linked private zone' };
  const cname = world.get(`${best.zoneId}/CNAME/${relative}`);
  if (cname) return { name, kind: 'CNAME', value: String(cname.properties.cnameRecord?.cname ?? '').toLowerCase().replace(/\.$/, ''), from: best.zoneId, rule: 'CNAME record in the linked private zone' };
  if (best.link.properties.resolutionPolicy === 'NxDomainRedirect') return undefined;
  return { name, kind: 'NXDOMAIN', value: null, from: best.zoneId,
    rule: `the linked zone ${best.zone} is authoritative and holds no record ${relative} (Learn dns/private-dns-virtual-network-links)` };
}

/** Azure's public DNS for Batch names (step 3 above); any other name is NXDOMAIN here. */
function publicStep(world: World, name: string): DnsStep {
  const direct = publicBatchName(world, name);
  if (direct) {
    const suffix = batchPublicSuffix(direct.cloud);
    if (hasApprovedEndpoint(world, direct.account, direct.group)) {
      const target = direct.group === 'batchAccount' ? `${direct.label}.privatelink.${direct.region}.${suffix}` : `${name.slice(0, -suffix.length - 1)}.privatelink.${suffix}`;
      return { name, kind: 'CNAME', value: target, from: 'public', rule: 'public CNAME into the privatelink zone (the account has an approved endpoint of this sub-resource)' };
    }
    return { name, kind: 'A', value: [publicAddress(world, direct.account, direct.group)], from: 'public', rule: 'the account\'s public address (no approved private endpoint)' };
  }
  const legacy = /^([a-z0-9]+)\.privatelink\.([a-z0-9]+)\.(.+)$/.exec(name);
  const legacyAccount = legacy && publicBatchName(world, `${legacy[1]}.${legacy[2]}.${legacy[3]}`);
  if (legacy && legacyAccount && hasApprovedEndpoint(world, legacyAccount.account, 'batchAccount')) {
    return { name, kind: 'CNAME', value: `${legacy[1]}.${legacy[2]}.privatelink.${legacy[3]}`, from: 'public', rule: 'public CNAME from the legacy regional name to the new zone\'s name' };
  }
  const privatelink = /^(.+)\.privatelink\.(batch\..+)$/.exec(name);
  const account = privatelink && publicBatchName(world, `${privatelink[1]}.${privatelink[2]}`);
  if (account) {
    return { name, kind: 'A', value: [publicAddress(world, account.account, account.group)], from: 'public', rule: 'the privatelink name ends at the account\'s public address' };
  }
  return { name, kind: 'NXDOMAIN', value: null, from: 'public', rule: 'no such name in the world\'s public DNS' };
}

function endpointsAt(world: World, addresses: string[]): string[] {
  return world.ofType('Microsoft.Network/networkInterfaces').filter((nic) => (nic.properties.ipConfigurations ?? [])
    .some((c: any) => addresses.includes(c.properties?.privateIPAddress))).map((nic) => String(nic.properties.privateEndpoint?.id ?? nic.id));
}

function notesFor(world: World, name: string, last: DnsStep): string[] {
  const account: ArmResource | undefined = publicBatchName(world, name)?.account;
  if (last.from === 'public' && last.kind === 'A' && account?.properties.publicNetworkAccess === 'Disabled') {
    return [`${name} resolves to the public address of ${account.name}, whose public network access is disabled: unreachable (Learn batch/public-network-access).`];
  }
  return [];
}
