import {
  MAX_NAT_POOLS, MAX_NSG_RULES, PoolInboundNatPool, frontendPortRange, identityIdProblems, inboundNatPoolProblems, isFrontendPort,
  poolSubnetPlacementProblem, publicIpProblems, publicIpsNeeded,
} from '../../lib/rules/pool-network';

const IP = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/${name}`;
const UAI = (name: string) => `/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
const ssh: PoolInboundNatPool = { name: 'ssh', protocol: 'TCP', backendPort: 22, frontendPortRangeStart: 1, frontendPortRangeEnd: 101 };

describe('public IPs of a pool', () => {
  it('accepts Batch-managed IPs, and user-managed IPs enough for the nodes', () => {
    expect(publicIpProblems({ provisioning: 'BatchManaged' })).toEqual([]);
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: [IP('a')] }, { dedicated: 100, lowPriority: 0 })).toEqual([]);
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: [IP('a'), IP('b')] }, { dedicated: 100, lowPriority: 100 })).toEqual([]);
  });

  it('counts one IP per 100 dedicated nodes and one per 100 Spot nodes', () => {
    expect(publicIpsNeeded(0, 0)).toBe(0);
    expect(publicIpsNeeded(1, 0)).toBe(1);
    expect(publicIpsNeeded(100, 0)).toBe(1);
    expect(publicIpsNeeded(250, 0)).toBe(3);
    expect(publicIpsNeeded(100, 1)).toBe(2);
  });

  it('refuses too few user-managed IPs for the nodes', () => {
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: [IP('a'), IP('b')] }, { dedicated: 250, lowPriority: 0 })).toEqual([{
      field: 'ipAddressIds', problem: 'must list at least 3 public IPs for 250 dedicated and 0 Spot nodes (one per 100 of each), got 2',
    }]);
  });

  it('refuses NoPublicIPAddresses as an opt-in value: it is the default', () => {
    expect(publicIpProblems({ provisioning: 'NoPublicIPAddresses' as never })).toEqual([{ field: 'provisioning', problem: expect.stringContaining('leave publicIpAddresses out for no public IPs') }]);
  });

  it('refuses IP IDs with Batch-managed IPs, and none with user-managed ones', () => {
    expect(publicIpProblems({ provisioning: 'BatchManaged', ipAddressIds: [] })).toEqual([{ field: 'ipAddressIds', problem: 'only apply with provisioning UserManaged' }]);
    expect(publicIpProblems({ provisioning: 'UserManaged' })).toEqual([{ field: 'ipAddressIds', problem: 'must list the public IPs for provisioning UserManaged' }]);
  });

  it('refuses an ID of something else, and an IP listed twice', () => {
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: [IP('a'), UAI('x'), IP('A')] })).toEqual([
      { field: 'ipAddressIds[1]', problem: expect.stringContaining('must be a public IP ID') },
      { field: 'ipAddressIds[2]', problem: 'lists a public IP twice' },
    ]);
  });

  it('refuses what is not a resource ID, and does not count IPs that are missing', () => {
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: ['pip-a'] })).toEqual([{ field: 'ipAddressIds[0]', problem: expect.stringContaining('must be a public IP ID') }]);
    expect(publicIpProblems({ provisioning: 'UserManaged' }, { dedicated: 500, lowPriority: 0 })).toEqual([{ field: 'ipAddressIds', problem: 'must list the public IPs for provisioning UserManaged' }]);
  });

  it('leaves tokens alone', () => {
    expect(publicIpProblems({ provisioning: 'UserManaged', ipAddressIds: ['${TfToken[TOKEN.1]}'] })).toEqual([]);
  });
});

describe('identities of a pool', () => {
  it('accepts user-assigned identity IDs and tokens', () => {
    expect(identityIdProblems([UAI('a'), UAI('b'), '${TfToken[TOKEN.2]}'])).toEqual([]);
  });

  it('refuses an empty list, another kind of ID, and an identity listed twice', () => {
    expect(identityIdProblems([])).toEqual([{ field: '', problem: 'must list at least one user-assigned identity, or be left out' }]);
    expect(identityIdProblems([UAI('a'), IP('x'), UAI('A')])).toEqual([
      { field: '[1]', problem: expect.stringContaining('must be a user-assigned identity ID') },
      { field: '[2]', problem: 'lists an identity twice' },
    ]);
  });
});

