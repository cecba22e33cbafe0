import { AzureCloud } from '../rules/clouds';
import { parseResourceId } from '../rules/resource-id';
import { ModelResource, StackModel, isLiteral, literalValue, providerOf, referenceOf, resourceAt } from './stack-model';

const CLOUD_OF_ENVIRONMENT: Readonly<Record<string, AzureCloud>> = {
  public: 'AzureCloud',
  china: 'AzureChinaCloud',
  usgovernment: 'AzureUSGovernment',
};

/** The cloud a resource deploys to, from its azurerm provider's `environment` (default public). */
export function cloudOf(model: StackModel, resource: ModelResource): AzureCloud | undefined {
  const environment = providerOf(model, resource)?.environment ?? 'public';
  return isLiteral(environment) ? CLOUD_OF_ENVIRONMENT[environment.toLowerCase()] : undefined;
}

/** The subscription a resource deploys to, when its provider names one literally. */
export function providerSubscription(model: StackModel, resource: ModelResource): string | undefined {
  const subscription = providerOf(model, resource)?.subscription_id;
  return isLiteral(subscription) && subscription !== '' ? subscription : undefined;
}

/** Identifies a VNet resource or data source: its ID in lower case when it can be told at synth, else its address. */
function vnetResourceKey(model: StackModel, vnet: ModelResource): string {
  const name = literalValue(model, vnet.config.name);
  const group = literalValue(model, vnet.config.resource_group_name);
  const subscription = providerSubscription(model, vnet);
  return name && group && subscription
    ? `/subscriptions/${subscription}/resourcegroups/${group}/providers/microsoft.network/virtualnetworks/${name}`.toLowerCase()
    : vnet.address;
}

const VNET_TYPES = ['azurerm_virtual_network'];

/**
 * Identifies the VNet a `virtual_network_id` names: a reference to a VNet of the stack, or a literal ID, so that
 * the two spellings of one VNet compare equal. Undefined when it cannot be told.
 */
export function vnetKey(model: StackModel, virtualNetworkId: unknown): string | undefined {
  if (isLiteral(virtualNetworkId)) {
    return parseResourceId(virtualNetworkId)?.type.toLowerCase() === 'microsoft.network/virtualnetworks' ? virtualNetworkId.toLowerCase() : undefined;
  }
  const ref = referenceOf(virtualNetworkId);
  const vnet = ref && ref.attribute === 'id' ? resourceAt(model, ref.address) : undefined;
  return vnet && VNET_TYPES.includes(vnet.type) ? vnetResourceKey(model, vnet) : undefined;
}

/** The VNet a subnet (by its `subnet_id` value) belongs to: its key, and its resource when it is in the stack. */
export function vnetOfSubnet(model: StackModel, subnetId: unknown): { key: string; vnet?: ModelResource } | undefined {
  if (isLiteral(subnetId)) {
    const match = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.network\/virtualnetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetId);
    if (!match) return undefined;
    const key = match[1].toLowerCase();
    return { key, vnet: vnetsOf(model).find((v) => vnetResourceKey(model, v) === key) };
  }
  const ref = referenceOf(subnetId);
  const subnet = ref && resourceAt(model, ref.address);
  if (!subnet || subnet.type !== 'azurerm_subnet') return undefined;
  const vnetRef = referenceOf(subnet.config.virtual_network_name);
  const byRef = vnetRef && resourceAt(model, vnetRef.address);
  const name = literalValue(model, subnet.config.virtual_network_name);
  const group = literalValue(model, subnet.config.resource_group_name);
  const vnet = byRef ?? vnetsOf(model).find((v) => literalValue(model, v.config.name) === name
    && literalValue(model, v.config.resource_group_name) === group);
  if (vnet) return { key: vnetResourceKey(model, vnet), vnet };
  const subscription = providerSubscription(model, subnet);
  return name && group && subscription
    ? { key: `/subscriptions/${subscription}/resourcegroups/${group}/providers/microsoft.network/virtualnetworks/${name}`.toLowerCase() }
    : undefined;
}

function vnetsOf(model: StackModel): ModelResource[] {
  return model.resources.filter((r) => VNET_TYPES.includes(r.type));
}

/** A private DNS zone as a record or link names it: by name and resource group, in its provider's subscription. */
export interface ZoneIdentity {
  /** The zone name, lower case. */
  readonly name: string;
  /** The resource group, lower case. */
  readonly group: string;
  /** The subscription, lower case, when known at synth. */
  readonly subscription?: string;
}

/**
 * The zone a record (`zone_name`) or VNet link (`private_dns_zone_name`) writes to, when its name and group are
 * known: Azure finds the zone by name and group in the subscription of the resource's provider.
 */
export function zoneOf(model: StackModel, resource: ModelResource, zoneName: unknown): ZoneIdentity | undefined {
  const name = literalValue(model, zoneName);
  const group = literalValue(model, resource.config.resource_group_name);
  if (name === undefined || group === undefined) return undefined;
  const subscription = providerSubscription(model, resource);
  return { name: name.toLowerCase().replace(/\.$/, ''), group: group.toLowerCase(), subscription: subscription?.toLowerCase() };
}

/** Whether two zone identities name one zone: same name and group, and the same subscription where both are known. */
export function sameZone(a: ZoneIdentity, b: ZoneIdentity): boolean {
  return a.name === b.name && a.group === b.group && (a.subscription === undefined || b.subscription === undefined || a.subscription === b.subscription);
}
