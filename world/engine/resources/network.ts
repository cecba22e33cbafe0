import { ArmError, badRequest, notFound } from '../arm/errors';
import { guidFor } from '../arm/guid';
import { keyOf, parseId } from '../arm/ids';
import { cidrInside, cidrsOverlap, parseCidr } from '../arm/ip';
import { region } from '../arm/properties';
import { ArmContext, registerType } from '../arm/type-rules';
import { ArmResource } from '../arm/world';

export const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
export const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';
export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';

/** A subnet's address prefixes (`addressPrefix` or `addressPrefixes`). */
export function subnetPrefixes(subnet: ArmResource): string[] {
  const p = subnet.properties;
  return p.addressPrefixes ?? (p.addressPrefix ? [p.addressPrefix] : []);
}

/** The NIC IP configurations that sit in a subnet. */
export function ipConfigurationsIn(ctx: ArmContext, subnetId: string): { nic: ArmResource; config: any }[] {
  return ctx.world.ofType(NIC_TYPE).flatMap((nic) => (nic.properties.ipConfigurations ?? [])
    .filter((c: any) => keyOf(c.properties?.subnet?.id ?? '') === keyOf(subnetId))
    .map((config: any) => ({ nic, config })));
}

/**
 * A prefix with host bits set is refused with InvalidCIDRNotation (FACTS.md "Azure networking", from Learn
 * virtual-network/virtual-networks-faq and public deployment logs).
 */
function checkCidr(prefix: string): void {
  if (!parseCidr(prefix)) {
    throw badRequest('InvalidCIDRNotation', `The address prefix ${prefix} in resource has an invalid CIDR notation. For the given prefix length, the address prefix should be a network address.`);
  }
}

registerType({
  type: VNET_TYPE,
  put(ctx, vnet, prior) {
    const prefixes: string[] = vnet.properties.addressSpace?.addressPrefixes ?? [];
    prefixes.forEach(checkCidr);
    return {
      ...vnet,
      location: region(vnet.location),
      properties: { ...vnet.properties, resourceGuid: prior?.properties.resourceGuid ?? guidFor(ctx.world.seed, 'vnet', vnet.id), provisioningState: 'Succeeded' },
    };
  },
  beforeDelete(ctx, vnet) {
    for (const subnet of ctx.world.children(vnet.id, SUBNET_TYPE)) refuseSubnetInUse(ctx, subnet);
  },
  /**
   * Deleting a VNet removes its links to private DNS zones (FACTS/preamble: "Deleting a VNet removes its links";
   * Learn dns/private-dns-virtual-network-links).
   */
  afterDelete(ctx, vnet) {
    for (const link of ctx.world.ofType('Microsoft.Network/privateDnsZones/virtualNetworkLinks')) {
      if (keyOf(link.properties.virtualNetwork?.id ?? '') === keyOf(vnet.id)) ctx.world.remove(link.id);
    }
  },
});

registerType({
  type: SUBNET_TYPE,
  /**
   * A subnet's prefixes lie in its VNet's address space (NetcfgSubnetRangeOutsideVnet) and overlap no sibling's
   * (NetcfgSubnetRangesOverlap) (Learn: virtual-network/virtual-network-manage-subnet, "must be within the address
   * space of the virtual network"; error codes from Learn troubleshooting pages of virtual networks).
   */
  put(ctx, subnet) {
    const vnet = ctx.world.get(parseId(subnet.id).parentId)!;
    const space: string[] = vnet.properties.addressSpace?.addressPrefixes ?? [];
    for (const prefix of subnetPrefixes(subnet)) {
      checkCidr(prefix);
      if (!space.some((s) => cidrInside(prefix, s))) {
        throw badRequest('NetcfgSubnetRangeOutsideVnet', `Subnet '${subnet.name}' is not valid because its IP address range is outside the IP address range of virtual network '${vnet.name}'.`);
      }
      const sibling = ctx.world.children(vnet.id, SUBNET_TYPE)
        .find((s) => keyOf(s.id) !== keyOf(subnet.id) && subnetPrefixes(s).some((p) => cidrsOverlap(p, prefix)));
      if (sibling) {
        throw badRequest('NetcfgSubnetRangesOverlap', `Subnet '${subnet.name}' is not valid because its IP address range overlaps with that of an existing subnet '${sibling.name}' in virtual network '${vnet.name}'.`);
      }
    }
    return { ...subnet, properties: { ...subnet.properties, provisioningState: 'Succeeded' } };
  },
  beforeDelete: refuseSubnetInUse,
});

/**
 * A subnet that NICs (a private endpoint's) still use cannot be deleted: 400 InUseSubnetCannotBeDeleted (Learn:
 * virtual-network/virtual-network-manage-subnet, "Delete a subnet": "you can delete a subnet only if there are no
 * resources in the subnet").
 */
function refuseSubnetInUse(ctx: ArmContext, subnet: ArmResource): void {
  const used = ipConfigurationsIn(ctx, subnet.id);
  if (used.length > 0) {
    throw new ArmError(400, 'InUseSubnetCannotBeDeleted', `Subnet ${subnet.name} is in use by ${used.map((u) => u.config.id).join(', ')} and cannot be deleted. In order to delete the subnet, delete all the resources within the subnet. See aka.ms/deletesubnet.`);
  }
}

/** The subnet at `id`, or a 404 naming it. */
export function subnetOrFail(ctx: ArmContext, id: string): ArmResource {
  const subnet = ctx.world.get(id);
  if (!subnet) throw notFound(id);
  return subnet;
}
