import { Construct, IConstruct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { mapAttributes, reportProblems } from '../core/problems';
import { PropProblem } from '../rules/problems';
import { BatchGuards } from '../guards/batch-guards';
import { stableAddress, zoneAddressQualifier } from '../core/addresses';
import { vnetLinkLogicalId, zoneLogicalId } from '../rules/logical-ids';
import { AZURE_CLOUDS, AzureCloud, batchPrivateDnsZoneName, cloudOfBatchZone, isAzureCloud } from '../rules/clouds';
import { existingZoneProblem } from '../rules/zones';
import {
  normalizedResourceId, parseResourceId, ResourceIdParts, resourceIdProblem, resourceIdTemplate, sameSubscription,
} from '../rules/resource-id';
import { azapiProviderMatching } from '../azapi/provider';
import { ExistingParts } from '../adoption/existing-parts';
import { ZoneRef } from '../rules/zone-records';
// Types only: the healing code is loaded when an existing or adopted zone heals (see heal()).
import type { ZoneHealing, ZoneHealingProps } from './zone-healing';
import { privateLinkNameProblem, resourceGroupNameProblem } from '../rules/azure-names';
import { tagProblems } from '../rules/tags';
import { markExistingZone, markZoneWrite } from '../guards/zone-writes';
import { ExpectedVnetLink } from './expected-vnet-link';

// CommonJS's require, declared here because the library is built without Node's types.
declare const require: (id: string) => unknown;

const ZONE_TYPE = 'Microsoft.Network/privateDnsZones';
const VNET_TYPE = 'Microsoft.Network/virtualNetworks';

/** A `privatelink.batch.*` zone that endpoints write their records to. */
export interface IBatchPrivateDnsZone extends IConstruct {
  /** The zone's resource ID. */
  readonly id: string;
  /** The zone name, e.g. `privatelink.batch.azure.com`. */
  readonly name: string;
  /** The zone's resource group. */
  readonly resourceGroupName: string;
  /** The cloud the zone serves. */
  readonly cloud: AzureCloud;
  /** The azurerm provider that manages records and links in the zone (an alias for another subscription). */
  readonly provider?: TerraformProvider;
  /**
   * What the zone does at plan time about records that were there before this stack (an existing zone), which
   * endpoints register their records with; undefined for a zone this stack creates, which starts empty.
   */
  readonly healing?: ZoneHealing;
  /** Links the zone to a VNet so that the VNet resolves through it: the link is this stack's, made and destroyed here. */
  linkVirtualNetwork(id: string, props: VirtualNetworkLinkProps): PrivateDnsZoneVirtualNetworkLink;
  /**
   * Relies on a link this stack does not own, of a zone it does not own (a hub zone by ID) to a VNet outside the stack
   * (the hub VNet): a plan-time check warns when the link is missing, naming what the zone's owners must do, and the
   * stack never creates, changes or deletes it (see {@link ExpectedVnetLink}). Only for a zone given by ID: a zone
   * made here owns its links.
   */
  expectVirtualNetworkLink(id: string, props: VirtualNetworkLinkProps): ExpectedVnetLink | undefined;
}

/** Props of {@link IBatchPrivateDnsZone.linkVirtualNetwork}. */
export interface VirtualNetworkLinkProps {
  /** The VNet's resource ID. */
  readonly virtualNetworkId: string;
  /**
   * The link's name, unique within the zone: 1-80 letters, digits and `_ . -`.
   * @default `link-<id>`
   */
  readonly name?: string;
  /**
   * Tags for the link.
   * @default none
   */
  readonly tags?: Record<string, string>;
}

/** What a created zone and a zone given by ID share: linking a virtual network to the zone. */
export abstract class BatchPrivateDnsZoneBase extends Construct implements IBatchPrivateDnsZone {
  /** The zone's resource ID. */
  public abstract readonly id: string;
  /** The zone's name, e.g. `privatelink.batch.azure.com`. */
  public abstract readonly name: string;
  /** The zone's resource group. */
  public abstract readonly resourceGroupName: string;
  /** The cloud whose Batch zone this is. */
  public abstract readonly cloud: AzureCloud;
  /** The azurerm provider that writes into the zone, when not the default one. */
  public abstract readonly provider?: TerraformProvider;
  /** What the zone does about records from before this stack, when it heals. */
  public abstract readonly healing?: ZoneHealing;
  /** What keeps this zone's addresses apart from another zone of its name in the stack (none for the first). */
  protected addressQualifier: readonly string[] = [];

  /**
   * Expects a VNet outside the stack (a hub VNet) to be linked to this zone given by ID: a plan-time check warns when
   * it is not, and the stack never creates, changes or deletes the link. Undefined, with a problem reported, otherwise.
   */
  public expectVirtualNetworkLink(id: string, props: VirtualNetworkLinkProps): ExpectedVnetLink | undefined {
    const zone = this.existingZone();
    const problems = virtualNetworkLinkProblems(props.name ?? `link-${id}`, props);
    if (Token.isUnresolved(props.virtualNetworkId)) problems.push({ field: 'virtualNetworkId', problem: 'must be a literal VNet ID, known at synth (a VNet made in this stack has its own link: linkVirtualNetwork)' });
    if (!zone) problems.push({ field: 'zone', problem: 'is made by this stack, which owns its links: use linkVirtualNetwork' });
    if (problems.length > 0 || !zone) {
      reportProblems(this, problems.map((p) => ({ ...p, field: `expectVirtualNetworkLink(${id}).${p.field}` })));
      return undefined;
    }
    this.healing?.addVirtualNetwork(props.virtualNetworkId);
    return new ExpectedVnetLink(this, id, {
      zone,
      linkName: props.name ?? `link-${id}`,
      virtualNetworkId: props.virtualNetworkId,
      azapiProvider: this.healing?.azapiProvider ?? azapiProviderMatching(this, this.provider),
    });
  }

  /** The zone by the parts of its literal ID, when it is an existing zone this stack does not own. */
  protected existingZone(): ZoneRef | undefined {
    return undefined;
  }

  /** Links a virtual network to the zone, with registration off. */
  public linkVirtualNetwork(id: string, props: VirtualNetworkLinkProps): PrivateDnsZoneVirtualNetworkLink {
    // Registration stays off: endpoints' records are managed here, never auto-registered VMs.
    const name = props.name ?? `link-${id}`;
    this.healing?.addVirtualNetwork(props.virtualNetworkId);
    const link = stableAddress(new PrivateDnsZoneVirtualNetworkLink(this, id, {
      provider: this.provider,
      name,
      resourceGroupName: this.resourceGroupName,
      privateDnsZoneName: this.name,
      virtualNetworkId: normalizedResourceId(props.virtualNetworkId, VNET_TYPE),
      registrationEnabled: false,
      tags: props.tags,
    }), vnetLinkLogicalId(name, this.addressQualifier));
    reportProblems(link, virtualNetworkLinkProblems(name, props));
    markZoneWrite(link, this);
    return link;
  }
}

/** Every problem with a VNet link's props: its name, the VNet ID as azurerm parses it, and its tags. */
function virtualNetworkLinkProblems(name: string, props: VirtualNetworkLinkProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  if (!Token.isUnresolved(name)) add('name', privateLinkNameProblem(name));
  if (!Token.isUnresolved(props.virtualNetworkId)) add('virtualNetworkId', resourceIdProblem(props.virtualNetworkId, VNET_TYPE));
  return [...problems, ...tagProblems(props.tags ?? {})];
}

/** Props of {@link BatchPrivateDnsZone}. */
export interface BatchPrivateDnsZoneProps {
  /** The resource group to create the zone in. */
  readonly resourceGroupName: string;
  /**
   * The cloud; it picks the zone name, which no one types.
   * @default 'AzureCloud'
   */
  readonly cloud?: AzureCloud;
  /**
   * VNet IDs to link the zone to, by link name.
   * @default none; add links with linkVirtualNetwork
   */
  readonly virtualNetworkLinks?: Record<string, string>;
  /**
   * Tags for the zone and its links. A private DNS zone takes at most 15, whose names do not start with a digit
   * and have no spaces, parentheses or non-ASCII characters (Azure's limits for private DNS).
   * @default none
   */
  readonly tags?: Record<string, string>;
  /**
   * The azurerm provider for the zone, its links and its records.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * What the zone does about records from before this stack, as for {@link ExistingZoneProps.healing}. A zone this
   * stack creates starts empty, so it reads nothing, unless it is `adopted`.
   * @default adopt and report (nothing to do in a new zone)
   */
  readonly healing?: ZoneHealingProps;
  /**
   * The zone exists already, made elsewhere (the portal's "Integrate with private DNS zone"): import it (a Terraform
   * `import` block) from this subscription, and heal it like a zone given by ID, since it holds records from before
   * the stack (a zone group's, which a Terraform-owned record of the same name would otherwise collide with).
   * Needs a literal `resourceGroupName` or one Terraform knows at plan.
   * @default none: the zone is made by this stack
   */
  readonly adopted?: AdoptedZone;
}

/** An existing zone that a {@link BatchPrivateDnsZone} imports: see {@link BatchPrivateDnsZoneProps.adopted}. */
export interface AdoptedZone {
  /** The zone's subscription. */
  readonly subscriptionId: string;
  /**
   * The azapi provider for the plan-time reads of the zone's records.
   * @default one that matches the zone's azurerm provider
   */
  readonly azapiProvider?: TerraformProvider;
}

/** Props of {@link BatchPrivateDnsZone.fromZoneId}. */
export interface ExistingZoneProps {
  /**
   * The cloud the stack deploys to; the zone's name must be that cloud's.
   * @default the cloud the zone name belongs to
   */
  readonly cloud?: AzureCloud;
  /**
   * An aliased azurerm provider for the zone's subscription, for records and links in a hub subscription.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The subscription the default azurerm provider deploys to. When it differs from the zone's, `provider`
   * is required, because records written with the default provider would land in the wrong subscription.
   * @default unknown (not checked)
   */
  readonly stackSubscriptionId?: string;
  /**
   * What the zone does about records that were there before this stack: adopt the ones it writes, report (or remove)
   * the stale ones of its accounts, and warn about VNets still linked to the legacy regional zone. It reads the zone
   * during plan through `azapiProvider`. See {@link ZoneHealingProps} and the README, "Moving an existing setup to
   * this library".
   * @default adopt existing records, report stale ones, check for legacy zones; remove nothing
   */
  readonly healing?: ZoneHealingProps;
  /**
   * The azapi provider for the plan-time reads (and the deletes of `healing.removeStaleRecords`) in the zone's
   * subscription.
   * @default with `provider`, an azapi provider with its alias, subscription and credentials settings (made once per
   * alias); else the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}

/** The Batch private DNS zone of one cloud, created in this stack, or an existing one by ID. */
export class BatchPrivateDnsZone extends BatchPrivateDnsZoneBase {
  /**
   * Uses an existing zone, e.g. a hub zone in another subscription or resource group.
   * The legacy regional zone `privatelink.<region>.batch.azure.com` is refused.
   */
  public static fromZoneId(scope: Construct, id: string, zoneId: string, props: ExistingZoneProps = {}): IBatchPrivateDnsZone {
    return new ExistingBatchPrivateDnsZone(scope, id, zoneId, props);
  }

  /** The zone's resource ID. */
  public readonly id: string;
  /** The zone name. */
  public readonly name: string;
  /** The zone's resource group. */
  public readonly resourceGroupName: string;
  /** The cloud the zone serves. */
  public readonly cloud: AzureCloud;
  /** The provider for the zone's resources, if not the default. */
  public readonly provider?: TerraformProvider;
  /** The azurerm zone resource. */
  public readonly resource: PrivateDnsZone;
  /** Undefined unless the zone is `adopted`: a zone this stack creates has no records from before it. */
  public readonly healing?: ZoneHealing;

  constructor(scope: Construct, id: string, props: BatchPrivateDnsZoneProps) {
    super(scope, id);
    const cloud = props.cloud ?? 'AzureCloud';
    if (!isAzureCloud(cloud)) {
      reportProblems(this, [{ field: 'cloud', problem: `must be one of ${AZURE_CLOUDS.join(', ')}, got ${JSON.stringify(cloud)}` }]);
    }
    this.cloud = isAzureCloud(cloud) ? cloud : 'AzureCloud';
    this.provider = props.provider;
    this.resourceGroupName = props.resourceGroupName;
    if (typeof props.resourceGroupName === 'string' && !Token.isUnresolved(props.resourceGroupName)) {
      const problem = resourceGroupNameProblem(props.resourceGroupName);
      if (problem) reportProblems(this, [{ field: 'resourceGroupName', problem }]);
    }
    reportProblems(this, tagProblems(props.tags ?? {}, 'privateDns'));
    this.resource = new PrivateDnsZone(this, 'Resource', {
      provider: props.provider,
      name: batchPrivateDnsZoneName(this.cloud),
      resourceGroupName: props.resourceGroupName,
      tags: props.tags,
    });
    this.addressQualifier = zoneAddressQualifier(this, {
      zoneName: batchPrivateDnsZoneName(this.cloud), resourceGroupName: props.resourceGroupName, subscriptionId: props.adopted?.subscriptionId, provider: props.provider,
    });
    stableAddress(this.resource, zoneLogicalId(batchPrivateDnsZoneName(this.cloud), this.addressQualifier));
    mapAttributes(this.resource, this, { name: 'cloud', resource_group_name: 'resourceGroupName', tags: 'tags' });
    this.id = this.resource.id;
    this.name = this.resource.name;
    if (props.adopted) {
      const zone = { subscriptionId: props.adopted.subscriptionId, resourceGroupName: props.resourceGroupName, zoneName: batchPrivateDnsZoneName(this.cloud) };
      // Imported when it exists at plan, else created; its records are read only when it exists.
      const existing = ExistingParts.of(this);
      const target = { subscriptionId: zone.subscriptionId, resourceGroupName: zone.resourceGroupName, resource: { type: ZONE_TYPE, name: zone.zoneName } };
      existing.importWhenExists(this.resource, target, props.provider);
      // An adopted setup's accounts exist: their nodeManagement records may be there to import, so they are looked up.
      this.healing = heal(this, zone, { ...props, healing: { lookUpAccounts: true, ...props.healing }, azapiProvider: props.adopted.azapiProvider },
        this.addressQualifier, existing.exists(target, props.provider));
    }
    for (const [linkName, virtualNetworkId] of Object.entries(props.virtualNetworkLinks ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      this.linkVirtualNetwork(linkName, { name: linkName, virtualNetworkId, tags: props.tags });
    }
    BatchGuards.of(this);
  }
}

class ExistingBatchPrivateDnsZone extends BatchPrivateDnsZoneBase {
  private readonly ref?: ZoneRef;
  public readonly id: string;
  public readonly name: string;
  public readonly resourceGroupName: string;
  public readonly cloud: AzureCloud;
  public readonly provider?: TerraformProvider;
  public readonly healing?: ZoneHealing;

  constructor(scope: Construct, id: string, zoneId: string, props: ExistingZoneProps) {
    super(scope, id);
    const parts = Token.isUnresolved(zoneId) ? undefined : parseResourceId(zoneId);
    const problems = existingZoneIdProblems(zoneId, parts, props);
    reportProblems(this, problems);
    const zoneCloud = parts ? cloudOfBatchZone(parts.name) : undefined;
    // Written in azurerm's spelling: a zone ID copied from a CLI in lower case works in zone groups too.
    this.id = normalizedResourceId(zoneId, ZONE_TYPE);
    if (parts && zoneCloud && problems.length === 0) {
      this.cloud = zoneCloud;
      this.name = parts.name.toLowerCase();
    } else {
      // A zone whose ID is reported above stands in as the zone of the cloud asked for, so the endpoints that use
      // it do not report the same mistake again; synth fails on the report anyway.
      this.cloud = props.cloud ?? zoneCloud ?? 'AzureCloud';
      this.name = batchPrivateDnsZoneName(this.cloud);
    }
    this.resourceGroupName = parts?.resourceGroupName ?? '';
    this.provider = props.provider;
    if (parts) {
      this.addressQualifier = zoneAddressQualifier(this, { zoneName: this.name, resourceGroupName: parts.resourceGroupName, subscriptionId: parts.subscriptionId });
    }
    if (parts && problems.length === 0) {
      this.ref = { subscriptionId: parts.subscriptionId, resourceGroupName: parts.resourceGroupName, zoneName: this.name };
      this.healing = heal(this, this.ref, props, this.addressQualifier);
    }
    // The guards check the subscription of what is written here, unless a problem with the zone or its provider
    // is reported above already.
    if (problems.length === 0) markExistingZone(this, this.id);
  }

  protected existingZone(): ZoneRef | undefined {
    return this.ref;
  }
}

/**
 * The healing of a zone that exists already, unless every part of it is off. Required here, not imported: a stack
 * whose zones are all made here never loads it, which keeps its synth as fast as before.
 */
function heal(
  zone: BatchPrivateDnsZoneBase, ref: ZoneRef, props: { readonly healing?: ZoneHealingProps; readonly provider?: TerraformProvider; readonly azapiProvider?: TerraformProvider },
  addressQualifier: readonly string[], zoneExists?: string,
): ZoneHealing | undefined {
  const healing = props.healing ?? {};
  const heals = [healing.adoptExistingRecords ?? true, healing.reportStaleRecords ?? true, healing.removeStaleRecords ?? false, healing.checkLegacyZones ?? true];
  if (!heals.some((on) => on)) return undefined;
  const { ZoneHealing: Healing } = require('./zone-healing') as typeof import('./zone-healing');
  return new Healing(zone, 'Healing', {
    ...healing,
    zone: ref,
    addressQualifier,
    zoneExists,
    cloud: zone.cloud,
    provider: props.provider,
    azapiProvider: props.azapiProvider ?? azapiProviderMatching(zone, props.provider),
  });
}

function existingZoneIdProblems(zoneId: string, parts: ResourceIdParts | undefined, props: ExistingZoneProps): PropProblem[] {
  const idProblem = Token.isUnresolved(zoneId)
    ? `must be known at synth: ${resourceIdTemplate(ZONE_TYPE)}, got a token`
    : resourceIdProblem(zoneId, ZONE_TYPE);
  if (idProblem || !parts) return [{ field: 'zoneId', problem: idProblem ?? `must be a ${ZONE_TYPE} ID` }];
  const problems: PropProblem[] = [];
  const problem = existingZoneProblem(parts.name, props.cloud);
  if (problem) problems.push({ field: 'zoneId', problem });
  if (props.stackSubscriptionId && !props.provider && !sameSubscription(props.stackSubscriptionId, parts.subscriptionId)) {
    problems.push({
      field: 'provider',
      problem: `is required: the zone is in subscription ${parts.subscriptionId}, the stack deploys to ${props.stackSubscriptionId}; pass an azurerm provider with alias and subscription_id for the zone's subscription`,
    });
  }
  return problems;
}
