import { Construct } from 'constructs';
import { TerraformIterator, TerraformLocal, TerraformProvider, TerraformResource, Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { AccountLookup } from './account-lookup';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { stableAddress } from '../core/addresses';
import { ImportBlock } from '../terraform/import-block';
import { AzureCloud } from '../rules/clouds';
import { listWhenExpression } from '../rules/adoption';
import { hclString } from '../adoption/existing-parts';
import { adoptLogicalId, zoneRecordsLogicalId } from '../rules/logical-ids';
import { parseResourceId } from '../rules/resource-id';
import { BatchSubResource } from '../rules/sub-resources';
import {
  A_RECORD_SETS_TYPE, aRecordSetId, canonicalZoneId, existingRecordExpression, ZONE_RECORDS_QUERY, ZoneRef, zoneRecordsExpression,
} from '../rules/zone-records';
import { addStaleRecords, ZoneAccount } from './zone-stale-records';
import { addLegacyZoneCheck } from './legacy-zone-check';

/**
 * What a zone does about what was there before this stack: records left by the portal, by zone groups or by
 * endpoints deleted long ago, and VNets still linked to the legacy regional zone. See the README, "Moving an existing
 * setup to this library".
 */
export interface ZoneHealingProps {
  /**
   * Take over a record this stack writes that already exists in the zone, in the same apply: an `import` block, so
   * the plan says `(imported from "<record ID>")` and corrects the record's IPs in place, with no delete-then-create
   * gap. Without it, azurerm refuses to create a record that exists and the apply fails.
   * @default true
   */
  readonly adoptExistingRecords?: boolean;
  /**
   * Warn (a `check` block, `check.stale_records_<account>`) about A records of this stack's accounts that no endpoint of
   * the stack writes: the other sub-resource's name, an old region, a second record. The warning names each record,
   * its IPs and the command that deletes it. Records of names outside the stack's accounts are never looked at.
   * @default true
   */
  readonly reportStaleRecords?: boolean;
  /**
   * Delete, in the apply, those of the stale records that prove to be this stack's own: one `azapi_resource_action`
   * DELETE per record (`azapi_resource_action.remove_stale_<account>["<name>"]`). Only two names prove it: the
   * `batchAccount` record `<account>.<region>` of an account this stack manages, in that account's own region, and the
   * account's own nodeManagement record (its name, from the account lookup, starts with a GUID Azure gave this
   * account). Any other record named for the account (`<account>.<another region>`: Batch account names are unique per
   * region only, so it may be another subscription's account) is left alone and only reported; so is every record of
   * an account the stack refers to by ID.
   * @default false
   */
  readonly removeStaleRecords?: boolean;
  /**
   * Look up this stack's accounts during plan (`data.azapi_resource_list.account_lookup_<account>`, a list of the Batch
   * accounts of the account's resource group), for the name of each one's nodeManagement record. Without it, a
   * nodeManagement record is neither adopted nor attributed to its account (see {@link AccountLookup}); a new account
   * needs neither, since its GUID is new. An adopted setup (`adopt`, an `adopted` zone) turns it on: an existing
   * account's record is there to import. The list needs `Microsoft.Batch/batchAccounts/read` on the account's resource
   * group and stays a plain data source, because the imports and the record's name depend on it: a refused read fails
   * the plan with Azure's AuthorizationFailed, which names that action and the scope.
   * @default false, true with adopt
   */
  readonly lookUpAccounts?: boolean;
  /**
   * Warn (`check.legacy_zones_<zone>`) when the zone's resource group holds a legacy regional zone
   * `privatelink.<region>.batch.*` (a region of the zone's accounts) while the zone is linked to a VNet by literal ID:
   * a VNet linked to both never sees the records of the new zone. The warning gives the commands that list the legacy
   * zone's links and delete them. The read (the zones of the resource group) is scoped to the check: credentials
   * without Reader on the group get a warning naming the role, never a failed plan.
   * @default true
   */
  readonly checkLegacyZones?: boolean;
}

/** Whose record it is: what lets a zone tell this stack's leftovers from other teams' records. */
export interface DnsRecordOwner {
  /** The account the record resolves. */
  readonly account: IBatchAccount;
  /** The sub-resource of the endpoint that writes it. */
  readonly subResource: BatchSubResource;
}

/** Props of {@link ZoneHealing}. */
export interface ZoneHealingConfig extends ZoneHealingProps {
  /** The zone, by the parts of its literal ID. */
  readonly zone: ZoneRef;
  /**
   * What keeps the addresses of the zone's reads apart from another zone's of its name in the stack.
   * @default none: `zone_records_<zone name>`, `legacy_zones_<zone name>`
   */
  readonly addressQualifier?: readonly string[];
  /**
   * HCL known at plan: whether the zone exists, for a zone that `adopt` imports when it is there. Its records are
   * read only then: listing the records of a missing zone fails the plan.
   * @default the zone exists (a zone given by ID)
   */
  readonly zoneExists?: string;
  /** The cloud of the zone. */
  readonly cloud: AzureCloud;
  /**
   * The azurerm provider for records in the zone (imports go through it).
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /** The azapi provider for reads and deletes in the zone's subscription. */
  readonly azapiProvider: TerraformProvider;
}

/**
 * The plan-time side of an existing zone (`BatchPrivateDnsZone.fromZoneId`): one read of its A records
 * (`data.azapi_resource_list.zone_records_<zone>`, through the zone's azapi provider), and from it an `import` block
 * for each record of this stack that already exists, a warning or a delete for each stale record of this stack's
 * accounts, and a warning for VNets still linked to the legacy zone. Every read has inputs known at synth, so it
 * happens during plan, and every `for_each` is known at plan.
 *
 * Endpoints register their records as they are made (`addRecord`, `addZoneGroup`); what is written is decided at
 * synth, once every endpoint is known.
 */
export class ZoneHealing extends Construct {
  /** The zone. */
  public readonly zone: ZoneRef;
  /** The azapi provider of the plan-time reads in the zone's subscription. */
  public readonly azapiProvider: TerraformProvider;
  private readonly config: ZoneHealingConfig;
  private readonly adopt: boolean;
  private readonly report: boolean;
  private readonly remove: boolean;
  private readonly accounts = new Map<string, ZoneAccount>();
  /** HCL expressions of the names the stack writes into the zone, known at plan (literals and lookups). */
  private readonly written: string[] = [];
  private readonly vnetIds: string[] = [];
  private recordsRef?: string;
  private legacyCheck = false;

  constructor(scope: Construct, id: string, config: ZoneHealingConfig) {
    super(scope, id);
    this.config = config;
    this.zone = config.zone;
    this.azapiProvider = config.azapiProvider;
    this.adopt = config.adoptExistingRecords ?? true;
    this.report = config.reportStaleRecords ?? true;
    this.remove = config.removeStaleRecords ?? false;
  }

  /**
   * The nodeManagement record name of an account, as an HCL expression known at plan once the account exists (null
   * before), when the zone reads records and the account can be looked up ({@link AccountLookup}).
   */
  public nodeManagementRecordName(account: IBatchAccount): string | undefined {
    return this.readsRecords ? this.account(account).lookup?.recordName : undefined;
  }

  /**
   * Registers a Terraform-owned A record written into the zone: it is adopted when it exists (with
   * `adoptExistingRecords`), and its name is no leftover. A record whose name is known only after apply (a
   * nodeManagement record of an account that cannot be looked up) can be neither.
   */
  public addRecord(record: TerraformResource, name: string, owner?: DnsRecordOwner): void {
    const known = this.plannedName(name, owner);
    if (known === undefined) return;
    this.written.push(known);
    if (this.adopt) this.adoptWhenExisting(record, known);
  }

  /** Registers a record Azure writes for an endpoint's zone group: it is no leftover. */
  public addZoneGroup(name: string, owner: DnsRecordOwner): void {
    const known = this.plannedName(name, owner);
    if (known !== undefined) this.written.push(known);
  }

  /** Registers a VNet the zone is linked to, for the legacy zone check. Only literal IDs are checked. */
  public addVirtualNetwork(virtualNetworkId: string): void {
    if (Token.isUnresolved(virtualNetworkId) || parseResourceId(virtualNetworkId) === undefined) return;
    this.vnetIds.push(virtualNetworkId);
    this.ensureLegacyCheck();
  }

  private get readsRecords(): boolean {
    return this.adopt || this.report || this.remove;
  }

  /**
   * The record's name as an HCL expression known at plan (a literal, or the account's lookup for a nodeManagement
   * name), or undefined when there is none or the zone reads no records. Registers the record's account.
   */
  private plannedName(name: string, owner?: DnsRecordOwner): string | undefined {
    const state = owner ? this.account(owner.account) : undefined;
    if (!this.readsRecords) return undefined;
    if (owner?.subResource === 'nodeManagement') return state?.lookup?.recordName;
    return Token.isUnresolved(name) ? undefined : JSON.stringify(name.toLowerCase());
  }

  /** The zone's records, read once: `local.zone_records_<zone>`. */
  private records(): string {
    if (this.recordsRef) return this.recordsRef;
    const id = zoneRecordsLogicalId(this.zone.zoneName, this.config.addressQualifier);
    const gate = this.config.zoneExists;
    const each = gate === undefined ? undefined : TerraformIterator.fromMap(`\${${listWhenExpression(gate, hclString(canonicalZoneId(this.zone)))}}` as any);
    const list = stableAddress(new AzapiDataResourceList(this, 'ZoneRecords', {
      forEach: each,
      type: A_RECORD_SETS_TYPE,
      parentId: each ? each.value : canonicalZoneId(this.zone),
      responseExportValues: { records: ZONE_RECORDS_QUERY },
      provider: this.config.azapiProvider,
    }), id);
    const read = `data.${list.terraformResourceType}.${id}`;
    // A missing zone has no records: null output, which zoneRecordsExpression reads as none.
    const output = each ? `one(values(${read})[*].output)` : `${read}.output`;
    stableAddress(new TerraformLocal(this, 'Records', `\${${zoneRecordsExpression(output)}}`), id);
    return (this.recordsRef = `local.${id}`);
  }

  private adoptWhenExisting(record: TerraformResource, name: string): void {
    const key = record.friendlyUniqueId;
    const existing = stableAddress(new TerraformLocal(this, `adopt-${key}`, `\${${existingRecordExpression(this.records(), name)}}`), adoptLogicalId(key));
    new ImportBlock(this, `import-${key}`, {
      to: record,
      forEach: existing.asString,
      id: aRecordSetId(this.zone, '${each.value}'),
      provider: this.config.provider,
    });
  }

  /** The account's state, made on first use with its lookup and its stale records' check or deletes. */
  private account(account: IBatchAccount): ZoneAccount {
    let state = this.accounts.get(account.name);
    if (state) return state;
    const lookUp = this.readsRecords && (this.config.lookUpAccounts ?? false);
    state = { account, lookup: lookUp ? AccountLookup.of(this, account, this.config.cloud) : undefined };
    this.accounts.set(account.name, state);
    if (this.report || this.remove) this.addStaleRecords(state);
    this.ensureLegacyCheck();
    return state;
  }

  /** The stale records of one account: their warning, and their deletes with `removeStaleRecords`. */
  private addStaleRecords(state: ZoneAccount): void {
    // The read is made here, not in a Lazy: a construct added while the stack is synthesized misses that synthesis.
    const records = this.records();
    const { zone, written, report, remove, config: { azapiProvider } } = this;
    addStaleRecords(this, state, { zone, records, written, report, remove, azapiProvider });
  }

  /** The legacy zone check, once the zone has a literal VNet link and an account to find regions for. */
  private ensureLegacyCheck(): void {
    if (this.legacyCheck || !(this.config.checkLegacyZones ?? true) || this.vnetIds.length === 0 || this.accounts.size === 0) return;
    this.legacyCheck = true;
    const regions = (): string[] => [...this.accounts.values()].map((s) => s.account.location).filter((l) => !Token.isUnresolved(l));
    const { zone, vnetIds, config: { addressQualifier, cloud, azapiProvider } } = this;
    addLegacyZoneCheck(this, { zone, addressQualifier, cloud, azapiProvider, regions, vnetIds });
  }
}
