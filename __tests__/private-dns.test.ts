import { resources, synthConfig, exampleStack } from './helpers/config';

const HUB = '99999999-8888-7777-6666-555555555555';
const zoneIdIn = (subscription: string, zone: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/${zone}`;

function synthStack(change: (stack: any) => void): any {
  const stack = exampleStack();
  change(stack);
  return synthConfig({ stacks: [stack] })[stack.name];
}

describe('private DNS for Batch endpoints', () => {
  it.each([
    ['AzureCloud', 'eastus', 'privatelink.batch.azure.com', 'public', '.batch.azure.com'],
    ['AzureChinaCloud', 'chinanorth3', 'privatelink.batch.chinacloudapi.cn', 'china', '.batch.chinacloudapi.cn'],
    ['AzureUSGovernment', 'usgovvirginia', 'privatelink.batch.usgovcloudapi.net', 'usgovernment', '.batch.usgovcloudapi.net'],
  ])('picks the zone and the record suffix of %s', (cloud, location, zoneName, environment, suffix) => {
    const json = synthStack((s) => { s.cloud = cloud; s.location = location; });
    expect(Object.values(resources(json, 'azurerm_private_dns_zone')).map((z) => z.name)).toEqual([zoneName]);
    expect(json.provider.azurerm[0].environment).toBe(environment);
    const names = Object.values(resources(json, 'azurerm_private_dns_a_record')).map((r) => r.name);
    expect(names).toContain(`contosobatch01.${location}`);
    expect(names.find((n: string) => n.startsWith('${'))).toContain(`"${suffix}")}`);
  });

  it('in zoneGroup mode puts a zone group on the endpoint and writes no record', () => {
    const json = synthStack((s) => { s.accounts[0].endpoints.forEach((e: any) => { e.dns = 'zoneGroup'; }); });
    expect(resources(json, 'azurerm_private_dns_a_record')).toEqual({});
    const [zoneId] = Object.keys(resources(json, 'azurerm_private_dns_zone'));
    for (const endpoint of Object.values(resources(json, 'azurerm_private_endpoint'))) {
      expect(endpoint.private_dns_zone_group).toEqual({ name: 'batch', private_dns_zone_ids: [`\${azurerm_private_dns_zone.${zoneId}.id}`] });
    }
  });

  it('in external mode makes no DNS resources and outputs the FQDN → IP pairs a DNS server needs', () => {
    const json = synthStack((s) => { s.accounts[0].endpoints.forEach((e: any) => { e.dns = 'external'; }); });
    for (const type of ['azurerm_private_dns_zone', 'azurerm_private_dns_a_record', 'azurerm_private_dns_zone_virtual_network_link']) {
      expect(resources(json, type)).toEqual({});
    }
    const [nodesId] = Object.entries(resources(json, 'azurerm_private_endpoint')).find(([, e]) => e.private_service_connection.subresource_names[0] === 'nodeManagement')!;
    expect(json.output.contosobatch01_endpoint_ips.value).toEqual({
      'contosobatch01.eastus.batch.azure.com': '10.20.1.10',
      [`\${azurerm_private_endpoint.${nodesId}.custom_dns_configs[0].fqdn}`]: `\${azurerm_private_endpoint.${nodesId}.private_service_connection[0].private_ip_address}`,
    });
  });

  it('makes a TTL configurable per endpoint, 10 s by default', () => {
    const json = synthStack((s) => { s.accounts[0].endpoints[1].dnsTtl = 30; });
    expect(Object.values(resources(json, 'azurerm_private_dns_a_record')).map((r) => r.ttl).sort()).toEqual([10, 30]);
  });

  it('writes records and links into an existing hub zone in another subscription through an aliased provider', () => {
    const hubZone = zoneIdIn(HUB, 'privatelink.batch.azure.com');
    const json = synthStack((s) => { s.dns = { existingZoneId: hubZone }; });
    expect(resources(json, 'azurerm_private_dns_zone')).toEqual({});
    expect(json.provider.azurerm).toEqual(expect.arrayContaining([expect.objectContaining({ alias: 'dns', subscription_id: HUB })]));
    const records = Object.values(resources(json, 'azurerm_private_dns_a_record'));
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record).toMatchObject({ provider: 'azurerm.dns', zone_name: 'privatelink.batch.azure.com', resource_group_name: 'rg-hub-dns' });
    }
    expect(Object.values(resources(json, 'azurerm_private_dns_zone_virtual_network_link'))).toEqual([
      expect.objectContaining({ provider: 'azurerm.dns', private_dns_zone_name: 'privatelink.batch.azure.com', resource_group_name: 'rg-hub-dns' }),
    ]);
    expect(json.output.dns_zone_id.value).toBe(hubZone);
  });

  it('uses the default provider for an existing zone in the stack\'s own subscription', () => {
    const json = synthStack((s) => { s.dns = { existingZoneId: zoneIdIn(s.subscriptionId, 'privatelink.batch.azure.com') }; });
    expect(json.provider.azurerm).toHaveLength(1);
    expect(Object.values(resources(json, 'azurerm_private_dns_a_record'))[0].provider).toBeUndefined();
  });

  it('links extra VNets given by ID', () => {
    const spoke = `/subscriptions/${HUB}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
    const json = synthStack((s) => { s.dns = { linkedVnetIds: [spoke] }; });
    const links = Object.values(resources(json, 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links.map((l) => l.virtual_network_id)).toEqual(['${azurerm_virtual_network.Vnet.id}', spoke]);
    expect(links.map((l) => l.name)).toEqual(['link-vnet-batch-eastus', 'link-vnet-spoke']);
  });

  it('keeps two accounts in one stack apart: own records, own outputs', () => {
    const json = synthStack((s) => {
      s.accounts.push({ name: 'contosobatch02', endpoints: [{ subResource: 'batchAccount', staticIp: '10.20.1.11' }, { subResource: 'nodeManagement' }] });
    });
    const records = Object.values(resources(json, 'azurerm_private_dns_a_record'));
    expect(records).toHaveLength(4);
    expect(records.map((r) => r.name)).toEqual(expect.arrayContaining(['contosobatch01.eastus', 'contosobatch02.eastus']));
    expect(Object.keys(json.output).sort()).toEqual([
      'contosobatch01_endpoint_ips', 'contosobatch01_node_management_fqdn', 'contosobatch01_pool_small', 'contosobatch01_record_fqdns',
      'contosobatch02_endpoint_ips', 'contosobatch02_record_fqdns', 'dns_zone_id',
    ]);
  });

  it('removes an endpoint\'s record in the same synth that removes the endpoint', () => {
    // The example's pool goes too: without a nodeManagement endpoint the pool guard would refuse it.
    const json = synthStack((s) => { s.accounts[0].endpoints = s.accounts[0].endpoints.filter((e: any) => e.subResource === 'batchAccount'); delete s.accounts[0].pools; });
    expect(Object.values(resources(json, 'azurerm_private_endpoint'))).toHaveLength(1);
    expect(Object.values(resources(json, 'azurerm_private_dns_a_record')).map((r) => r.name)).toEqual(['contosobatch01.eastus']);
  });

  describe('guards', () => {
    it('refuse two endpoints that would write the same record in the same zone', () => {
      expect(() => synthStack((s) => {
        s.accounts[0].endpoints.push({ subResource: 'nodeManagement', name: 'pe-contosobatch01-nodes-2' });
      })).toThrow(/stacks\[0\]\.accounts\[0\]\.endpoints\[2\] \(batch-private-eastus\/contosobatch01\/pe-contosobatch01-nodes-2\/DnsRecord\/Resource\): name = .*writes the nodeManagement name of azurerm_batch_account\.batch_contosobatch01 in zone .*one record would overwrite the other/);
    });

    it('refuse an existing zone of another cloud', () => {
      expect(() => synthStack((s) => { s.dns = { existingZoneId: zoneIdIn(HUB, 'privatelink.batch.usgovcloudapi.net') }; }))
        .toThrow(/^test\.json: a problem found while building the stacks; nothing was written:\n {2}stacks\[0\]\.dns\.existingZoneId: names privatelink.batch.usgovcloudapi.net, the zone of AzureUSGovernment, but the endpoints are in AzureCloud/);
    });

    it('refuse the legacy regional zone as an existing zone, saying how to migrate', () => {
      expect(() => synthStack((s) => { s.dns = { existingZoneId: zoneIdIn(HUB, 'privatelink.eastus.batch.azure.com') }; }))
        .toThrow(/stacks\[0\]\.dns\.existingZoneId: names the legacy regional zone privatelink.eastus.batch.azure.com, which Azure replaced with privatelink.batch.azure.com: create the new zone, link it to the same VNets, then unlink the legacy zone/);
    });

    it('refuse a zone that is not a Batch zone', () => {
      expect(() => synthStack((s) => { s.dns = { existingZoneId: zoneIdIn(HUB, 'privatelink.blob.core.windows.net') }; }))
        .toThrow(/stacks\[0\]\.dns\.existingZoneId: must name a Batch private DNS zone/);
    });
  });
});
