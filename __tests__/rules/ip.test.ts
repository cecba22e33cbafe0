import { cidrWithin, isIpv4, isIpv4Cidr, staticIpProblem, subnetCapacityProblem, subnetPrefixProblem, usableAddressCount, usableRange } from '../../lib/rules/ip';

describe('ip', () => {
  it('tells IPv4 addresses and CIDRs apart from other strings', () => {
    expect(isIpv4('10.0.1.4')).toBe(true);
    expect(isIpv4('10.0.1')).toBe(false);
    expect(isIpv4('10.0.1.256')).toBe(false);
    expect(isIpv4('fd00::1')).toBe(false);
    expect(isIpv4Cidr('10.0.1.0/24')).toBe(true);
    expect(isIpv4Cidr('10.0.1.0')).toBe(false);
    expect(isIpv4Cidr('10.0.1.0/33')).toBe(false);
  });

  it('leaves .4 to .254 of a /24 usable (Azure reserves the first four and the last)', () => {
    expect(usableRange('10.0.1.0/24')).toEqual({ first: '10.0.1.4', last: '10.0.1.254' });
  });

  it('leaves .4 to .14 of a /28 usable', () => {
    expect(usableRange('192.168.7.16/28')).toEqual({ first: '192.168.7.20', last: '192.168.7.30' });
  });

  it('leaves three addresses of a /29 usable, the smallest subnet Azure allows', () => {
    expect(usableRange('10.0.0.8/29')).toEqual({ first: '10.0.0.12', last: '10.0.0.14' });
  });

  it('spans octets in a large subnet', () => {
    expect(usableRange('10.1.0.0/16')).toEqual({ first: '10.1.0.4', last: '10.1.255.254' });
  });

  it('uses the network address of a CIDR written with host bits', () => {
    expect(usableRange('10.0.1.77/24')).toEqual({ first: '10.0.1.4', last: '10.0.1.254' });
  });

  it.each(['10.0.0.0/30', '10.0.0.0/31', '10.0.0.0/32'])('throws for %s, which has no usable address', (cidr) => {
    expect(() => usableRange(cidr)).toThrow(/has no usable address/);
  });

  it('throws for a string that is not an IPv4 CIDR', () => {
    expect(() => usableRange('10.0.1.0')).toThrow(/is not an IPv4 CIDR/);
  });

  it.each(['10.0.1.4', '10.0.1.100', '10.0.1.254'])('accepts the static IP %s inside 10.0.1.0/24', (ip) => {
    expect(staticIpProblem(ip, '10.0.1.0/24')).toBeUndefined();
  });

  it.each(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3'])('refuses the reserved address %s at the start of the subnet', (ip) => {
    expect(staticIpProblem(ip, '10.0.1.0/24')).toBe(`must lie in the usable range 10.0.1.4-10.0.1.254 of subnet 10.0.1.0/24, got ${ip}`);
  });

  it('refuses the broadcast address .255', () => {
    expect(staticIpProblem('10.0.1.255', '10.0.1.0/24')).toMatch(/usable range 10\.0\.1\.4-10\.0\.1\.254/);
  });

  it('refuses an address outside the subnet', () => {
    expect(staticIpProblem('10.0.2.10', '10.0.1.0/24')).toMatch(/must lie in the usable range .* got 10\.0\.2\.10/);
  });

  it('refuses a string that is not an IP', () => {
    expect(staticIpProblem('not-an-ip', '10.0.1.0/24')).toBe('must be an IPv4 address, got "not-an-ip"');
  });

  it('tells whether a subnet lies inside one of the VNet address spaces', () => {
    expect(cidrWithin('10.0.1.0/24', ['10.0.0.0/16'])).toBe(true);
    expect(cidrWithin('10.0.1.0/24', ['192.168.0.0/16', '10.0.0.0/16'])).toBe(true);
    expect(cidrWithin('10.0.0.0/16', ['10.0.0.0/16'])).toBe(true);
    expect(cidrWithin('10.1.1.0/24', ['10.0.0.0/16'])).toBe(false);
    expect(cidrWithin('10.0.0.0/8', ['10.0.0.0/16'])).toBe(false);
    expect(cidrWithin('10.0.1.0/24', [])).toBe(false);
  });
});

describe('subnet prefixes', () => {
  it.each(['10.0.1.0/24', '10.0.0.8/29', '10.0.0.0/8', '192.168.7.16/28'])('accepts %s', (cidr) => {
    expect(subnetPrefixProblem(cidr)).toBeUndefined();
  });

  it('refuses a prefix with host bits set, giving the subnet it means', () => {
    expect(subnetPrefixProblem('10.20.1.10/24')).toBe('has host bits set: the subnet is 10.20.1.0/24, got 10.20.1.10/24');
    expect(subnetPrefixProblem('10.0.0.9/29')).toBe('has host bits set: the subnet is 10.0.0.8/29, got 10.0.0.9/29');
  });

  it.each(['10.0.0.0/30', '10.0.0.0/32'])('refuses %s, smaller than /29', (cidr) => {
    expect(subnetPrefixProblem(cidr)).toBe(`must be /29 or larger (the smallest subnet Azure creates), got ${cidr}`);
  });

  it('refuses what is not an IPv4 CIDR', () => {
    expect(subnetPrefixProblem('10.0.1.0')).toBe('must be an IPv4 CIDR such as 10.0.1.0/24, got "10.0.1.0"');
  });

  it('counts the usable addresses: all but five', () => {
    expect(usableAddressCount('10.0.0.8/29')).toBe(3);
    expect(usableAddressCount('10.0.1.0/24')).toBe(251);
    expect(usableAddressCount('10.0.0.0/31')).toBe(0);
  });

  it('refuses more endpoints than a subnet has usable addresses', () => {
    expect(subnetCapacityProblem(['10.0.0.8/29'], 3)).toBeUndefined();
    expect(subnetCapacityProblem(['10.0.0.8/29'], 4)).toBe('has 3 usable addresses (Azure reserves 5 of every subnet) for 4 private endpoints, one address each');
    expect(subnetCapacityProblem(['10.0.0.8/29', '10.0.1.0/29'], 6)).toBeUndefined();
    expect(subnetCapacityProblem(['10.0.0.8/29', '10.0.1.0/29'], 7)).toMatch(/^has 6 usable addresses/);
  });
});
