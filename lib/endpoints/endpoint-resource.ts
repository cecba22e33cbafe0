import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { PrivateEndpoint, PrivateEndpointConfig } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { mapAttributes } from '../core/problems';
import { endpointPartNames } from '../rules/azure-names';
import { DnsMode } from '../rules/dns-modes';
import { normalizeLocation } from '../rules/naming';
import { normalizedResourceId } from '../rules/resource-id';
import type { BatchPrivateEndpointProps } from './batch-private-endpoint';

/** The subnet resource type, for normalizing and checking subnet IDs. */
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/** The azurerm endpoint's configuration from the props, under its decided name and DNS mode. */
export function privateEndpointConfig(props: BatchPrivateEndpointProps, name: string, dnsMode: DnsMode): PrivateEndpointConfig {
  const parts = endpointPartNames(name);
  const zone = props.dns?.zone;
  return {
    provider: props.provider,
    name,
    location: endpointLocation(props.location ?? props.subnet?.location ?? props.account.location),
    resourceGroupName: props.resourceGroupName,
    subnetId: normalizedResourceId(props.subnet.id, SUBNET_TYPE),
    customNetworkInterfaceName: props.networkInterfaceName ?? parts.nic,
    privateServiceConnection: {
      name: props.connectionName ?? parts.connection,
      privateConnectionResourceId: props.account.id,
      subresourceNames: [props.subResource],
      isManualConnection: props.manualApproval !== undefined,
      requestMessage: props.manualApproval?.requestMessage,
    },
    // member_name is the sub-resource: the private link resource lists it as its one required member.
    ipConfiguration: props.staticIp
      ? [{ name: parts.ipConfiguration, privateIpAddress: props.staticIp, subresourceName: props.subResource, memberName: props.subResource }]
      : undefined,
    privateDnsZoneGroup: dnsMode === 'zoneGroup' && zone ? { name: props.dns?.zoneGroupName ?? 'batch', privateDnsZoneIds: [zone.id] } : undefined,
    // Azure Policy adds the zone group after the endpoint exists: Terraform must neither remove it nor fight it.
    lifecycle: dnsMode === 'policyZoneGroup' ? { ignoreChanges: ['private_dns_zone_group'] } : undefined,
    tags: props.tags,
  };
}

/** Maps the endpoint's attributes to the props they are made from, so that a guard's finding names the prop the user wrote. */
export function mapEndpointAttributes(resource: PrivateEndpoint, scope: Construct, props: BatchPrivateEndpointProps): void {
  mapAttributes(resource, scope, {
    name: 'name',
    custom_network_interface_name: props.networkInterfaceName !== undefined ? 'networkInterfaceName' : 'name',
    location: 'location',
    resource_group_name: 'resourceGroupName',
    subnet_id: 'subnet',
    'ip_configuration.private_ip_address': 'staticIp',
    'private_service_connection.subresource_names': 'subResource',
    tags: 'tags',
  });
}

// A token passes through as is: lower-casing `${TfToken[TOKEN.n]}` would break it.
function endpointLocation(location: string): string {
  return Token.isUnresolved(location) ? location : normalizeLocation(location);
}
