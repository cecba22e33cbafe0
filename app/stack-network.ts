import { Construct } from 'constructs';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { ExistingParts } from '../lib/adoption/existing-parts';
import { SubnetInfo, vnetOfSubnetId } from '../lib/rules/subnets';
import { StackConfig } from './config-schema';
import { ConfigOrigin } from './stack-config-origin';

/** The subnets a stack's accounts use: the endpoints', and the pools' own when `network.poolSubnet` asks for one. */
export interface StackSubnets {
  readonly endpointSubnet: SubnetInfo;
  readonly poolSubnet?: SubnetInfo;
}

/** The example's own VNet and endpoint subnet, made in `stack`, or the existing subnet of `existingSubnet`. */
export function stackSubnets(stack: Construct, config: StackConfig, resourceGroupName: string, location: string, from: ConfigOrigin): StackSubnets {
  return config.network ? addNetwork(stack, config, config.network, resourceGroupName, location, from) : { endpointSubnet: existingSubnet(config, location) };
}

function addNetwork(
  stack: Construct, config: StackConfig, network: NonNullable<StackConfig['network']>, resourceGroupName: string, location: string, from: ConfigOrigin,
): StackSubnets {
  const vnet = new VirtualNetwork(stack, 'Vnet', {
    name: network.vnetName,
    location,
    resourceGroupName,
    addressSpace: network.addressSpace,
    tags: config.tags,
  });
  const subnet = new Subnet(stack, 'EndpointSubnet', {
    name: network.endpointSubnet.name,
    resourceGroupName,
    virtualNetworkName: vnet.name,
    addressPrefixes: [network.endpointSubnet.addressPrefix],
    // Endpoints ignore NSGs and UDRs unless these policies are on; Disabled is the plain, documented setup.
    privateEndpointNetworkPolicies: 'Disabled',
  });
  from(vnet, 'network', { name: 'network.vnetName', location: 'location', address_space: 'network.addressSpace', tags: 'tags' });
  from(subnet, 'network.endpointSubnet', { name: 'network.endpointSubnet.name', address_prefixes: 'network.endpointSubnet.addressPrefix' });
  // Pools get a subnet of their own, so that nodes coming and going never take the endpoints' addresses.
  const pools = network.poolSubnet && new Subnet(stack, 'PoolSubnet', {
    name: network.poolSubnet.name,
    resourceGroupName,
    virtualNetworkName: vnet.name,
    addressPrefixes: [network.poolSubnet.addressPrefix],
  });
  if (pools) from(pools, 'network.poolSubnet', { name: 'network.poolSubnet.name', address_prefixes: 'network.poolSubnet.addressPrefix' });
  if (config.adopt) {
    const existing = ExistingParts.of(stack);
    const inGroup = { subscriptionId: config.subscriptionId, resourceGroupName: config.resourceGroup.name };
    const vnetRef = { type: 'Microsoft.Network/virtualNetworks', name: network.vnetName };
    existing.importWhenExists(vnet, { ...inGroup, resource: vnetRef });
    existing.importWhenExists(subnet, { ...inGroup, resource: vnetRef, child: { type: 'subnets', name: network.endpointSubnet.name } });
    if (pools) existing.importWhenExists(pools, { ...inGroup, resource: vnetRef, child: { type: 'subnets', name: network.poolSubnet!.name } });
  }
  const virtualNetwork = { id: vnet.id, name: network.vnetName, location };
  return {
    endpointSubnet: { id: subnet.id, addressPrefix: network.endpointSubnet.addressPrefix, virtualNetwork },
    poolSubnet: pools ? { id: pools.id, addressPrefix: network.poolSubnet!.addressPrefix, virtualNetwork } : undefined,
  };
}

/** A subnet that exists, by ID; its VNet is in the stack's region. */
function existingSubnet(config: StackConfig, location: string): SubnetInfo {
  const { id, addressPrefix } = config.existingSubnet!;
  return { id, addressPrefix, virtualNetwork: { ...vnetOfSubnetId(id)!, location } };
}
