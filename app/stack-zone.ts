import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { IBatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { batchZoneChoice, importZoneLinks } from '../lib/dns/batch-zone-choice';
import { azurermEnvironment } from '../lib/rules/clouds';
import { dnsModeUsesZone } from '../lib/rules/dns-modes';
import { parseResourceId, sameSubscription } from '../lib/rules/resource-id';
import { SubnetInfo } from '../lib/rules/subnets';
import { StackConfig } from './config-schema';
import { ConfigOrigin } from './stack-config-origin';

/** The stack's one zone, shared by its accounts, when an endpoint uses private DNS: a hub zone, or made here. */
export function stackZone(stack: Construct, config: StackConfig, resourceGroupName: string, subnet: SubnetInfo, from: ConfigOrigin): IBatchPrivateDnsZone | undefined {
  const { accounts, externalAccounts, cloud, dns, subscriptionId, tags, adopt } = config;
  if (![...accounts, ...externalAccounts].some((a) => a.endpoints.some((e) => dnsModeUsesZone(e.dns)))) return undefined;
  const zoneSubscription = dns.existingZoneId && parseResourceId(dns.existingZoneId)!.subscriptionId;
  // Records and links belong in the zone's subscription: a hub zone gets a provider of its own.
  const provider = zoneSubscription && !sameSubscription(zoneSubscription, subscriptionId)
    ? new AzurermProvider(stack, 'azurerm-dns', { alias: 'dns', features: [{}], subscriptionId: zoneSubscription, environment: azurermEnvironment(cloud) })
    : undefined;
  const choice = batchZoneChoice(stack, 'DnsZone', {
    zoneId: dns.existingZoneId,
    resourceGroupName,
    cloud,
    provider,
    stackSubscriptionId: subscriptionId,
    tags,
    // The example turns healing on for its zones: an existing zone adopts, reports and checks (see the README).
    healing: adopt ? { lookUpAccounts: true, ...dns.healing } : dns.healing,
    // An adopted zone heals too: the portal's zone groups left records that the stack's would collide with.
    adopted: adopt && !dns.existingZoneId ? { subscriptionId } : undefined,
    links: [
      { id: 'EndpointVnet', name: dns.linkName ?? `link-${subnet.virtualNetwork!.name}`, virtualNetworkId: subnet.virtualNetwork!.id },
      ...dns.linkedVnetIds.map((virtualNetworkId, i) => ({ id: `LinkedVnet${i + 1}`, name: `link-${parseResourceId(virtualNetworkId)!.name}`, virtualNetworkId, outsideStack: true })),
    ],
    // A hub zone's links to dns.linkedVnetIds are the hub's: checked, not owned, unless dns.ownVnetLinks.
    ownHubVnetLinks: dns.ownVnetLinks,
  });
  if (adopt) importZoneLinks(choice, subscriptionId, choice.links.slice(0, 1));
  const { zone } = choice;
  from(zone, 'dns', { zoneId: 'dns.existingZoneId', provider: 'dns.existingZoneId', cloud: 'cloud', resourceGroupName: 'resourceGroup.name', healing: 'dns.healing', tags: 'tags' });
  // The first link is to the endpoints' VNet; the others are dns.linkedVnetIds.
  choice.links.forEach((link, i) => {
    const field = i === 0 ? (config.network ? 'network.vnetName' : 'existingSubnet.id') : `dns.linkedVnetIds[${i - 1}]`;
    from(link, field, { virtual_network_id: field, virtualNetworkId: field, name: i === 0 && dns.linkName !== undefined ? 'dns.linkName' : field });
  });
  return zone;
}
