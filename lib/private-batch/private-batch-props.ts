import { TerraformProvider } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';
import type { ZoneHealingProps } from '../dns/zone-healing';
import { ManualApproval } from '../endpoints/batch-private-endpoint';
import { BatchAccountProps } from '../account/batch-account';
import { AzureCloud } from '../rules/clouds';
import { ConnectionApprover } from '../rules/approvers';
import { ConnectionRule } from '../rules/connections';
import { AdoptSettings } from '../rules/adoption';
import { DiagnosticSettingSettings } from '../rules/diagnostics';
import { DnsMode } from '../rules/dns-modes';
import { LockSettings } from '../rules/locks';
import { RoleAssignmentSettings } from '../rules/roles';
import { SubnetInfo } from '../rules/subnets';
import { BatchSubResource } from '../rules/sub-resources';

/** One private endpoint of a {@link PrivateBatch}. */
export interface PrivateBatchEndpoint {
  /** The sub-resource: `batchAccount` (the account API) or `nodeManagement` (what pool nodes use). */
  readonly subResource: BatchSubResource;
  /**
   * The endpoint name. With the sub-resource it is also how connection rules (`endpoint`) name the endpoint.
   * @default `pe-<account>-<subresource>`
   */
  readonly name?: string;
  /**
   * A static IP in the subnet's usable range.
   * @default a dynamic IP
   */
  readonly staticIp?: string;
  /**
   * How this endpoint's name resolves.
   * @default `dns.mode`
   */
  readonly dns?: DnsMode;
  /**
   * The A record's TTL in seconds, for `records`.
   * @default `dns.ttl`
   */
  readonly dnsTtl?: number;
  /**
   * Ask the account owner for approval instead of connecting automatically.
   * @default automatic approval
   */
  readonly manualApproval?: ManualApproval;
  /**
   * The endpoint's region.
   * @default the subnet's VNet region when known, else the account's
   */
  readonly location?: string;
  /**
   * The endpoint's resource group.
   * @default `endpointResourceGroupName`
   */
  readonly resourceGroupName?: string;
  /**
   * Tags for the endpoint.
   * @default `tags`
   */
  readonly tags?: Record<string, string>;
  /**
   * The endpoint's network interface name.
   * @default `<endpoint name>-nic`
   */
  readonly networkInterfaceName?: string;
  /**
   * The endpoint's private link service connection name.
   * @default `<endpoint name>-connection`
   */
  readonly connectionName?: string;
  /**
   * Application security groups for the endpoint's NIC, by resource ID.
   * @default none
   */
  readonly applicationSecurityGroupIds?: readonly string[];
  /**
   * The zone group's name, with `dns: 'zoneGroup'`.
   * @default 'batch'
   */
  readonly zoneGroupName?: string;
  /**
   * A lock on the endpoint; `{ kind: 'None' }` for none.
   * @default the account's `lock`
   */
  readonly lock?: LockSettings;
  /**
   * Role assignments on the endpoint, by a key that names each one's address (`role_<endpoint key>_<key>`).
   * @default none
   */
  readonly roleAssignments?: Readonly<Record<string, RoleAssignmentSettings>>;
}

/** DNS of a {@link PrivateBatch}'s endpoints. */
export interface PrivateBatchDns {
  /**
   * `records` (Terraform-owned A records), `zoneGroup` (Azure writes the records), `policyZoneGroup` (Azure Policy
   * adds the zone group; Terraform makes none and ignores Policy's) or `external` (your DNS, the explicit opt-out
   * of private DNS). An endpoint's own `dns` wins.
   * @default 'records'
   */
  readonly mode?: DnsMode;
  /**
   * A zone of this app to use as it is, e.g. one zone shared by several accounts. Its VNet links are its owner's.
   * @default none: `zoneId`, or a zone created here
   */
  readonly zone?: IBatchPrivateDnsZone;
  /**
   * An existing zone by ID, e.g. a hub zone in another subscription (give `provider` for it).
   * @default none: `zone`, or a zone created here
   */
  readonly zoneId?: string;
  /**
   * The azurerm provider for the zone, its links and its records: an alias for a hub zone's subscription.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
  /**
   * The resource group for a zone created here.
   * @default the account's resource group (`endpointResourceGroupName` with an existing account)
   */
  readonly resourceGroupName?: string;
  /**
   * Link the subnet's VNet to a zone created here or given by `zoneId`, so that it resolves the endpoints' names.
   * @default true
   */
  readonly linkSubnetVnet?: boolean;
  /**
   * The name of the zone's link to the subnet's VNet, e.g. a portal-made link's, to adopt it.
   * @default `link-<VNet name>`
   */
  readonly linkName?: string;
  /**
   * More VNets to resolve through the zone (literal IDs: the link is named after the VNet), e.g. a hub VNet. A zone
   * created here is linked to them. A zone given by `zoneId` (a hub's) is not: the stack checks during plan that the
   * link exists and warns when it does not, and never creates or deletes it, unless `ownHubVnetLinks`.
   * @default none
   */
  readonly linkedVnetIds?: readonly string[];
  /**
   * Own the links of a zone given by `zoneId` to `linkedVnetIds`: create them, and delete them on destroy. A named
   * opt-in (`sharedVnetLink`) the review lists: the hub VNet's link is the platform team's, made once, and every VNet
   * that resolves through the hub loses Batch names when a spoke's destroy deletes it (Azure links a VNet to a zone
   * once, so a second spoke that owns it fails with 409 Conflict).
   * @default false
   */
  readonly ownHubVnetLinks?: boolean;
  /**
   * The A records' TTL in seconds.
   * @default 10
   */
  readonly ttl?: number;
  /**
   * What a zone given by `zoneId` does about records from before this stack: adopt the ones it writes, report (or
   * remove) stale ones of the account, warn about the legacy zone. See {@link ZoneHealingProps}. A zone created here
   * starts empty and reads nothing.
   * @default adopt existing records, report stale ones, check for legacy zones; remove nothing
   */
  readonly healing?: ZoneHealingProps;
  /**
   * The azapi provider for the plan-time reads of a zone given by `zoneId`.
   * @default one that matches `provider`: the same alias and subscription, or the stack's default azapi provider
   */
  readonly azapiProvider?: TerraformProvider;
}

