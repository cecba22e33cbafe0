/**
 * Writes hub-with-foreign-record.json (for config/hub-zone.json): the hub zone in the hub subscription, the hub VNet
 * linked to it (link `hub-vnet-link`), and another subscription's account `teambatch01` in westus with its approved
 * endpoint (10.60.1.10) and its A record `teambatch01.westus` in the hub zone. The resources go through the world's
 * rules, so computed properties are as the engine makes them. Run: node -r sucrase/register world/examples/hub-with-foreign-record.ts
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import '../engine/resources';
import { armPut } from '../engine/arm/operations';
import { World } from '../engine/arm/world';
import { formatWorld } from '../engine/arm/world-file';

const HUB = '/subscriptions/99999999-8888-7777-6666-555555555555';
const TEAM = '/subscriptions/33333333-4444-5555-6666-777777777777';
const world = new World();
const ctx = { world, caller: {}, cloud: 'AzureCloud' as const };
const put = (r: any) => armPut(ctx, r);
put({ id: `${HUB}/resourceGroups/rg-hub-dns`, type: 'Microsoft.Resources/resourceGroups', name: 'rg-hub-dns', location: 'eastus', properties: {} });
put({ id: `${HUB}/resourceGroups/rg-hub-network`, type: 'Microsoft.Resources/resourceGroups', name: 'rg-hub-network', location: 'eastus', properties: {} });
const vnet = `${HUB}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
put({ id: vnet, type: 'Microsoft.Network/virtualNetworks', name: 'vnet-hub', location: 'eastus', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } } });
const zone = `${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
put({ id: zone, type: 'Microsoft.Network/privateDnsZones', name: 'privatelink.batch.azure.com', location: 'global', properties: {} });
put({ id: `${zone}/virtualNetworkLinks/hub-vnet-link`, type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name: 'hub-vnet-link', location: 'global', properties: { virtualNetwork: { id: vnet }, registrationEnabled: false } });
put({ id: `${TEAM}/resourceGroups/rg-teamb-batch`, type: 'Microsoft.Resources/resourceGroups', name: 'rg-teamb-batch', location: 'westus', properties: {} });
put({ id: `${TEAM}/resourceGroups/rg-teamb-batch/providers/Microsoft.Batch/batchAccounts/teambatch01`, type: 'Microsoft.Batch/batchAccounts', name: 'teambatch01', location: 'westus', properties: { publicNetworkAccess: 'Disabled' } });
put({ id: `${TEAM}/resourceGroups/rg-teamb-network`, type: 'Microsoft.Resources/resourceGroups', name: 'rg-teamb-network', location: 'westus', properties: {} });
const teamVnet = `${TEAM}/resourceGroups/rg-teamb-network/providers/Microsoft.Network/virtualNetworks/vnet-teamb`;
put({ id: teamVnet, type: 'Microsoft.Network/virtualNetworks', name: 'vnet-teamb', location: 'westus', properties: { addressSpace: { addressPrefixes: ['10.60.0.0/16'] } } });
put({ id: `${teamVnet}/subnets/snet-private-endpoints`, type: 'Microsoft.Network/virtualNetworks/subnets', name: 'snet-private-endpoints', properties: { addressPrefixes: ['10.60.1.0/24'] } });
put({ id: `${TEAM}/resourceGroups/rg-teamb-network/providers/Microsoft.Network/privateEndpoints/pe-teambatch01-batchaccount`, type: 'Microsoft.Network/privateEndpoints', name: 'pe-teambatch01-batchaccount', location: 'westus', properties: {
  subnet: { id: `${teamVnet}/subnets/snet-private-endpoints` }, customNetworkInterfaceName: 'pe-teambatch01-batchaccount-nic',
  privateLinkServiceConnections: [{ name: 'pe-teambatch01-batchaccount', properties: { privateLinkServiceId: `${TEAM}/resourceGroups/rg-teamb-batch/providers/Microsoft.Batch/batchAccounts/teambatch01`, groupIds: ['batchAccount'] } }],
  ipConfigurations: [{ name: 'ipconfig', properties: { privateIPAddress: '10.60.1.10', groupId: 'batchAccount', memberName: 'batchAccount' } }] } });
put({ id: `${zone}/A/teambatch01.westus`, type: 'Microsoft.Network/privateDnsZones/A', name: 'teambatch01.westus', properties: { ttl: 10, aRecords: [{ ipv4Address: '10.60.1.10' }] } });
writeFileSync(join(__dirname, 'hub-with-foreign-record.json'), formatWorld(world));
