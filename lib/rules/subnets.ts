import { isToken } from './tokens';

/** The VNet of an endpoint subnet, as far as it is known. */
export interface VirtualNetworkInfo {
  /** The VNet's resource ID (a token when the VNet is in the same stack). */
  readonly id: string;
  /**
   * The VNet's name, when known at synth: it names the zone's link to the VNet (`link-<name>`).
   * @default parsed from a literal `id`; a `VirtualNetwork` construct's configured name
   */
  readonly name?: string;
  /**
   * The VNet's region: private endpoints are created in their VNet's region.
   * @default a `VirtualNetwork` construct's configured location; else unknown
   */
  readonly location?: string;
}

/** An endpoint subnet, as far as it is known. An azurerm `Subnet` construct is one too (its `id`). */
export interface SubnetInfo {
  /** The subnet's resource ID. */
  readonly id: string;
  /**
   * The subnet's IPv4 prefix, when known at synth: a static IP is checked against its usable range.
   * @default a `Subnet` construct's one configured prefix; else unknown
   */
  readonly addressPrefix?: string;
  /**
   * The subnet's VNet: its ID for the zone's VNet link, its region for the endpoints' location. A
   * `VirtualNetwork` construct fits as it is.
   * @default parsed from a literal subnet `id` (region unknown)
   */
  readonly virtualNetwork?: VirtualNetworkInfo;
}

/** What is known at synth of an endpoint subnet and its VNet, after reading IDs and construct inputs. */
export interface ResolvedSubnet {
  /** The subnet's resource ID. */
  readonly id: string;
  /** The subnet's IPv4 prefix, when known. */
  readonly addressPrefix?: string;
  /** The VNet's resource ID, when known (possibly a token). */
  readonly vnetId?: string;
  /** The VNet's name, when known at synth. */
  readonly vnetName?: string;
  /** The VNet's region, when known (possibly a token). */
  readonly vnetLocation?: string;
}

const SUBNET_ID = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+))\/subnets\/[^/]+$/i;

/** The VNet ID and name of a literal subnet ID, or undefined when it is not one. */
export function vnetOfSubnetId(subnetId: string): { id: string; name: string } | undefined {
  const match = isToken(subnetId) ? null : SUBNET_ID.exec(subnetId);
  return match ? { id: match[1], name: match[2] } : undefined;
}

/**
 * The literal value of a construct attribute: the attribute itself when it is not a token, else what the
 * construct was configured with (`<attribute>Input`, which cdktf's provider bindings have), when that is literal.
 */
export function literalAttribute(source: object, attribute: string): string | undefined {
  const value = (source as Record<string, unknown>)[attribute];
  if (typeof value === 'string' && !isToken(value)) return value;
  const input = (source as Record<string, unknown>)[`${attribute}Input`];
  return typeof input === 'string' && !isToken(input) ? input : undefined;
}

/** Reads what can be known at synth of a subnet given by ID, by a `SubnetInfo`, or by a `Subnet` construct. */
export function resolveSubnet(subnet: string | SubnetInfo): ResolvedSubnet {
  const info: SubnetInfo = typeof subnet === 'string' ? { id: subnet } : subnet;
  const prefixes = (info as { addressPrefixesInput?: unknown }).addressPrefixesInput;
  const constructPrefix = Array.isArray(prefixes) && prefixes.length === 1 && typeof prefixes[0] === 'string' && !isToken(prefixes[0])
    ? prefixes[0]
    : undefined;
  const parsed = vnetOfSubnetId(info.id);
  const vnet = info.virtualNetwork;
  return {
    id: info.id,
    addressPrefix: info.addressPrefix ?? constructPrefix,
    vnetId: vnet?.id ?? parsed?.id,
    vnetName: (vnet && literalAttribute(vnet, 'name')) ?? (vnet?.id ? vnetOfId(vnet.id) : undefined) ?? parsed?.name,
    vnetLocation: vnet && (literalAttribute(vnet, 'location') ?? vnet.location),
  };
}

const VNET_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)$/i;

/** The name in a literal VNet ID. */
function vnetOfId(vnetId: string): string | undefined {
  return isToken(vnetId) ? undefined : VNET_ID.exec(vnetId)?.[1];
}
