import { parseId } from '../../arm/ids';
import { region } from '../../arm/properties';
import { RESOURCE_GROUP_TYPE } from '../../resources/resource-group';
import { SUBNET_TYPE, VNET_TYPE } from '../../resources/network';
import { armTags, registerTf, rgId, tagsOf } from '../handler';
import { s, strings } from '../values';

registerTf({
  tfType: 'azurerm_resource_group',
  label: 'Resource Group',
  forceNew: ['name', 'location'],
  armId: (v, st) => rgId(st, s(v, 'name')!),
  toArm: (v, id) => ({ id, type: RESOURCE_GROUP_TYPE, name: s(v, 'name')!, location: region(s(v, 'location')), tags: armTags(v), properties: {} }),
  toState: (a) => ({ id: a.id, name: a.name, location: region(a.location), tags: tagsOf(a), managed_by: a.managedBy ?? null }),
  /**
   * azurerm 4.x refuses to delete a resource group that still holds resources (`features.resource_group.
   * prevent_deletion_if_contains_resources`, default true since 4.0; azurerm website/docs/guides/features-block).
   */
  beforeDelete: (id, ctx) => {
    const left = ctx.world.under(id).filter((r) => r.id.toLowerCase() !== id.toLowerCase());
    // NICs of endpoints go with their endpoints; list what the user would see in the portal.
    return left.length === 0 ? undefined
      : `deleting Resource Group ${JSON.stringify(parseId(id).name)}: the Resource Group still contains Resources.\n\n` +
        `Terraform is configured to check for Resources within the Resource Group when deleting the Resource Group - and ` +
        `raise an error if nested Resources still exist to avoid unintentionally deleting these Resources.\n\n` +
        `Terraform has detected that the following Resources still exist within the Resource Group:\n\n` +
        `${left.map((r) => `* \`${r.id}\``).join('\n')}`;
  },
});

registerTf({
  tfType: 'azurerm_virtual_network',
  label: 'Virtual Network',
  forceNew: ['name', 'resource_group_name', 'location'],
  armId: (v, st) => `${rgId(st, s(v, 'resource_group_name')!)}/providers/${VNET_TYPE}/${s(v, 'name')}`,
  toArm: (v, id) => ({ id, type: VNET_TYPE, name: s(v, 'name')!, location: region(s(v, 'location')), tags: armTags(v), properties: {
    addressSpace: { addressPrefixes: strings(v, 'address_space') },
    ...(strings(v, 'dns_servers').length ? { dhcpOptions: { dnsServers: strings(v, 'dns_servers') } } : {}),
  } }),
  toState: (a) => ({ id: a.id, name: a.name, resource_group_name: parseId(a.id).resourceGroup, location: region(a.location), tags: tagsOf(a),
    address_space: a.properties.addressSpace?.addressPrefixes ?? [], dns_servers: a.properties.dhcpOptions?.dnsServers ?? [], guid: a.properties.resourceGuid }),
});

registerTf({
  tfType: 'azurerm_subnet',
  label: 'Subnet',
  // azurerm v4.55.0 subnet_resource.go: Default "Disabled".
  defaults: { private_endpoint_network_policies: 'Disabled', default_outbound_access_enabled: true, private_link_service_network_policies_enabled: true },
  forceNew: ['name', 'resource_group_name', 'virtual_network_name'],
  armId: (v, st) => `${rgId(st, s(v, 'resource_group_name')!)}/providers/${VNET_TYPE}/${s(v, 'virtual_network_name')}/subnets/${s(v, 'name')}`,
  toArm: (v, id) => ({ id, type: SUBNET_TYPE, name: s(v, 'name')!, properties: {
    addressPrefixes: strings(v, 'address_prefixes'),
    privateEndpointNetworkPolicies: s(v, 'private_endpoint_network_policies') ?? 'Disabled',
    ...(strings(v, 'service_endpoints').length ? { serviceEndpoints: strings(v, 'service_endpoints').map((service) => ({ service })) } : {}),
  } }),
  toState: (a) => {
    const p = parseId(a.id);
    return { id: a.id, name: a.name, resource_group_name: p.resourceGroup, virtual_network_name: parseId(p.parentId).name,
      address_prefixes: a.properties.addressPrefixes ?? [], private_endpoint_network_policies: a.properties.privateEndpointNetworkPolicies ?? 'Disabled' };
  },
});
