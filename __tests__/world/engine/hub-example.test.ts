import { readFileSync } from 'fs';
import { join } from 'path';
import { resolve } from '../../../world/dns';
import { parseWorld } from '../../../world/engine/arm/world-file';
import { create, engineOn, errorOf } from './world-helpers';

const FILE = join(__dirname, '../../../world/examples/hub-with-foreign-record.json');
const HUB = '/subscriptions/99999999-8888-7777-6666-555555555555';
const ZONE = `${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
const HUB_VNET = `${HUB}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

describe('world/examples/hub-with-foreign-record.json (for config/hub-zone.json)', () => {
  const content = JSON.parse(readFileSync(FILE, 'utf8'));

  test('the hub VNet resolves the other team\'s account through the hub zone to its endpoint', () => {
    const answer = resolve(parseWorld(JSON.stringify(content)), HUB_VNET, 'teambatch01.westus.batch.azure.com');
    expect(answer.addresses).toEqual(['10.60.1.10']);
    expect(answer.chain[answer.chain.length - 1].from).toBe(ZONE);
    expect(answer.endpoints[0]).toMatch(/pe-teambatch01-batchaccount$/);
  });

  test('the zone-records read of config/hub-zone.json sees the foreign record', () => {
    const { engine } = engineOn(content, 'azapi', { subscription_id: HUB.split('/')[2] });
    const r = engine.readDataSource('azapi_resource_list', { type: 'Microsoft.Network/privateDnsZones/A@2024-06-01', parent_id: ZONE,
      response_export_values: { records: 'value[].{name: name, ips: properties.aRecords[].ipv4Address || `[]`}' } });
    expect(r.state!.output).toEqual({ records: [{ name: 'teambatch01.westus', ips: ['10.60.1.10'] }] });
  });

  test('a spoke that links the hub VNet again gets 409 Conflict (hub-safety defect 1)', () => {
    const { engine } = engineOn(content, 'azurerm', { subscription_id: HUB.split('/')[2] });
    const r = create(engine, 'azurerm_private_dns_zone_virtual_network_link', { name: 'link-vnet-hub', private_dns_zone_name: 'privatelink.batch.azure.com',
      resource_group_name: 'rg-hub-dns', virtual_network_id: HUB_VNET, registration_enabled: false, tags: null }, ['id', 'resolution_policy']);
    expect(errorOf(r)).toMatch(/unexpected status 409 \(409 Conflict\) with error: Conflict: .*already linked .* by link 'hub-vnet-link'/);
  });
});
