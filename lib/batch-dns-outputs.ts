import { Construct } from 'constructs';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { BatchPrivateEndpoint } from './batch-private-endpoint';
import { IBatchPrivateDnsZone } from './batch-private-dns-zone';

/** Props of {@link BatchDnsOutputs}. */
export interface BatchDnsOutputsProps {
  /** The endpoints whose names and IPs to output. */
  readonly endpoints: readonly BatchPrivateEndpoint[];
  /**
   * The zone whose ID to output.
   * @default no zone output
   */
  readonly zone?: IBatchPrivateDnsZone;
}

/**
 * Opt-in outputs for DNS review and for external DNS servers: FQDN → IP for each endpoint, the record FQDNs,
 * and the zone ID. Output names are derived from this construct's path, so two instances never collide.
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
    const prefix = outputPrefix(this);
    if (props.endpoints.length > 0) this.endpointIps = this.output(`${prefix}_endpoint_ips`, 'Endpoint FQDN to private IP, for each endpoint',
      Object.fromEntries(props.endpoints.map((e) => [e.fqdn, e.privateIpAddress])));
    const records = props.endpoints.flatMap((e) => (e.dnsRecord ? [e.dnsRecord.fqdn] : []));
    if (records.length > 0) this.recordFqdns = this.output(`${prefix}_record_fqdns`, 'FQDNs of the Terraform-owned A records', records);
    if (props.zone) this.zoneId = this.output(`${prefix}_zone_id`, 'ID of the Batch private DNS zone', props.zone.id);
  }

  private output(name: string, description: string, value: unknown): TerraformOutput {
    const output = new TerraformOutput(this, name, { description, value });
    output.overrideLogicalId(name);
    return output;
  }
}

/** `a_b` for a construct at `stack/a/b/<this>`: the path within the stack names the outputs. */
function outputPrefix(scope: Construct): string {
  const stackPath = TerraformStack.of(scope).node.path;
  const parent = scope.node.scope?.node.path ?? '';
  const relative = parent.slice(stackPath.length).replace(/^\//, '');
  return (relative || scope.node.id).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
