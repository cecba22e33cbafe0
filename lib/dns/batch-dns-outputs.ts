import { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { IBatchPrivateDnsZone } from './batch-private-dns-zone';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { outputName } from '../rules/logical-ids';

/** Props of {@link BatchDnsOutputs}. */
export interface BatchDnsOutputsProps {
  /** The endpoints whose names and IPs to output. */
  readonly endpoints: readonly BatchPrivateEndpoint[];
  /**
   * The zone whose ID to output.
   * @default no zone output
   */
  readonly zone?: IBatchPrivateDnsZone;
  /**
   * What the output names start with: `<name>_endpoint_ips`, `<name>_record_fqdns`, `<name>_zone_id`.
   * @default the endpoints' account name when they all belong to one account (`contosobatch01_endpoint_ips`);
   * `dns` with no endpoints (`dns_zone_id`)
   */
  readonly name?: string;
}

/**
 * Opt-in outputs for DNS review and for external DNS servers: FQDN → IP for each endpoint, the record FQDNs,
 * and the zone ID. Output names say what they hold (the account's name by default), not where the construct
 * sits in the tree, so they stay the same when the tree changes; two outputs of one name are refused at synth.
 */
export class BatchDnsOutputs extends Construct {
  /** The FQDN → IP output, when endpoints were given. */
  public readonly endpointIps?: TerraformOutput;
  /** The record FQDNs output, when any endpoint has a Terraform-owned record. */
  public readonly recordFqdns?: TerraformOutput;
  /** The zone ID output, when a zone was given. */
  public readonly zoneId?: TerraformOutput;

  constructor(scope: Construct, id: string, props: BatchDnsOutputsProps) {
    super(scope, id);
    const name = props.name ?? defaultName(this, props);
    if (props.endpoints.length > 0) this.endpointIps = this.output(name, 'endpoint_ips', 'Endpoint FQDN to private IP, for each endpoint',
      Object.fromEntries(props.endpoints.map((e) => [e.fqdn, e.privateIpAddress])));
    const records = props.endpoints.flatMap((e) => (e.dnsRecord ? [e.dnsRecord.fqdn] : []));
    if (records.length > 0) this.recordFqdns = this.output(name, 'record_fqdns', 'FQDNs of the Terraform-owned A records', records);
    if (props.zone) this.zoneId = this.output(name, 'zone_id', 'ID of the Batch private DNS zone', props.zone.id);
  }

  private output(name: string, what: string, description: string, value: unknown): TerraformOutput {
    const id = outputName(name, what);
    return stableAddress(new TerraformOutput(this, id, { description, value }), id);
  }
}

function defaultName(scope: Construct, props: BatchDnsOutputsProps): string {
  const accounts = [...new Set(props.endpoints.map((e) => e.account.name))];
  if (accounts.length === 1) return accounts[0];
  if (accounts.length === 0) return 'dns';
  reportProblems(scope, [{ field: 'name', problem: `is required when the endpoints belong to several accounts (${accounts.join(', ')}): it starts every output name` }]);
  return accounts.join('_');
}
