import type { Construct } from 'constructs';
import { AdoptedZone } from '../dns/batch-private-dns-zone';
import { BatchZoneChoice, batchZoneChoice, ZoneLink } from '../dns/batch-zone-choice';
import { setPropOrigin } from '../core/problems';
import { adoptSettings } from '../rules/adoption';
import { AzureCloud } from '../rules/clouds';
import { dnsModeUsesZone } from '../rules/dns-modes';
import { literalResourceIdProblem, parseResourceId } from '../rules/resource-id';
import { ResolvedSubnet } from '../rules/subnets';
import { adoptionParts } from './private-batch-problems';
import { PrivateBatchEndpoint, PrivateBatchProps } from './private-batch-props';
import { defaultTags, endpointResourceGroup, modeOf, stackSubscriptionId } from './private-batch-defaults';

/**
 * The DNS part of a `PrivateBatch` (`owner`): the zone made or imported there, with its links; undefined with
 * `dns.zone`, or when no endpoint needs a zone.
 */
export function chooseZone(
  owner: Construct, props: PrivateBatchProps, endpoints: readonly PrivateBatchEndpoint[], subnet: ResolvedSubnet | undefined, cloud: AzureCloud,
): BatchZoneChoice | undefined {
  const dns = props.dns ?? {};
  const usesZone = endpoints.some((e) => dnsModeUsesZone(modeOf(props, e)));
  if (dns.zone || !usesZone) return undefined;
  const choice = batchZoneChoice(owner, 'DnsZone', {
    zoneId: dns.zoneId,
    resourceGroupName: dns.resourceGroupName ?? endpointResourceGroup(props),
    cloud,
    provider: dns.provider,
    stackSubscriptionId: stackSubscriptionId(props),
    links: zoneLinks(props, subnet),
    ownHubVnetLinks: dns.ownHubVnetLinks,
    tags: defaultTags(props),
    // An adopted account exists: its nodeManagement record may be in the zone to import, so it is looked up.
    healing: props.adopt && adoptSettings(props.adopt).account ? { lookUpAccounts: true, ...dns.healing } : dns.healing,
    azapiProvider: dns.azapiProvider,
    adopted: adoptedZone(props),
  });
  setPropOrigin(choice.zone, {
    owner,
    path: 'dns',
    fields: { cloud: 'cloud', resourceGroupName: dns.resourceGroupName ? 'dns.resourceGroupName' : 'endpointResourceGroupName', stackSubscriptionId: 'subscriptionId', tags: 'tags' },
  });
  return choice;
}

/** The zone's links: the subnet's VNet first (unless `dns.linkSubnetVnet` is false), then `dns.linkedVnetIds`. */
function zoneLinks(props: PrivateBatchProps, subnet: ResolvedSubnet | undefined): ZoneLink[] {
  const dns = props.dns ?? {};
  const links: ZoneLink[] = [];
  // A malformed VNet ID is reported at subnet.virtualNetwork.id (privateBatchProblems), not again at the link.
  if ((dns.linkSubnetVnet ?? true) && subnet?.vnetId !== undefined && subnet.vnetName !== undefined
    && literalResourceIdProblem(subnet.vnetId, 'Microsoft.Network/virtualNetworks') === undefined) {
    links.push({ id: 'EndpointVnet', name: dns.linkName ?? `link-${subnet.vnetName}`, virtualNetworkId: subnet.vnetId });
  }
  (dns.linkedVnetIds ?? []).forEach((virtualNetworkId, i) => {
    const name = parseResourceId(virtualNetworkId)?.name;
    if (name !== undefined) links.push({ id: `LinkedVnet${i + 1}`, name: `link-${name}`, virtualNetworkId, outsideStack: true });
  });
  return links;
}

/** The zone's subscription, when `adopt` imports the zone made here (the import ID is checked by privateBatchProblems). */
function adoptedZone(props: PrivateBatchProps): AdoptedZone | undefined {
  const subscriptionId = adoptionParts(props).zoneSubscriptionId;
  return props.adopt && adoptSettings(props.adopt).zone && subscriptionId ? { subscriptionId } : undefined;
}