/**
 * A connection rule of a {@link PrivateBatch}: a {@link ConnectionRule}, or one that names an endpoint of this
 * construct (`endpoint`, its name or sub-resource). A manual endpoint's A record then waits for the approval.
 */
export interface PrivateBatchConnectionRule extends Omit<ConnectionRule, 'privateEndpoint'> {
  /**
   * An endpoint of this construct, by name or sub-resource, instead of `privateEndpointId` or `connectionName`.
   * The rule's key derives from its name.
   * @default none
   */
  readonly endpoint?: string;
}

/** Props of {@link PrivateBatch}. */
export interface PrivateBatchProps {
  /**
   * The account: the props of a new private account, or an account that exists elsewhere
   * (`batchAccountFromId`), e.g. another team's, to make endpoints to.
   */
  readonly account: BatchAccountProps | IBatchAccount;
  /**
   * The endpoints' subnet: its resource ID, an azurerm `Subnet` construct, or a {@link SubnetInfo} with its
   * prefix and VNet. Required when there are endpoints.
   * @default none
   */
  readonly subnet?: string | SubnetInfo;
  /**
   * The endpoints, at most one per sub-resource and DNS name.
   * @default one per sub-resource (`batchAccount`, `nodeManagement`), dynamic IPs
   */
  readonly endpoints?: readonly PrivateBatchEndpoint[];
  /**
   * DNS for the endpoints.
   * @default a zone created in the account's resource group, linked to the subnet's VNet, with Terraform-owned records
   */
  readonly dns?: PrivateBatchDns;
  /**
   * The resource group for the endpoints.
   * @default the new account's resource group; required with an existing account
   */
  readonly endpointResourceGroupName?: string;
  /**
   * The subscription the endpoints are created in, when known at synth (checked against the account's).
   * @default the new account's `subscriptionId`, else the subscription in a literal subnet ID
   */
  readonly subscriptionId?: string;
  /**
   * The cloud: it picks the zone and the public DNS suffix.
   * @default 'AzureCloud'
   */
  readonly cloud?: AzureCloud;
  /**
   * Decisions on endpoint connections (approve, reject, remove), through azapi: the account owner's, on a new
   * account. On an existing account, only approve rules for this construct's own endpoints with `manualApproval`,
   * when the owner made this stack's identity an approver (`connectionApprovers`, `BatchConnectionApprovers`).
   * @default none
   */
  readonly connections?: readonly PrivateBatchConnectionRule[];
  /**
   * Delegated approval: principals (other teams' deployment identities) that may approve their own endpoints'
   * connections to the account from their stacks (a custom role with `privateEndpointConnections/read` and `/write`
   * and `batchAccounts/read`, assigned on the account; see `BatchConnectionApprovers`). Only for a new account.
   * @default none
   */
  readonly connectionApprovers?: readonly ConnectionApprover[];
  /**
   * Add outputs: FQDN → IP of each endpoint, the record FQDNs, the ID of a zone made or imported here, and the
   * account's connections when there are connection rules.
   * @default false
   */
  readonly outputs?: boolean;
  /**
   * Tags for the endpoints and for a zone created here.
   * @default the account's tags
   */
  readonly tags?: Record<string, string>;
  /**
   * A management lock on the account (`lock_<account>`), which its endpoints inherit unless they set their own.
   * The lock is made after the account's other parts, which a `ReadOnly` lock would block. Only for a new account.
   * @default none
   */
  readonly lock?: LockSettings;
  /**
   * Role assignments on the account, by a key that names each one's address (`role_<account>_<key>`). Only for a
   * new account.
   * @default none
   */
  readonly roleAssignments?: Readonly<Record<string, RoleAssignmentSettings>>;
  /**
   * Diagnostic settings of the account, at most five, by a key that names each one (`diag_<account>_<key>`). Only
   * for a new account.
   * @default none
   */
  readonly diagnosticSettings?: Readonly<Record<string, DiagnosticSettingSettings>>;
  /**
   * Bring a setup made elsewhere (the portal, say) under this stack without recreating it: Terraform `import`
   * blocks (Terraform 1.5+) for the account, the endpoints, a zone made here and its link to the subnet's VNet,
   * with IDs built from the subscription, resource group and name of each, which must be known at synth. Give the
   * existing names (`endpoints[].name`, `networkInterfaceName`, `connectionName`, `zoneGroupName`,
   * `dns.linkName`) so the plan shows "will be imported" and no replacement. Leave it on or drop it after the
   * first apply: an import of what is in the state already does nothing.
   * @default false
   */
  readonly adopt?: boolean | AdoptSettings;
  /**
   * The azurerm provider for the account and the endpoints.
   * @default the stack's default azurerm provider (the account's `provider` wins for the account)
   */
  readonly provider?: TerraformProvider;
}
