import { batchPublicSuffix } from '../../../lib/rules/clouds';
import { authorize, isAllowed } from '../arm/access';
import { ArmError, badRequest } from '../arm/errors';
import { guidFor } from '../arm/guid';
import { childId, keyOf, parseId, resourceGroupIdOf, sameType } from '../arm/ids';
import { intToIp, ipToInt, usableAddresses } from '../arm/ip';
import { region } from '../arm/properties';
import { ArmContext, registerType } from '../arm/type-rules';
import { ArmResource } from '../arm/world';
import { BATCH_ACCOUNT_TYPE, CONNECTION_TYPE } from './batch';
import { ipConfigurationsIn, NIC_TYPE, subnetPrefixes, SUBNET_TYPE } from './network';

export const ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';

/** The IP a create chose, from `put` (which checks it) to `afterPut` (which writes the NIC). */
const chosenIps = new Map<string, string>();

/** The Batch sub-resources (group IDs) and the public FQDN each serves (Learn: batch/private-connectivity). */
const BATCH_GROUPS = ['batchAccount', 'nodeManagement'];

interface Link {
  readonly manual: boolean;
  readonly name: string;
  readonly targetId: string;
  readonly groupId: string;
  readonly requestMessage?: string;
}

function linkOf(pe: ArmResource): Link {
  const auto = pe.properties.privateLinkServiceConnections ?? [];
  const manual = pe.properties.manualPrivateLinkServiceConnections ?? [];
  const all = [...auto.map((c: any) => ({ c, manual: false })), ...manual.map((c: any) => ({ c, manual: true }))];
  if (all.length !== 1) throw badRequest('InvalidPrivateEndpoint', `Private endpoint ${pe.name} must have exactly one private link service connection, got ${all.length}.`);
  const { c, manual: isManual } = all[0];
  const groups: string[] = c.properties?.groupIds ?? [];
  return { manual: isManual, name: c.name, targetId: c.properties?.privateLinkServiceId ?? '', groupId: groups[0] ?? '', requestMessage: c.properties?.requestMessage };
}

