import { Construct } from 'constructs';
import { TerraformProvider } from 'cdktf';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { AdoptedZone, BatchPrivateDnsZone, IBatchPrivateDnsZone } from './batch-private-dns-zone';
import { ExistingParts } from '../adoption/existing-parts';
import { AzureCloud, batchPrivateDnsZoneName } from '../rules/clouds';
import type { ZoneHealingProps } from './zone-healing';
import { ExpectedVnetLink } from './expected-vnet-link';
import { optIn } from '../guards/opt-ins';

/** A VNet to link a zone to. */
export interface ZoneLink {
  /** The construct ID of the link under the zone. */
  readonly id: string;
  /** The link's name, unique within the zone. */
  readonly name: string;
  /** The VNet's resource ID. */
  readonly virtualNetworkId: string;
  /**
   * The VNet is outside the stack (a hub's, by literal ID), not the VNet of the stack's own endpoints. In a zone given
   * by ID the stack then expects the link rather than owning it, unless `ownHubVnetLinks`.
   * @default false: the stack's own VNet, whose link the stack owns
   */
  readonly outsideStack?: boolean;
}

/** Props of {@link batchZoneChoice}. */
export interface BatchZoneChoiceProps {
  /**
   * An existing zone's ID (a hub zone): the zone is used, not created.
   * @default create the zone
   */
  readonly zoneId?: string;
  /** The resource group to create the zone in; unused with `zoneId`. */
  readonly resourceGroupName: string;
  /**
   * The cloud, which picks the zone name.
   * @default 'AzureCloud'
   */
  readonly cloud?: AzureCloud;
  /**
   * The azurerm provider for the zone, its links and records (an alias for a hub zone's subscription).
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The subscription the stack's default azurerm provider deploys to; a `zoneId` in another one needs `provider`.
   * @default unknown (not checked)
   */
  readonly stackSubscriptionId?: string;
  /**
   * VNets to link the zone to, in order.
   * @default none
   */
  readonly links?: readonly ZoneLink[];
  /**
   * Own the links of an existing zone (`zoneId`) to VNets outside the stack (links with `outsideStack`): create them,
   * and delete them on destroy. A named opt-in (`sharedVnetLink`) that the review shows: such a link is usually the
   * hub's, made once by the platform team, which every spoke resolves through. Without it the stack only checks that
   * the link exists (`IBatchPrivateDnsZone.expectVirtualNetworkLink`).
   * @default false
   */
  readonly ownHubVnetLinks?: boolean;
  /**
   * Tags for a zone created here.
   * @default none
   */
  readonly tags?: Record<string, string>;
  /**
   * What an existing zone does about records from before this stack (see {@link ZoneHealingProps}); a zone created
   * here starts empty and reads nothing.
   * @default adopt existing records, report stale ones, check for legacy zones
   */
  readonly healing?: ZoneHealingProps;
  /**
   * The azapi provider for an existing zone's plan-time reads.
   * @default one that matches `provider` (see `ExistingZoneProps.azapiProvider`)
   */
  readonly azapiProvider?: TerraformProvider;
  /**
   * The zone to create exists already: import it and heal it (see `BatchPrivateDnsZoneProps.adopted`); unused with
   * `zoneId`.
   * @default none: the zone is made here
   */
  readonly adopted?: AdoptedZone;
}

/** The zone chosen by {@link batchZoneChoice}, with the links made to it. */
export interface BatchZoneChoice {
  /** The zone, created or imported. */
  readonly zone: IBatchPrivateDnsZone;
  /** The VNet links the stack owns, in the order of `links`. */
  readonly links: PrivateDnsZoneVirtualNetworkLink[];
  /** The links of an existing zone to VNets outside the stack that the stack expects but does not own. */
  readonly expectedLinks: ExpectedVnetLink[];
}

/**
 * The Batch zone of a stack or a `PrivateBatch`: an existing (hub) zone by ID, or the cloud's zone created in
 * `resourceGroupName`, linked to the given VNets. Shared by `PrivateBatch` and apps with one zone for many
 * accounts, so both get the same construct tree (and the same addresses).
 */
export function batchZoneChoice(scope: Construct, id: string, props: BatchZoneChoiceProps): BatchZoneChoice {
  const zone = props.zoneId !== undefined
    ? BatchPrivateDnsZone.fromZoneId(scope, id, props.zoneId, {
      cloud: props.cloud, provider: props.provider, stackSubscriptionId: props.stackSubscriptionId, healing: props.healing, azapiProvider: props.azapiProvider,
    })
    : new BatchPrivateDnsZone(scope, id, {
      resourceGroupName: props.resourceGroupName, cloud: props.cloud, tags: props.tags, provider: props.provider, healing: props.healing,
      adopted: props.adopted && { azapiProvider: props.azapiProvider, ...props.adopted },
    });
  const links: PrivateDnsZoneVirtualNetworkLink[] = [];
  const expectedLinks: ExpectedVnetLink[] = [];
  for (const link of props.links ?? []) {
    const props_ = { name: link.name, virtualNetworkId: link.virtualNetworkId };
    // A zone made here owns every link (they go with it); a zone by ID owns only the stack's own VNet's link.
    if (!link.outsideStack || props.zoneId === undefined) {
      links.push(zone.linkVirtualNetwork(link.id, props_));
    } else if (props.ownHubVnetLinks) {
      const owned = zone.linkVirtualNetwork(link.id, props_);
      optIn(owned, 'sharedVnetLink');
      links.push(owned);
    } else {
      const expected = zone.expectVirtualNetworkLink(link.id, props_);
      if (expected) expectedLinks.push(expected);
    }
  }
  return { zone, links, expectedLinks };
}

/**
 * Import blocks for some of the VNet links of a zone that {@link batchZoneChoice} made (not a zone by ID, which the
 * stack never owns), to bring links made elsewhere under the stack. The zone itself is adopted with `adopted`.
 * @param subscriptionId the subscription of the zone
 */
export function importZoneLinks(choice: BatchZoneChoice, subscriptionId: string, links: readonly PrivateDnsZoneVirtualNetworkLink[]): void {
  if (!(choice.zone instanceof BatchPrivateDnsZone)) return;
  const zone = choice.zone;
  // Each link is imported when it exists at plan (zone and link listed), else created.
  for (const link of links) {
    ExistingParts.of(zone).importWhenExists(link, {
      subscriptionId, resourceGroupName: zone.resourceGroupName,
      resource: { type: 'Microsoft.Network/privateDnsZones', name: batchPrivateDnsZoneName(zone.cloud) },
      child: { type: 'virtualNetworkLinks', name: link.nameInput ?? '' },
    }, zone.provider);
  }
}
