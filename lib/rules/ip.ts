import * as ipaddr from 'ipaddr.js';

/** The first and last address of a subnet that Azure lets a NIC use. */
export interface UsableRange {
  /** The first usable address. */
  readonly first: string;
  /** The last usable address. */
  readonly last: string;
}

// Azure keeps the network address, the gateway and two DNS addresses at the start of each subnet,
// and the broadcast address at its end.
const RESERVED_AT_START = 4;
const RESERVED_AT_END = 1;

function toNumber(address: ipaddr.IPv4): number {
  return address.toByteArray().reduce((n, byte) => n * 256 + byte, 0);
}

function fromNumber(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

function parseCidr(cidr: string): [ipaddr.IPv4, number] {
  if (!ipaddr.IPv4.isValidCIDR(cidr)) throw new Error(`${JSON.stringify(cidr)} is not an IPv4 CIDR such as 10.0.1.0/24`);
  return ipaddr.IPv4.parseCIDR(cidr);
}

/** Whether a string is a dotted-quad IPv4 address. */
export function isIpv4(value: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(value);
}

/** Whether a string is an IPv4 CIDR such as `10.0.1.0/24`. */
export function isIpv4Cidr(value: string): boolean {
  return ipaddr.IPv4.isValidCIDR(value);
}

/** The usable range of an IPv4 subnet in Azure; throws on a subnet too small to hold one address. */
export function usableRange(cidr: string): UsableRange {
  const [, prefix] = parseCidr(cidr);
  const network = toNumber(ipaddr.IPv4.networkAddressFromCIDR(cidr));
  const size = 2 ** (32 - prefix);
  if (size <= RESERVED_AT_START + RESERVED_AT_END) {
    throw new Error(`${cidr} has no usable address (Azure reserves the first four and the last)`);
  }
  return { first: fromNumber(network + RESERVED_AT_START), last: fromNumber(network + size - 1 - RESERVED_AT_END) };
}

/** Why a static IP cannot be used in a subnet, or undefined when it can. */
export function staticIpProblem(ip: string, subnetCidr: string): string | undefined {
  if (!isIpv4(ip)) return `must be an IPv4 address, got ${JSON.stringify(ip)}`;
  const range = usableRange(subnetCidr);
  const n = toNumber(ipaddr.IPv4.parse(ip));
  if (n < toNumber(ipaddr.IPv4.parse(range.first)) || n > toNumber(ipaddr.IPv4.parse(range.last))) {
    return `must lie in the usable range ${range.first}-${range.last} of subnet ${subnetCidr}, got ${ip}`;
  }
  return undefined;
}

/** Whether a subnet lies inside one of a VNet's address spaces. */
export function cidrWithin(inner: string, outers: readonly string[]): boolean {
  const [innerAddress, innerPrefix] = parseCidr(inner);
  return outers.some((outer) => {
    const [outerAddress, outerPrefix] = parseCidr(outer);
    return innerPrefix >= outerPrefix && innerAddress.match(outerAddress, outerPrefix);
  });
}

/** The smallest subnet Azure creates: a /29, of which it reserves five addresses. */
export const SMALLEST_SUBNET_PREFIX = 29;

/**
 * Why Azure would refuse a subnet prefix, or undefined: it must be an IPv4 CIDR with no host bits set (Azure
 * refuses 10.20.1.10/24) and no smaller than /29.
 */
export function subnetPrefixProblem(cidr: string): string | undefined {
  if (!isIpv4Cidr(cidr)) return `must be an IPv4 CIDR such as 10.0.1.0/24, got ${JSON.stringify(cidr)}`;
  const [address, prefix] = parseCidr(cidr);
  const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
  if (network !== address.toString()) return `has host bits set: the subnet is ${network}/${prefix}, got ${cidr}`;
  if (prefix > SMALLEST_SUBNET_PREFIX) return `must be /${SMALLEST_SUBNET_PREFIX} or larger (the smallest subnet Azure creates), got ${cidr}`;
  return undefined;
}

/** How many addresses of a subnet a NIC can use: all but the four Azure reserves at the start and the last. */
export function usableAddressCount(cidr: string): number {
  const [, prefix] = parseCidr(cidr);
  return Math.max(0, 2 ** (32 - prefix) - RESERVED_AT_START - RESERVED_AT_END);
}

/** Why a subnet of these prefixes cannot hold `needed` private endpoints (one address each), or undefined when it can. */
export function subnetCapacityProblem(prefixes: readonly string[], needed: number): string | undefined {
  const usable = prefixes.reduce((sum, prefix) => sum + usableAddressCount(prefix), 0);
  return needed > usable
    ? `has ${usable} usable addresses (Azure reserves 5 of every subnet) for ${needed} private endpoints, one address each`
    : undefined;
}