registerType({
  type: ENDPOINT_TYPE,
  put(ctx, pe, prior) {
    const subnetId: string = pe.properties.subnet?.id ?? '';
    const subnet = ctx.world.get(subnetId);
    if (!subnet || !sameType(parseId(subnetId).type, SUBNET_TYPE)) throw new ArmError(400, 'InvalidResourceReference', `Resource ${subnetId} referenced by resource ${pe.id} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
    const vnet = ctx.world.get(parseId(subnetId).parentId)!;
    // An endpoint is created in its VNet's region (Learn: private-link/private-endpoint-overview).
    if (region(vnet.location) !== region(pe.location)) {
      throw new ArmError(400, 'InvalidResourceReference', `Resource ${subnetId} referenced by resource ${pe.id} was not found. Please make sure that the referenced resource exists, and that both resources are in the same region.`);
    }
    // Placing a NIC in a subnet takes `subnets/join/action` on it (Learn private-link/rbac-permissions).
    authorize(ctx.world, ctx.caller, 'Microsoft.Network/virtualNetworks/subnets/join/action', subnetId, 'LinkedAuthorizationFailed');
    const link = linkOf(pe);
    checkTarget(ctx, link);
    if (prior) return { ...pe, properties: { ...prior.properties, ...pe.properties, networkInterfaces: prior.properties.networkInterfaces, customDnsConfigs: prior.properties.customDnsConfigs, ipConfigurations: prior.properties.ipConfigurations ?? pe.properties.ipConfigurations } };
    const ip = endpointIp(ctx, pe, subnet);
    chosenIps.set(keyOf(pe.id), ip);
    const nicName = pe.properties.customNetworkInterfaceName || `${pe.name}.nic.${guidFor(ctx.world.seed, 'nic', pe.id)}`;
    const nicId = `${resourceGroupIdOf(pe.id)}/providers/${NIC_TYPE}/${nicName}`;
    return { ...pe, location: region(pe.location), properties: { ...pe.properties, networkInterfaces: [{ id: nicId }],
      customDnsConfigs: pe.properties.privateDnsZoneGroups?.length ? [] : [{ fqdn: endpointFqdn(ctx, link), ipAddresses: [ip] }],
      provisioningState: 'Succeeded' } };
  },
  afterPut(ctx, pe, prior) {
    if (prior) return;
    writeNic(ctx, pe);
    chosenIps.delete(keyOf(pe.id));
    writeConnection(ctx, pe);
  },
  /** Deleting an endpoint deletes its NIC and its connection on the target (Learn: private-link/private-endpoint-overview). */
  afterDelete(ctx, pe) {
    for (const nic of pe.properties.networkInterfaces ?? []) ctx.world.remove(nic.id);
    for (const c of ctx.world.ofType(CONNECTION_TYPE)) {
      if (keyOf(c.properties.privateEndpoint?.id ?? '') === keyOf(pe.id)) ctx.world.remove(c.id);
    }
  },
});

/**
 * The target exists and offers the group ID; an automatic connection needs the right to approve on the target, else
 * 403 LinkedAuthorizationFailed (Learn: private-link/rbac-permissions: `<provider>/<type>/privateEndpointConnectionsApproval/action`
 * on the target). Batch publishes no such action (compute.md operations list); the world accepts
 * `privateEndpointConnections/write` on the account in its place (inferred, unconfirmed).
 */
function checkTarget(ctx: ArmContext, link: Link): void {
  const target = ctx.world.get(link.targetId);
  if (!target) throw new ArmError(404, 'PrivateLinkServiceNotFound', `Private link resource ${link.targetId} was not found.`);
  if (sameType(target.type, BATCH_ACCOUNT_TYPE) && !BATCH_GROUPS.includes(link.groupId)) {
    throw badRequest('PrivateEndpointBadRequest', `Group id '${link.groupId}' is not supported by ${link.targetId}; supported: ${BATCH_GROUPS.join(', ')}.`);
  }
  if (link.manual) return;
  const approval = `${target.type}/privateEndpointConnectionsApproval/action`;
  if (!isAllowed(ctx.world, ctx.caller, approval, target.id)) {
    authorize(ctx.world, ctx.caller, `${target.type}/privateEndpointConnections/write`, target.id, 'LinkedAuthorizationFailed');
  }
}

/**
 * The endpoint's IP: a static one (ipConfigurations[].privateIPAddress) must lie in the subnet's usable range and be
 * free, else PrivateIPAddressNotInSubnet / PrivateIPAddressIsAllocated (preamble; FACTS.md); a dynamic one is the first
 * free usable address (Azure hands out the lowest free address; the first four and the last are reserved, Learn
 * virtual-network/virtual-networks-faq).
 */
function endpointIp(ctx: ArmContext, pe: ArmResource, subnet: ArmResource): string {
  const prefix = subnetPrefixes(subnet)[0];
  const range = usableAddresses(prefix);
  if (!range) throw badRequest('InvalidCIDRNotation', `Subnet ${subnet.name} has no usable addresses.`);
  const taken = new Set(ipConfigurationsIn(ctx, subnet.id).map((u) => u.config.properties?.privateIPAddress as string));
  const wanted: string | undefined = pe.properties.ipConfigurations?.[0]?.properties?.privateIPAddress;
  if (wanted) {
    const n = ipToInt(wanted);
    if (n === undefined || n < range.first || n > range.last) {
      throw badRequest('PrivateIPAddressNotInSubnet', `Private static IP address ${wanted} does not belong to the range of subnet prefix ${prefix} (usable ${intToIp(range.first)}-${intToIp(range.last)}).`);
    }
    if (taken.has(wanted)) {
      const holder = ipConfigurationsIn(ctx, subnet.id).find((u) => u.config.properties?.privateIPAddress === wanted)!;
      throw badRequest('PrivateIPAddressIsAllocated', `IP configuration ${pe.id}/ipConfigurations/${pe.properties.ipConfigurations[0].name} is using the private IP address ${wanted} which is already allocated to resource ${holder.config.id}.`);
    }
    return wanted;
  }
  for (let n = range.first; n <= range.last; n++) if (!taken.has(intToIp(n))) return intToIp(n);
  throw badRequest('SubnetIsFull', `Subnet ${subnet.name} with address prefix ${prefix} does not have enough capacity for 1 IP addresses.`);
}

/**
 * The FQDN an endpoint serves, as `customDnsConfigs[].fqdn` carries it: the target's public name, from which the
 * A record name in the privatelink zone is that name less the public suffix (FACTS.md DNS: "record name = the
 * endpoint FQDN less the public suffix", unverified for nodeManagement). batchAccount: `<account>.<region>.<suffix>`;
 * nodeManagement: the account's `nodeManagementEndpoint`, `<guid>.<region>.service.<suffix>`.
 */
export function endpointFqdn(ctx: ArmContext, link: Link): string {
  const target = ctx.world.get(link.targetId)!;
  if (sameType(target.type, BATCH_ACCOUNT_TYPE)) {
    return link.groupId === 'nodeManagement' ? String(target.properties.nodeManagementEndpoint)
      : `${target.name}.${region(target.location)}.${batchPublicSuffix(ctx.cloud)}`.toLowerCase();
  }
  return `${target.name}.${link.groupId}.example`.toLowerCase();
}

function writeNic(ctx: ArmContext, pe: ArmResource): void {
  const link = linkOf(pe);
  const nicId: string = pe.properties.networkInterfaces[0].id;
  const ipName = pe.properties.ipConfigurations?.[0]?.name ?? `privateEndpointIpConfig.${guidFor(ctx.world.seed, 'ipconfig', pe.id)}`;
  ctx.world.put({ id: nicId, type: NIC_TYPE, name: parseId(nicId).name, location: pe.location, properties: {
    ipConfigurations: [{ id: `${nicId}/ipConfigurations/${ipName}`, name: ipName, properties: {
      privateIPAddress: chosenIps.get(keyOf(pe.id)),
      privateIPAllocationMethod: pe.properties.ipConfigurations?.length ? 'Static' : 'Dynamic',
      subnet: { id: pe.properties.subnet.id },
      privateLinkConnectionProperties: { groupId: link.groupId, requiredMemberName: link.groupId, fqdns: [endpointFqdn(ctx, link)] },
    } }],
    privateEndpoint: { id: pe.id },
    provisioningState: 'Succeeded',
  } });
}

/**
 * The connection on the target: named `<endpoint>.<guid>` (REST spec name pattern; FACTS.md), Approved for an
 * automatic connection and Pending for a manual one (Learn: private-link/private-endpoint-overview, "approval workflow").
 */
function writeConnection(ctx: ArmContext, pe: ArmResource): void {
  const link = linkOf(pe);
  const target = ctx.world.get(link.targetId)!;
  const name = `${pe.name}.${guidFor(ctx.world.seed, 'connection', pe.id)}`;
  const state = link.manual
    ? { actionsRequired: 'None', description: link.requestMessage ?? '', status: 'Pending' }
    : { actionsRequired: 'None', description: 'Auto-Approved', status: 'Approved' };
  ctx.world.put({ id: childId(target.id, CONNECTION_TYPE, name), type: CONNECTION_TYPE, name, properties: {
    groupIds: [link.groupId], privateEndpoint: { id: pe.id }, privateLinkServiceConnectionState: state, provisioningState: 'Succeeded',
  } });
  const key = link.manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections';
  ctx.world.put({ ...pe, properties: { ...pe.properties, [key]: pe.properties[key].map((c: any) => ({ ...c, properties: { ...c.properties, privateLinkServiceConnectionState: state } })) } });
}