describe('the subnet of a pool', () => {
  const account = { location: 'eastus', subscriptionId: '11111111-2222-3333-4444-555555555555' };

  it('accepts a VNet in the account\'s region and subscription, however written', () => {
    expect(poolSubnetPlacementProblem(account, { vnetLocation: 'East US', subscriptionId: account.subscriptionId.toUpperCase() })).toBeUndefined();
  });

  it('refuses a VNet in another region', () => {
    expect(poolSubnetPlacementProblem(account, { vnetLocation: 'westeurope' })).toBe('is in a VNet in westeurope, but the account is in eastus: a pool\'s VNet must be in its account\'s region');
  });

  it('compares subscriptions ignoring case', () => {
    const lettered = { location: 'eastus', subscriptionId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' };
    expect(poolSubnetPlacementProblem(lettered, { subscriptionId: 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE' })).toBeUndefined();
    expect(poolSubnetPlacementProblem({ ...lettered, subscriptionId: lettered.subscriptionId.toUpperCase() }, { subscriptionId: lettered.subscriptionId })).toBeUndefined();
  });

  it('refuses a VNet in another subscription', () => {
    expect(poolSubnetPlacementProblem(account, { subscriptionId: '99999999-8888-7777-6666-555555555555' })).toBe(
      'is in subscription 99999999-8888-7777-6666-555555555555, but the account is in 11111111-2222-3333-4444-555555555555: a pool\'s VNet must be in its account\'s subscription',
    );
  });

  it('says nothing of what it cannot know', () => {
    expect(poolSubnetPlacementProblem({ location: 'eastus' }, { subscriptionId: '99999999-8888-7777-6666-555555555555' })).toBeUndefined();
    expect(poolSubnetPlacementProblem(account, {})).toBeUndefined();
    expect(poolSubnetPlacementProblem(account, { vnetLocation: '${TfToken[TOKEN.3]}', subscriptionId: '' })).toBeUndefined();
    expect(poolSubnetPlacementProblem({ location: '${TfToken[TOKEN.4]}' }, { vnetLocation: 'westeurope' })).toBeUndefined();
  });
});

describe('inbound NAT pools', () => {
  it('accepts an SSH NAT pool with its NSG rules', () => {
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: [{ priority: 150, access: 'Allow', sourceAddressPrefix: '10.0.0.0/8' }, { priority: 4096, access: 'Deny', sourceAddressPrefix: '*' }] }])).toEqual([]);
    expect(inboundNatPoolProblems([])).toEqual([]);
  });

  it('accepts UDP as well as TCP', () => {
    expect(inboundNatPoolProblems([{ ...ssh, protocol: 'UDP' }])).toEqual([]);
  });

  it('judges the span of a range only when both ends are ports it may use', () => {
    expect(inboundNatPoolProblems([{ ...ssh, frontendPortRangeStart: 0, frontendPortRangeEnd: 50 }]).map((p) => p.field)).toEqual(['[0].frontendPortRangeStart']);
    expect(inboundNatPoolProblems([{ ...ssh, frontendPortRangeStart: 60000, frontendPortRangeEnd: 65535 }]).map((p) => p.field)).toEqual(['[0].frontendPortRangeEnd']);
  });

  it('refuses an NSG rule or a NAT pool with a missing value, instead of failing', () => {
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: [{ priority: 150, access: 'Allow', sourceAddressPrefix: undefined as never }] }]))
      .toEqual([{ field: '[0].networkSecurityGroupRules[0].sourceAddressPrefix', problem: 'must be an IP, a CIDR, a service tag or *' }]);
    const unnamed = { ...ssh, name: undefined as never };
    expect(inboundNatPoolProblems([unnamed, { ...unnamed, backendPort: 23, frontendPortRangeStart: 200, frontendPortRangeEnd: 300 }]).map((p) => p.field))
      .toEqual(['[0].name', '[1].name', '[1].name']);
  });

  it('finds an overlap whichever range comes first, ends included', () => {
    const later = { name: 'rdp', protocol: 'TCP' as const, backendPort: 3389, frontendPortRangeStart: 101, frontendPortRangeEnd: 300 };
    expect(inboundNatPoolProblems([later, ssh])).toEqual([{ field: '[1].frontendPortRangeStart', problem: '1-101 overlaps rdp\'s 101-300' }]);
  });

  it('writes the frontend range as azurerm takes it', () => {
    expect(frontendPortRange(ssh)).toBe('1-101');
  });

  it.each([
    [1, true], [49999, true], [50000, false], [55000, false], [55001, true], [65534, true], [65535, false], [0, false], [1.5, false],
  ])('frontend port %d is usable: %s', (port, usable) => {
    expect(isFrontendPort(port)).toBe(usable);
  });

  it.each([
    [{ name: '-x' }, '[0].name', expect.stringContaining('must be 1-77 letters')],
    [{ protocol: 'ICMP' }, '[0].protocol', 'must be TCP or UDP, got "ICMP"'],
    [{ backendPort: 29876 }, '[0].backendPort', 'must be a port from 1 to 65535 other than 29876 and 29877 (the node agent\'s), got 29876'],
    [{ backendPort: 29877 }, '[0].backendPort', expect.stringContaining('got 29877')],
    [{ backendPort: 0 }, '[0].backendPort', expect.stringContaining('got 0')],
    [{ backendPort: 65536 }, '[0].backendPort', expect.stringContaining('got 65536')],
    [{ frontendPortRangeStart: 50000, frontendPortRangeEnd: 60000 }, '[0].frontendPortRangeStart', 'must be a port from 1 to 49999 or 55001 to 65534 (Batch keeps 50000-55000), got 50000'],
    [{ frontendPortRangeStart: 65400, frontendPortRangeEnd: 65535 }, '[0].frontendPortRangeEnd', 'must be a port from 1 to 49999 or 55001 to 65534 (Batch keeps 50000-55000), got 65535'],
    [{ frontendPortRangeStart: 1, frontendPortRangeEnd: 100 }, '[0].frontendPortRangeEnd', 'must be at least 100 above frontendPortRangeStart (azurerm\'s rule), got 1-100'],
    [{ frontendPortRangeStart: 200, frontendPortRangeEnd: 100 }, '[0].frontendPortRangeEnd', expect.stringContaining('got 200-100')],
  ])('refuses %j at %s', (change, field, problem) => {
    expect(inboundNatPoolProblems([{ ...ssh, ...change } as PoolInboundNatPool])).toEqual([{ field, problem }]);
  });

  it.each([
    [{ priority: 149 }, 'priority', 'must be a whole number from 150 to 4096, got 149'],
    [{ priority: 4097 }, 'priority', 'must be a whole number from 150 to 4096, got 4097'],
    [{ access: 'Permit' }, 'access', 'must be Allow or Deny, got "Permit"'],
    [{ sourceAddressPrefix: ' ' }, 'sourceAddressPrefix', 'must be an IP, a CIDR, a service tag or *'],
  ])('refuses the NSG rule change %j', (change, field, problem) => {
    const rule = { priority: 150, access: 'Allow', sourceAddressPrefix: '*', ...change } as never;
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: [rule] }])).toEqual([{ field: `[0].networkSecurityGroupRules[0].${field}`, problem }]);
  });

  it('refuses a name, a backend port or a frontend range used twice in the pool', () => {
    const rdp = { name: 'SSH', protocol: 'TCP' as const, backendPort: 22, frontendPortRangeStart: 101, frontendPortRangeEnd: 300 };
    expect(inboundNatPoolProblems([ssh, rdp])).toEqual([
      { field: '[1].name', problem: 'names NAT pool SSH again' },
      { field: '[1].backendPort', problem: 'forwards to port 22 again: backend ports are unique in a pool' },
      { field: '[1].frontendPortRangeStart', problem: '101-300 overlaps ssh\'s 1-101' },
    ]);
  });

  const next: PoolInboundNatPool = { name: 'rdp', protocol: 'TCP', backendPort: 3389, frontendPortRangeStart: 102, frontendPortRangeEnd: 202 };
  it.each([
    ['the lower range first', [ssh, next]],
    ['the higher range first', [next, ssh]],
  ])('accepts ranges that touch without overlapping, %s', (_order, pools) => {
    expect(inboundNatPoolProblems(pools)).toEqual([]);
  });

  it('refuses an NSG rule priority used twice in the pool, across NAT pools', () => {
    const rule = { priority: 200, access: 'Allow' as const, sourceAddressPrefix: '*' };
    const rdp = { name: 'rdp', protocol: 'TCP' as const, backendPort: 3389, frontendPortRangeStart: 200, frontendPortRangeEnd: 300, networkSecurityGroupRules: [rule] };
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: [rule] }, rdp])).toEqual([
      { field: '[1].networkSecurityGroupRules[0].priority', problem: 'is used by [0].networkSecurityGroupRules[0] too: NSG rule priorities are unique in a pool' },
    ]);
  });

  it(`refuses more than ${MAX_NAT_POOLS} NAT pools and more than ${MAX_NSG_RULES} NSG rules`, () => {
    const pools = Array.from({ length: 6 }, (_, i) => ({ ...ssh, name: `p${i}`, backendPort: 1000 + i, frontendPortRangeStart: 1 + i * 200, frontendPortRangeEnd: 101 + i * 200 }));
    expect(inboundNatPoolProblems(pools)).toEqual([{ field: '', problem: 'must have at most 5 NAT pools (an Azure limit), got 6' }]);
    const rules = Array.from({ length: 26 }, (_, i) => ({ priority: 150 + i, access: 'Allow' as const, sourceAddressPrefix: '*' }));
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: rules }])).toEqual([{ field: '', problem: 'must have at most 25 NSG rules across all NAT pools (an Azure limit), got 26' }]);
    expect(inboundNatPoolProblems([{ ...ssh, networkSecurityGroupRules: rules.slice(1) }])).toEqual([]);
    expect(inboundNatPoolProblems(pools.slice(1))).toEqual([]);
  });
});
