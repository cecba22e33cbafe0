/** IPv4 arithmetic for subnets and endpoint addresses. */

/** An IPv4 address as a number, or undefined. */
export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** A number as an IPv4 address. */
export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A CIDR block: first and last address, or undefined when malformed or with host bits set. */
export function parseCidr(cidr: string): { first: number; last: number; bits: number } | undefined {
  const [ip, bitsText] = cidr.split('/');
  const base = ipToInt(ip ?? '');
  const bits = Number(bitsText);
  if (base === undefined || !/^\d{1,2}$/.test(bitsText ?? '') || bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  if (base % size !== 0) return undefined;
  return { first: base, last: base + size - 1, bits };
}

/** Whether block `inner` lies within `outer`. */
export function cidrInside(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  return !!a && !!b && a.first >= b.first && a.last <= b.last;
}

/** Whether two blocks share an address. */
export function cidrsOverlap(x: string, y: string): boolean {
  const a = parseCidr(x);
  const b = parseCidr(y);
  return !!a && !!b && a.first <= b.last && b.first <= a.last;
}

/**
 * The addresses of a subnet a NIC may hold: Azure reserves the first four (network, gateway, two for DNS) and the
 * last (broadcast) of each subnet (Learn: virtual-network/virtual-networks-faq, "Are there any restrictions on using
 * IP addresses within these subnets?").
 */
export function usableAddresses(cidr: string): { first: number; last: number } | undefined {
  const c = parseCidr(cidr);
  return c && c.last - c.first >= 5 ? { first: c.first + 4, last: c.last - 1 } : undefined;
}
