import { parseId } from '../../arm/ids';
import { A_RECORD_TYPE, aRecordIps, LINK_TYPE, ZONE_TYPE } from '../../resources/private-dns';
import { armTags, registerTf, rgId, tagsOf } from '../handler';
import { s, strings } from '../values';

const zoneId = (st: Parameters<typeof rgId>[0], rg: string, zone: string) => `${rgId(st, rg)}/providers/${ZONE_TYPE}/${zone}`;

registerTf({
  tfType: 'azurerm_private_dns_zone',
  label: 'Private DNS Zone',
  forceNew: ['name', 'resource_group_name'],
  armId: (v, st) => zoneId(st, s(v, 'resource_group_name')!, s(v, 'name')!),
  toArm: (v, id) => ({ id, type: ZONE_TYPE, name: s(v, 'name')!, location: 'global', tags: armTags(v), properties: {} }),
  toState: (a) => ({ id: a.id, name: a.name, resource_group_name: parseId(a.id).resourceGroup, tags: tagsOf(a),
    number_of_record_sets: a.properties.numberOfRecordSets ?? 1, max_number_of_record_sets: a.properties.maxNumberOfRecordSets ?? 25000,
    max_number_of_virtual_network_links: a.properties.maxNumberOfVirtualNetworkLinks ?? 1000,
    max_number_of_virtual_network_links_with_registration: a.properties.maxNumberOfVirtualNetworkLinksWithRegistration ?? 100 }),
});

registerTf({
  tfType: 'azurerm_private_dns_zone_virtual_network_link',
  label: 'Virtual Network Link',
  // azurerm v4.55.0 private_dns_zone_virtual_network_link_resource.go: registration_enabled Default false.
  defaults: { registration_enabled: false },
  forceNew: ['name', 'resource_group_name', 'private_dns_zone_name', 'virtual_network_id'],
  armId: (v, st) => `${zoneId(st, s(v, 'resource_group_name')!, s(v, 'private_dns_zone_name')!)}/virtualNetworkLinks/${s(v, 'name')}`,
  toArm: (v, id) => ({ id, type: LINK_TYPE, name: s(v, 'name')!, location: 'global', tags: armTags(v), properties: {
    virtualNetwork: { id: s(v, 'virtual_network_id') }, registrationEnabled: v.registration_enabled === true,
    ...(s(v, 'resolution_policy') ? { resolutionPolicy: s(v, 'resolution_policy') } : {}),
  } }),
  toState: (a) => {
    const p = parseId(a.id);
    return { id: a.id, name: a.name, resource_group_name: p.resourceGroup, private_dns_zone_name: parseId(p.parentId).name, tags: tagsOf(a),
      virtual_network_id: a.properties.virtualNetwork?.id, registration_enabled: a.properties.registrationEnabled === true,
      resolution_policy: a.properties.resolutionPolicy ?? 'Default' };
  },
});

registerTf({
  tfType: 'azurerm_private_dns_a_record',
  label: 'Private DNS A Record',
  forceNew: ['name', 'resource_group_name', 'zone_name'],
  armId: (v, st) => `${zoneId(st, s(v, 'resource_group_name')!, s(v, 'zone_name')!)}/A/${s(v, 'name')}`,
  toArm: (v, id) => ({ id, type: A_RECORD_TYPE, name: s(v, 'name')!, tags: armTags(v), properties: {
    ttl: Number(v.ttl), aRecords: strings(v, 'records').map((ipv4Address) => ({ ipv4Address })),
  } }),
  toState: (a) => {
    const p = parseId(a.id);
    return { id: a.id, name: a.name, resource_group_name: p.resourceGroup, zone_name: parseId(p.parentId).name, tags: tagsOf(a),
      ttl: a.properties.ttl, records: aRecordIps(a), fqdn: a.properties.fqdn };
  },
});
