import { Construct } from 'constructs';
import { ITerraformDependable, TerraformResource, Token, dependable } from 'cdktf';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { IBatchPrivateDnsZone } from './batch-private-dns-zone';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { markZoneWrite } from '../guards/zone-writes';
import { logicalId } from '../rules/logical-ids';
import type { DnsRecordOwner } from './zone-healing';

/** Props of {@link BatchDnsRecord}. */
export interface BatchDnsRecordProps {
  /** The zone to write the record to. */
  readonly zone: IBatchPrivateDnsZone;
  /** The record name relative to the zone, e.g. `mybatch.eastus` (may be a token known after apply). */
  readonly recordName: string;
  /** The endpoint's IP: its static IP, or a reference to the IP Azure gave it. */
  readonly ipAddress: string;
  /**
   * Time to live in seconds; short, so that a replaced endpoint is picked up quickly.
   * @default 10
   */
  readonly ttl?: number;
  /**
   * What names the record's Terraform address, `dns_<key>`. A private endpoint passes its own key, so that its
   * record is `dns_contosobatch01_batchaccount` beside `pe_contosobatch01_batchaccount`.
   * @default the record name when it is known at synth (`mybatch.eastus` gives `dns_mybatch_eastus`); required
   * when the record name is known only after apply
   */
  readonly key?: string;
  /**
   * The account and sub-resource the record resolves, so that an existing zone can adopt the record and tell the
   * account's leftovers from other teams' records (see `ExistingZoneProps.healing`). A private endpoint passes its own.
   * @default none: the record is adopted when its name is known at synth, and attributed to no account
   */
  readonly owner?: DnsRecordOwner;
  /**
   * The private endpoint whose IP the record carries. The record is then written only once the endpoint exists
   * (`depends_on`, which a static IP alone would not give), so that a failed endpoint leaves no name in a shared zone
   * that resolves to an address nothing serves; and it is replaced whenever the endpoint is
   * (`replace_triggered_by` its ID, so `-replace` of the endpoint takes the record along). A private endpoint passes
   * its own.
   * @default none: the record follows only what its name and IP refer to
   */
  readonly endpoint?: TerraformResource;
}

/**
 * The A record of one private endpoint, owned by Terraform: it always carries its endpoint's IP and is
 * destroyed in the same plan as the endpoint, so no stale record is left behind.
 */
export class BatchDnsRecord extends Construct {
  /** The azurerm record. */
  public readonly resource: PrivateDnsARecord;
  /** The FQDN inside the private zone, known after apply. */
  public readonly fqdn: string;

  constructor(scope: Construct, id: string, props: BatchDnsRecordProps) {
    super(scope, id);
    this.resource = new PrivateDnsARecord(this, 'Resource', {
      provider: props.zone.provider,
      name: props.recordName,
      zoneName: props.zone.name,
      resourceGroupName: props.zone.resourceGroupName,
      ttl: props.ttl ?? 10,
      records: [props.ipAddress],
      dependsOn: props.endpoint && [props.endpoint],
      // The ID, not the resource: an in-place change of the endpoint (its tags) leaves the record be, a replacement
      // (the ID unknown until apply) replaces it. A bare address: Terraform refuses "${…}" in replace_triggered_by.
      lifecycle: props.endpoint && { replaceTriggeredBy: [`${props.endpoint.terraformResourceType}.${props.endpoint.friendlyUniqueId}.id`] },
    });
    const key = props.key ?? (Token.isUnresolved(props.recordName) ? undefined : props.recordName);
    if (key === undefined) {
      reportProblems(this, [{ field: 'key', problem: "is required when recordName is known only after apply (it names the record's Terraform address)" }]);
    }
    stableAddress(this.resource, logicalId('dns', key ?? this.node.id));
    // The record names its zone by name and group only: the guards learn an existing zone's subscription here.
    markZoneWrite(this.resource, props.zone);
    this.fqdn = this.resource.fqdn;
    props.zone.healing?.addRecord(this.resource, props.recordName, props.owner);
  }

  /**
   * Creates the record only after something else, e.g. the approval of a manual endpoint's connection, so
   * that the name resolves only once the endpoint can be used.
   */
  public waitFor(other: ITerraformDependable): void {
    this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(other)];
  }
}
