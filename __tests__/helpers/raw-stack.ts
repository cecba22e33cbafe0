import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount, BatchAccountConfig } from '@cdktf/provider-azurerm/lib/batch-account';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BatchGuards } from '../../lib/guards/batch-guards';

export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
export const OTHER_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';

/** A guarded stack with a provider, for tests that add raw provider resources. */
export function rawStack(providerSubscription = SUBSCRIPTION): TerraformStack {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'raw');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: providerSubscription });
  BatchGuards.of(stack);
  return stack;
}

/** A correct private setup built from raw provider classes only: each test breaks one thing. */
export function rawPrivateSetup(stack: TerraformStack, account: Partial<BatchAccountConfig> = {}) {
  const vnet = new VirtualNetwork(stack, 'vnet', { name: 'vnet', location: 'eastus', resourceGroupName: 'rg', addressSpace: ['10.0.0.0/16'] });
  const subnet = new Subnet(stack, 'subnet', { name: 'pe', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.0.1.0/24'] });
  const batch = new BatchAccount(stack, 'batch', {
    name: 'rawbatch', location: 'eastus', resourceGroupName: 'rg', publicNetworkAccessEnabled: false, ...account,
  });
  const endpoint = (id: string, subResource: string) => new PrivateEndpoint(stack, id, {
    name: id, location: 'eastus', resourceGroupName: 'rg', subnetId: subnet.id,
    privateServiceConnection: { name: id, isManualConnection: false, privateConnectionResourceId: batch.id, subresourceNames: [subResource] },
  });
  const accountEndpoint = endpoint('pe-account', 'batchAccount');
  const zone = new PrivateDnsZone(stack, 'zone', { name: 'privatelink.batch.azure.com', resourceGroupName: 'rg' });
  const link = new PrivateDnsZoneVirtualNetworkLink(stack, 'link', {
    name: 'link', resourceGroupName: 'rg', privateDnsZoneName: zone.name, virtualNetworkId: vnet.id,
  });
  const record = new PrivateDnsARecord(stack, 'record', {
    name: 'rawbatch.eastus', zoneName: zone.name, resourceGroupName: 'rg', ttl: 10,
    records: [accountEndpoint.privateServiceConnection.privateIpAddress],
  });
  return { vnet, subnet, batch, endpoint, accountEndpoint, zone, link, record };
}
