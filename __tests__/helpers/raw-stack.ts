import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount as AzurermBatchAccount, BatchAccountConfig } from '@cdktf/provider-azurerm/lib/batch-account';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BatchGuards } from '../../lib/guards/batch-guards';

export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
export const OTHER_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';

/** Where a raw setup lives: its cloud's provider environment, a region of it and its Batch zone. */
export interface RawCloud {
  readonly environment: string;
  readonly location: string;
  readonly zone: string;
  readonly suffix: string;
}

/** The public cloud, where the raw setups live unless a test says otherwise. */
export const PUBLIC_CLOUD: RawCloud = { environment: 'public', location: 'eastus', zone: 'privatelink.batch.azure.com', suffix: 'batch.azure.com' };

/** A guarded stack with a provider, for tests that add raw provider resources. */
export function rawStack(providerSubscription = SUBSCRIPTION, cloud: RawCloud = PUBLIC_CLOUD): TerraformStack {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'raw');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: providerSubscription, environment: cloud === PUBLIC_CLOUD ? undefined : cloud.environment });
  BatchGuards.of(stack);
  return stack;
}

/** A correct private setup built from raw provider classes only: each test breaks one thing. */
export function rawPrivateSetup(stack: TerraformStack, account: Partial<BatchAccountConfig> = {}, cloud: RawCloud = PUBLIC_CLOUD) {
  const { location } = cloud;
  const vnet = new VirtualNetwork(stack, 'vnet', { name: 'vnet', location, resourceGroupName: 'rg', addressSpace: ['10.0.0.0/16'] });
  const subnet = new Subnet(stack, 'subnet', { name: 'pe', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.0.1.0/24'] });
  const batch = new AzurermBatchAccount(stack, 'batch', {
    name: 'rawbatch', location, resourceGroupName: 'rg', publicNetworkAccessEnabled: false, ...account,
  });
  const endpoint = (id: string, subResource: string) => new PrivateEndpoint(stack, id, {
    name: id, location, resourceGroupName: 'rg', subnetId: subnet.id,
    privateServiceConnection: { name: id, isManualConnection: false, privateConnectionResourceId: batch.id, subresourceNames: [subResource] },
  });
  const accountEndpoint = endpoint('pe-account', 'batchAccount');
  const zone = new PrivateDnsZone(stack, 'zone', { name: cloud.zone, resourceGroupName: 'rg' });
  const link = new PrivateDnsZoneVirtualNetworkLink(stack, 'link', {
    name: 'link', resourceGroupName: 'rg', privateDnsZoneName: zone.name, virtualNetworkId: vnet.id,
  });
  const record = new PrivateDnsARecord(stack, 'record', {
    name: `rawbatch.${location}`, zoneName: zone.name, resourceGroupName: 'rg', ttl: 10,
    records: [accountEndpoint.privateServiceConnection.privateIpAddress],
  });
  return { vnet, subnet, batch, endpoint, accountEndpoint, zone, link, record };
}
