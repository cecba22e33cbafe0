import { Construct } from 'constructs';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PrivateEndpointApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/private-endpoint-application-security-group-association';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchDnsRecord } from '../dns/batch-dns-record';
import { IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';
import { existingZoneProblem } from '../rules/zones';
import { mapEndpointAttributes, privateEndpointConfig, SUBNET_TYPE } from './endpoint-resource';
import { associateSecurityGroups } from './endpoint-security-groups';
import { reportProblems } from '../core/problems';
import { PropProblem } from '../rules/problems';
import { BatchGuards } from '../guards/batch-guards';
import { optIn } from '../guards/opt-ins';
import { stableAddress } from '../core/addresses';
import { endpointKey, endpointLogicalId } from '../rules/logical-ids';
import { AZURE_CLOUDS, AzureCloud, batchPublicSuffix, isAzureCloud } from '../rules/clouds';
import { batchAccountFqdn, batchAccountRecordName } from '../rules/dns-records';
import { DNS_MODES, DnsMode } from '../rules/dns-modes';
import { isIpv4, staticIpProblem, subnetPrefixProblem } from '../rules/ip';
import { defaultEndpointName, normalizeLocation } from '../rules/naming';
import { anyRegionProblem } from '../rules/regions';
import { crossSubscriptionProblem, literalResourceIdProblem, literalSubscription } from '../rules/resource-id';
import { endpointNameProblems, privateLinkNameProblem, resourceGroupNameProblem } from '../rules/azure-names';
import { requestMessageProblem } from '../rules/request-message';
import { tagProblems } from '../rules/tags';
import { BATCH_SUB_RESOURCES, BatchSubResource, isBatchSubResource } from '../rules/sub-resources';

/** The subnet an endpoint's NIC goes in. */
export interface EndpointSubnet {
  /** The subnet's resource ID. */
  readonly id: string;
  /**
   * The subnet's IPv4 prefix, when known at synth; a static IP is then checked against its usable range.
   * @default unknown (not checked)
   */
  readonly addressPrefix?: string;
  /**
   * The region of the subnet's VNet. Azure creates an endpoint in its VNet's region, so the endpoint takes this
   * region, and a `location` that differs from it is refused.
   * @default unknown: the endpoint goes in `location`, else in the account's region
   */
  readonly location?: string;
}

/** How the endpoint's name resolves; see {@link DnsMode}. */
export interface EndpointDns {
  /**
   * `records` (Terraform-owned A record), `zoneGroup` (Azure writes the record), `policyZoneGroup` (Azure Policy
   * adds the zone group, which Terraform leaves alone) or `external` (your DNS).
   * @default 'records'
   */
  readonly mode?: DnsMode;
  /** The Batch private DNS zone; required for `records` and `zoneGroup`, not used otherwise. */
  readonly zone?: IBatchPrivateDnsZone;
  /**
   * The A record's TTL in seconds, for `records`.
   * @default 10
   */
  readonly ttl?: number;
  /**
   * The zone group's name, for `zoneGroup`.
   * @default 'batch'
   */
  readonly zoneGroupName?: string;
}

/** A manual connection, which the account owner approves. */
export interface ManualApproval {
  /** The message the account owner sees: 1-140 bytes of UTF-8 (140 ASCII characters), not only white space. */
  readonly requestMessage: string;
}

/** Props of {@link BatchPrivateEndpoint}. */
export interface BatchPrivateEndpointProps {
  /** The Batch account to connect to. */
  readonly account: IBatchAccount;
  /** The sub-resource: `batchAccount` or `nodeManagement`. One endpoint carries exactly one. */
  readonly subResource: BatchSubResource;
  /** The subnet for the endpoint's NIC. */
  readonly subnet: EndpointSubnet;
  /** The resource group for the endpoint. */
  readonly resourceGroupName: string;
  /** DNS for the endpoint's name; `{ mode: 'external' }` is the explicit opt-out of private DNS. */
  readonly dns: EndpointDns;
  /**
   * The endpoint's region, which must be its VNet's (Azure creates an endpoint in its VNet's region).
   * @default `subnet.location` when given, else the account's region
   */
  readonly location?: string;
  /**
   * The endpoint name: 2-64 letters, digits and `_ . -`, starting with a letter or digit, ending with a letter,
   * digit or `_`. It also names the NIC (`<name>-nic`), the connection (`<name>-connection`) and the static IP
   * configuration (`<name>-ipconfig`).
   * @default `pe-<account>-<subresource>`, unique per account and sub-resource
   */
  readonly name?: string;
  /**
   * A static IP in the subnet's usable range (Azure reserves the first four addresses and the last).
   * @default a dynamic IP
   */
  readonly staticIp?: string;
  /**
   * Ask the account owner for approval instead of connecting automatically.
   * @default automatic approval (the creator needs broad rights on the account, e.g. Contributor; Batch publishes no
   *   narrow approval action)
   */
  readonly manualApproval?: ManualApproval;
  /**
   * The subscription the endpoint is created in, when known at synth.
   * @default the subscription in `subnet.id`, when it is a literal ID
   */
  readonly subscriptionId?: string;
  /**
   * The cloud; it decides the public DNS suffix.
   * @default the zone's cloud, or 'AzureCloud' with external DNS
   */
  readonly cloud?: AzureCloud;
  /**
   * The name of the endpoint's network interface (a portal-made endpoint's NIC keeps its name this way).
   * @default `<name>-nic`
   */
  readonly networkInterfaceName?: string;
  /**
   * The name of the endpoint's private link service connection.
   * @default `<name>-connection`
   */
  readonly connectionName?: string;
  /**
   * Application security groups for the endpoint's NIC, by resource ID: one
   * `azurerm_private_endpoint_application_security_group_association` each, in the endpoint's region.
   * @default none
   */
  readonly applicationSecurityGroupIds?: readonly string[];
  /**
   * Tags for the endpoint: at most 50 (Azure's limits on names and values apply).
   * @default none
   */
  readonly tags?: Record<string, string>;
  /**
   * The azurerm provider for the endpoint.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A private endpoint for one sub-resource of a Batch account, with its DNS: a Terraform-owned A record,
 * a zone group or nothing (external DNS).
 */
export class BatchPrivateEndpoint extends Construct {
  /** The azurerm endpoint. */
  public readonly resource: PrivateEndpoint;
  /** The account the endpoint connects to. */
  public readonly account: IBatchAccount;
  /** The endpoint's sub-resource. */
  public readonly subResource: BatchSubResource;
  /** The endpoint's name. */
  public readonly name: string;
  /** The endpoint's resource ID. */
  public readonly id: string;
  /** The cloud the endpoint resolves in. */
  public readonly cloud: AzureCloud;
  /** The DNS mode in use. */
  public readonly dnsMode: DnsMode;
  /** The static IP, when one was set. */
  public readonly staticIp?: string;
  /** The Terraform-owned A record, in `records` mode. */
  public readonly dnsRecord?: BatchDnsRecord;
  /** The manual approval request, when the connection waits for the account owner. */
  public readonly manualApproval?: ManualApproval;
  /** The zone the endpoint's name is written to, unless its DNS is external. */
  public readonly zone?: IBatchPrivateDnsZone;
  /** The associations with application security groups, in the order of `applicationSecurityGroupIds`. */
  public readonly securityGroupAssociations: readonly PrivateEndpointApplicationSecurityGroupAssociation[];

  constructor(scope: Construct, id: string, props: BatchPrivateEndpointProps) {
    super(scope, id);
    this.dnsMode = props.dns?.mode ?? 'records';
    this.cloud = props.cloud ?? props.dns?.zone?.cloud ?? 'AzureCloud';
    reportProblems(this, batchPrivateEndpointProblems(props));
    this.account = props.account;
    this.subResource = props.subResource;
    this.staticIp = props.staticIp;
    this.manualApproval = props.manualApproval;
    this.name = props.name ?? defaultEndpointName(props.account.name, props.subResource);
    const zone = props.dns?.zone;
    this.zone = zone;

    this.resource = new PrivateEndpoint(this, 'Resource', privateEndpointConfig(props, this.name, this.dnsMode));
    stableAddress(this.resource, endpointLogicalId(this.name));
    // Your DNS answers for the name: the guards see the choice, not a forgotten record.
    if (this.dnsMode === 'external') optIn(this.resource, 'externalDns');
    mapEndpointAttributes(this.resource, this, props);
    this.id = this.resource.id;
    this.securityGroupAssociations = associateSecurityGroups(this, this.name, this.id, props.applicationSecurityGroupIds ?? [], props.provider);

    if (this.dnsMode === 'records' && zone) {
      this.dnsRecord = new BatchDnsRecord(this, 'DnsRecord', {
        zone,
        recordName: this.recordName,
        ipAddress: this.privateIpAddress,
        ttl: props.dns?.ttl,
        key: endpointKey(this.name),
        owner: { account: this.account, subResource: this.subResource },
        endpoint: this.resource,
      });
    }
    if (this.dnsMode === 'zoneGroup') zone?.healing?.addZoneGroup(this.recordName, { account: this.account, subResource: this.subResource });
    BatchGuards.of(this);
  }

  /** The endpoint's IP: the static IP, or the one Azure assigned (known after apply). */
  public get privateIpAddress(): string {
    return this.staticIp ?? this.resource.privateServiceConnection.privateIpAddress;
  }

  /**
   * The public FQDN clients use, which private DNS answers with the endpoint's IP. Known at synth for
   * `batchAccount`; for `nodeManagement` it is the FQDN the endpoint exports, known after apply.
   */
  public get fqdn(): string {
    if (this.subResource === 'batchAccount') {
      return batchAccountFqdn(this.account.name, this.account.location, this.cloud);
    }
    if (this.dnsMode === 'records' || this.dnsMode === 'external') return this.resource.customDnsConfigs.get(0).fqdn;
    // With a zone group Azure leaves custom_dns_configs empty and reports the private zone's record instead.
    const fromZoneGroup = Fn.replace(this.resource.privateDnsZoneConfigs.get(0).recordSets.get(0).fqdn, '.privatelink.', '.');
    if (this.dnsMode === 'zoneGroup') return fromZoneGroup;
    // Policy adds its zone group some time after the endpoint is created: either may be there.
    return Token.asString(Fn.try([this.resource.customDnsConfigs.get(0).fqdn, fromZoneGroup]));
  }

  /**
   * The A record name in the private zone: the public FQDN less the cloud's public suffix. For `nodeManagement` in an
   * existing zone that reads its records, the name from the account's `nodeManagementEndpoint` once the account exists,
   * so that it is known at plan and a leftover record of that name can be adopted (see `AccountLookup`); else the
   * name from the endpoint's FQDN, known after apply.
   */
  public get recordName(): string {
    if (this.subResource === 'batchAccount') return batchAccountRecordName(this.account.name, this.account.location);
    const fromEndpoint = Fn.trimsuffix(this.fqdn, `.${batchPublicSuffix(this.cloud)}`);
    const zone = this.dnsMode === 'external' ? undefined : this.zone;
    const fromAccount = zone?.healing?.nodeManagementRecordName(this.account);
    return fromAccount === undefined ? fromEndpoint : `\${${fromAccount} != null ? ${fromAccount} : ${fromEndpoint}}`;
  }
}

/** Every problem with the props, each naming its prop (`dns.ttl`, `staticIp`, …). */
export function batchPrivateEndpointProblems(props: BatchPrivateEndpointProps): PropProblem[] {
  const mode = props.dns?.mode ?? 'records';
  const cloud = props.cloud ?? props.dns?.zone?.cloud ?? 'AzureCloud';
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  if (!isAzureCloud(cloud)) add('cloud', `must be one of ${AZURE_CLOUDS.join(', ')}, got ${JSON.stringify(cloud)}`);
  if (!isBatchSubResource(props.subResource)) {
    add('subResource', `must be one of ${BATCH_SUB_RESOURCES.join(', ')}, got ${JSON.stringify(props.subResource)}`);
  }
  if (props.name !== undefined && !Token.isUnresolved(props.name)) problems.push(...endpointNameProblems(props.name));
  const customNames = { networkInterfaceName: props.networkInterfaceName, connectionName: props.connectionName, 'dns.zoneGroupName': props.dns?.zoneGroupName };
  for (const [field, name] of Object.entries(customNames)) if (known(name)) add(field, privateLinkNameProblem(name));
  if (known(props.resourceGroupName)) add('resourceGroupName', resourceGroupNameProblem(props.resourceGroupName));
  problems.push(...locationProblems(props), ...subnetProblems(props));
  props.applicationSecurityGroupIds?.forEach((id, i) => add(`applicationSecurityGroupIds[${i}]`, literalResourceIdProblem(id, 'Microsoft.Network/applicationSecurityGroups')));
  if (props.manualApproval) {
    const message = props.manualApproval.requestMessage;
    add('manualApproval.requestMessage', typeof message === 'string' ? requestMessageProblem(message) : 'is required with manualApproval');
  }
  if (props.tags) problems.push(...tagProblems(props.tags));
  add('subscriptionId', crossSubscriptionProblem(
    props.subResource,
    props.subscriptionId ?? literalSubscription(props.subnet?.id),
    props.account?.subscriptionId,
  ));
  return [...problems, ...dnsProblems(props.dns, mode, cloud)];
}

/** Whether a prop is a string known at synth (not a token). */
function known(value: string | undefined): value is string {
  return typeof value === 'string' && !Token.isUnresolved(value);
}

/** The region props: each a region name, and the endpoint's the same as its VNet's. */
function locationProblems({ location, subnet }: BatchPrivateEndpointProps): PropProblem[] {
  const problems: PropProblem[] = [];
  if (known(location)) {
    const problem = anyRegionProblem(location);
    if (problem) problems.push({ field: 'location', problem });
  }
  if (known(subnet?.location)) {
    const problem = anyRegionProblem(subnet.location);
    if (problem) problems.push({ field: 'subnet.location', problem });
  }
  if (problems.length === 0 && known(location) && known(subnet?.location) && normalizeLocation(location) !== normalizeLocation(subnet.location)) {
    problems.push({
      field: 'location',
      problem: `must be the region of the subnet's VNet, ${normalizeLocation(subnet.location)} (Azure creates an endpoint in its VNet's region), got ${JSON.stringify(location)}; leave it out to take the VNet's`,
    });
  }
  return problems;
}

/** The subnet props: a prefix Azure accepts, and a static IP inside it. */
function subnetProblems({ staticIp, subnet }: BatchPrivateEndpointProps): PropProblem[] {
  const problems: PropProblem[] = [];
  // A malformed ID fails at apply (azurerm's subnet ID parser), and a misspelt segment is easy to miss in one.
  const idProblem = literalResourceIdProblem(subnet?.id, SUBNET_TYPE);
  if (idProblem) problems.push({ field: 'subnet.id', problem: idProblem });
  const prefix = known(subnet?.addressPrefix) ? subnet.addressPrefix : undefined;
  const prefixProblem = prefix === undefined ? undefined : subnetPrefixProblem(prefix);
  if (prefixProblem) problems.push({ field: 'subnet.addressPrefix', problem: prefixProblem });
  if (!known(staticIp)) return problems;
  const ipProblem = prefix !== undefined && !prefixProblem ? staticIpProblem(staticIp, prefix)
    : isIpv4(staticIp) ? undefined : `must be an IPv4 address, got ${JSON.stringify(staticIp)}`;
  return ipProblem ? [...problems, { field: 'staticIp', problem: ipProblem }] : problems;
}

function dnsProblems(dns: EndpointDns | undefined, mode: DnsMode, cloud: AzureCloud): PropProblem[] {
  if (!dns) return [{ field: 'dns', problem: `is required: give { zone } for Terraform-owned records, { mode: 'zoneGroup', zone }, or { mode: 'external' } to run DNS yourself` }];
  if (!DNS_MODES.includes(mode)) return [{ field: 'dns.mode', problem: `must be one of ${DNS_MODES.join(', ')}, got ${JSON.stringify(mode)}` }];
  const problems: PropProblem[] = [];
  if (mode === 'external' || mode === 'policyZoneGroup') {
    const why = mode === 'external' ? 'no DNS resources are made' : 'Azure Policy picks the zone';
    if (dns.zone) problems.push({ field: 'dns.zone', problem: `must not be set with dns.mode ${mode} (${why})` });
  } else if (!dns.zone) {
    problems.push({ field: 'dns.zone', problem: `is required with dns.mode ${mode}` });
  } else if (!Token.isUnresolved(dns.zone.name)) {
    const problem = existingZoneProblem(dns.zone.name, cloud);
    if (problem) problems.push({ field: 'dns.zone', problem });
  } else if (dns.zone.cloud !== cloud) {
    problems.push({ field: 'dns.zone', problem: `is the zone of ${dns.zone.cloud}, but the endpoint is in ${cloud}` });
  }
  if (dns.ttl !== undefined && (!Number.isInteger(dns.ttl) || dns.ttl < 1 || dns.ttl > 2147483647)) {
    problems.push({ field: 'dns.ttl', problem: `must be a whole number of seconds from 1 to 2147483647, got ${dns.ttl}` });
  }
  if (dns.ttl !== undefined && mode !== 'records') problems.push({ field: 'dns.ttl', problem: 'only applies with dns.mode records' });
  if (dns.zoneGroupName !== undefined && mode !== 'zoneGroup') problems.push({ field: 'dns.zoneGroupName', problem: 'only applies with dns.mode zoneGroup' });
  return problems;
}
