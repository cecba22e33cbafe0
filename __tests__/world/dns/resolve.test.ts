import { armPut } from '../../../world/engine/arm/operations';
import { resolve } from '../../../world/dns';
import { ACCOUNT, endpoint, RG, seededContext, VNET, ZONE } from '../engine/world-helpers';

type Ctx = ReturnType<typeof seededContext>;
const LEGACY = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.eastus.batch.azure.com`;
const NAME = 'contosobatch01.eastus.batch.azure.com';

function link(ctx: Ctx, zone = ZONE, name = 'l', policy?: string) {
  if (!ctx.world.get(zone)) armPut(ctx, { id: zone, type: 'Microsoft.Network/privateDnsZones', name: zone.split('/').pop()!, location: 'global', properties: {} });
  armPut(ctx, { id: `${zone}/virtualNetworkLinks/${name}`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name, location: 'global',
    properties: { virtualNetwork: { id: VNET }, ...(policy ? { resolutionPolicy: policy } : {}) } });
}
const a = (ctx: Ctx, zone: string, name: string, ip: string) => armPut(ctx, { id: `${zone}/A/${name}`, type: 'Microsoft.Network/privateDnsZones/A', name, properties: { ttl: 10, aRecords: [{ ipv4Address: ip }] } });

function withEndpoint(manual = false): Ctx {
  const ctx = seededContext();
  armPut(ctx, endpoint('pe-a', 'batchAccount', { ip: '10.20.1.10', manual }));
  return ctx;
}

describe('DNS answers from a VNet', () => {
  test('the public CNAME chain into the privatelink zone, answered by the linked zone\'s A record', () => {
    const ctx = withEndpoint();
    link(ctx);
    a(ctx, ZONE, 'contosobatch01.eastus', '10.20.1.10');
    const answer = resolve(ctx.world, VNET, NAME);
    expect(answer.chain.map((s) => `${s.name} ${s.kind} ${s.value}`)).toEqual([
      `${NAME} CNAME contosobatch01.privatelink.eastus.batch.azure.com`,
      'contosobatch01.privatelink.eastus.batch.azure.com CNAME contosobatch01.eastus.privatelink.batch.azure.com',
      'contosobatch01.eastus.privatelink.batch.azure.com A 10.20.1.10',
    ]);
    expect(answer.chain[2].from).toBe(ZONE);
    expect(answer.addresses).toEqual(['10.20.1.10']);
    expect(answer.endpoints).toEqual([endpoint('pe-a', 'batchAccount').id]);
  });

  test('no record in a linked zone is NXDOMAIN', () => {
    const ctx = withEndpoint();
    link(ctx);
    const answer = resolve(ctx.world, VNET, NAME);
    expect(answer.nxdomain).toBe(true);
    expect(answer.chain[2]).toMatchObject({ kind: 'NXDOMAIN', from: ZONE });
  });

  test('a link with NxDomainRedirect falls back to public DNS', () => {
    const ctx = withEndpoint();
    link(ctx, ZONE, 'l', 'NxDomainRedirect');
    expect(resolve(ctx.world, VNET, NAME).public).toBe(true);
  });

  test('no linked zone: the public address, unreachable when public access is disabled', () => {
    const ctx = withEndpoint();
    const answer = resolve(ctx.world, VNET, NAME);
    expect(answer.public).toBe(true);
    expect(answer.addresses[0]).toMatch(/^20\./);
    expect(answer.endpoints).toEqual([]);
    expect(answer.notes[0]).toMatch(/public network access is disabled: unreachable/);
  });

  test('without an approved endpoint there is no CNAME: the public name answers directly', () => {
    const ctx = withEndpoint(true);
    link(ctx);
    a(ctx, ZONE, 'contosobatch01.eastus', '10.20.1.10');
    expect(resolve(ctx.world, VNET, NAME).chain).toHaveLength(1);
  });

  test('the legacy regional zone wins when both are linked: the new zone\'s record is never seen', () => {
    const ctx = withEndpoint();
    link(ctx);
    a(ctx, ZONE, 'contosobatch01.eastus', '10.20.1.10');
    link(ctx, LEGACY, 'legacy');
    const answer = resolve(ctx.world, VNET, NAME);
    expect(answer.chain[1]).toMatchObject({ name: 'contosobatch01.privatelink.eastus.batch.azure.com', kind: 'NXDOMAIN', from: LEGACY });
    a(ctx, LEGACY, 'contosobatch01', '10.20.1.99');
    expect(resolve(ctx.world, VNET, NAME).addresses).toEqual(['10.20.1.99']);
  });

  test('the nodeManagement name CNAMEs to `<id>.<region>.service.privatelink.batch.azure.com`', () => {
    const ctx = seededContext();
    armPut(ctx, endpoint('pe-n', 'nodeManagement'));
    link(ctx);
    const nm = String(ctx.world.get(ACCOUNT)!.properties.nodeManagementEndpoint);
    const label = nm.replace('.batch.azure.com', '');
    a(ctx, ZONE, label, '10.20.1.4');
    const answer = resolve(ctx.world, VNET, nm);
    expect(answer.chain.map((s) => s.name)).toEqual([nm, `${label}.privatelink.batch.azure.com`]);
    expect(answer.addresses).toEqual(['10.20.1.4']);
  });

  test('other clouds: the China and US Government suffixes', () => {
    for (const [cloud, suffix] of [['AzureChinaCloud', 'batch.chinacloudapi.cn'], ['AzureUSGovernment', 'batch.usgovcloudapi.net']] as const) {
      const ctx = { ...seededContext(), cloud };
      const acct = armPut(ctx, { id: `${RG}/providers/Microsoft.Batch/batchAccounts/cloudbatch`, type: 'Microsoft.Batch/batchAccounts', name: 'cloudbatch', location: 'eastus', properties: {} });
      const pe = endpoint('pe-c', 'batchAccount');
      pe.properties.privateLinkServiceConnections[0].properties.privateLinkServiceId = acct.id;
      armPut(ctx, pe);
      const zone = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.${suffix}`;
      link(ctx, zone);
      a(ctx, zone, 'cloudbatch.eastus', '10.20.1.4');
      const answer = resolve(ctx.world, VNET, `cloudbatch.eastus.${suffix}`);
      expect(answer.chain.map((s) => s.name)).toEqual([`cloudbatch.eastus.${suffix}`, `cloudbatch.privatelink.eastus.${suffix}`, `cloudbatch.eastus.privatelink.${suffix}`]);
      expect(answer.addresses).toEqual(['10.20.1.4']);
    }
  });

  test('a name nobody knows is NXDOMAIN', () => {
    expect(resolve(seededContext().world, VNET, 'nothing.example').nxdomain).toBe(true);
  });
});

describe('what a partial apply leaves behind', () => {
  test('a record written for an endpoint that failed answers with an address no endpoint holds', () => {
    const ctx = seededContext();
    // Another team's endpoint of the same account is approved, so the public name CNAMEs into the zone.
    armPut(ctx, endpoint('pe-other', 'batchAccount'));
    ctx.world.faults.push({ type: 'Microsoft.Network/privateEndpoints', name: 'pe-a', code: 'PrivateIPAddressIsAllocated', message: 'taken' });
    expect(() => armPut(ctx, endpoint('pe-a', 'batchAccount', { ip: '10.20.1.10' }))).toThrow(/taken/);
    link(ctx);
    a(ctx, ZONE, 'contosobatch01.eastus', '10.20.1.10');
    const answer = resolve(ctx.world, VNET, NAME);
    expect(answer.addresses).toEqual(['10.20.1.10']);
    expect(answer.endpoints).toEqual([]);
  });
});
