import { parseId } from '../../arm/ids';
import { region } from '../../arm/properties';
import { ENDPOINT_TYPE } from '../../resources/private-endpoint';
import { Obj } from '../../values';
import { armTags, registerTf, rgId, tagsOf } from '../handler';
import { first, s, strings } from '../values';

registerTf({
  tfType: 'azurerm_private_endpoint',
  label: 'Private Endpoint',
  // azurerm v4.55.0 private_endpoint_resource.go: these are ForceNew.
  forceNew: ['name', 'resource_group_name', 'location', 'subnet_id', 'custom_network_interface_name', 'private_service_connection'],
  armId: (v, st) => `${rgId(st, s(v, 'resource_group_name')!)}/providers/${ENDPOINT_TYPE}/${s(v, 'name')}`,
  toArm: (v, id) => {
    const psc = first(v, 'private_service_connection') ?? {};
    const connection = { name: s(psc, 'name'), properties: {
      privateLinkServiceId: s(psc, 'private_connection_resource_id'), groupIds: strings(psc, 'subresource_names'),
      ...(s(psc, 'request_message') ? { requestMessage: s(psc, 'request_message') } : {}),
    } };
    const ipConfigs = (Array.isArray(v.ip_configuration) ? v.ip_configuration as Obj[] : []).map((c) => ({ name: s(c, 'name'), properties: {
      privateIPAddress: s(c, 'private_ip_address'), groupId: s(c, 'subresource_name'), memberName: s(c, 'member_name') ?? s(c, 'subresource_name'),
    } }));
    return { id, type: ENDPOINT_TYPE, name: s(v, 'name')!, location: region(s(v, 'location')), tags: armTags(v), properties: {
      subnet: { id: s(v, 'subnet_id') },
      ...(s(v, 'custom_network_interface_name') ? { customNetworkInterfaceName: s(v, 'custom_network_interface_name') } : {}),
      [psc.is_manual_connection === true ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections']: [connection],
      ...(ipConfigs.length ? { ipConfigurations: ipConfigs } : {}),
    } };
  },
  toState: (a, _st, ctx) => {
    const p = a.properties;
    const manual = (p.manualPrivateLinkServiceConnections ?? []).length > 0;
    const c = (manual ? p.manualPrivateLinkServiceConnections : p.privateLinkServiceConnections)?.[0] ?? { properties: {} };
    const nics = (p.networkInterfaces ?? []).map((n: { id: string }) => ctx.world.get(n.id)).filter(Boolean);
    const ip = nics[0]?.properties.ipConfigurations?.[0]?.properties?.privateIPAddress ?? null;
    return {
      id: a.id, name: a.name, resource_group_name: parseId(a.id).resourceGroup, location: region(a.location), tags: tagsOf(a),
      subnet_id: p.subnet?.id, custom_network_interface_name: p.customNetworkInterfaceName ?? null,
      network_interface: (p.networkInterfaces ?? []).map((n: { id: string }) => ({ id: n.id, name: parseId(n.id).name })),
      custom_dns_configs: (p.customDnsConfigs ?? []).map((d: any) => ({ fqdn: d.fqdn, ip_addresses: d.ipAddresses ?? [] })),
      private_dns_zone_configs: [],
      private_service_connection: [{
        name: c.name, is_manual_connection: manual, private_connection_resource_id: c.properties.privateLinkServiceId,
        private_connection_resource_alias: null, subresource_names: c.properties.groupIds ?? [], request_message: c.properties.requestMessage ?? null,
        private_ip_address: ip,
      }],
      ip_configuration: (p.ipConfigurations ?? []).map((ic: any) => ({ name: ic.name, private_ip_address: ic.properties.privateIPAddress,
        subresource_name: ic.properties.groupId ?? null, member_name: ic.properties.memberName ?? ic.properties.groupId ?? null })),
    };
  },
});

/**
 * The association of an endpoint with an application security group. ARM keeps it in the endpoint's
 * `applicationSecurityGroups`; the world keeps it as a child of the endpoint (type below, the world's own) so that
 * it comes and goes on its own, as azurerm's resource does. azurerm's ID is `<endpoint ID>|<ASG ID>`.
 */
const ASG_ASSOCIATION_TYPE = 'Microsoft.Network/privateEndpoints/applicationSecurityGroupAssociations';

registerTf({
  tfType: 'azurerm_private_endpoint_application_security_group_association',
  label: 'Private Endpoint Application Security Group Association',
  forceNew: ['private_endpoint_id', 'application_security_group_id'],
  armId: (v) => `${s(v, 'private_endpoint_id')}/applicationSecurityGroupAssociations/${parseId(s(v, 'application_security_group_id')!).name}`,
  idOfState: (id) => {
    const [pe, asg] = id.split('|');
    return `${pe}/applicationSecurityGroupAssociations/${parseId(asg).name}`;
  },
  toArm: (v, id) => ({ id, type: ASG_ASSOCIATION_TYPE, name: parseId(id).name, properties: { applicationSecurityGroup: { id: s(v, 'application_security_group_id') } } }),
  toState: (a) => {
    const pe = parseId(a.id).parentId;
    return { id: `${pe}|${a.properties.applicationSecurityGroup.id}`, private_endpoint_id: pe, application_security_group_id: a.properties.applicationSecurityGroup.id };
  },
});
