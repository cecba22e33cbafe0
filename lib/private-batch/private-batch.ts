import { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { IBatchAccount } from '../account/batch-account-ref';
import type { BatchDiagnosticSettings } from '../governance/batch-diagnostic-settings';
import { BatchDnsOutputs } from '../dns/batch-dns-outputs';
import { BatchConnectionApprovers } from '../connections/batch-connection-approvers';
import { BatchEndpointConnections } from '../connections/batch-endpoint-connections';
import { IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { BatchZoneChoice } from '../dns/batch-zone-choice';
import { BatchAccount } from '../account/batch-account';
import {
  DEFAULT_PRIVATE_BATCH_ENDPOINTS, isExistingAccount, privateBatchConnectionProblems, privateBatchEndpointKey, privateBatchProblems,
} from './private-batch-problems';
import { PrivateBatchProps } from './private-batch-props';
import type { BatchPool } from '../pools/batch-pool';
import type { PrivateBatchPoolOptions } from '../pools/batch-pool-props';
import { reportProblems } from '../core/problems';
import type { ResourceLock } from '../governance/resource-lock';
import type { RoleAssignments } from '../governance/role-assignments';
import { readOnlyLockWithPoolsProblem } from '../rules/lock-pools';
import { adoptSettings } from '../rules/adoption';
import { resolveSubnet } from '../rules/subnets';
import { addAccount } from './private-batch-account-part';
import { chooseZone } from './private-batch-zone';
import { addEndpoint, uniqueEndpoints } from './private-batch-endpoints';
import { addApprovers, manageConnections } from './private-batch-connections';
import { addAccountParts } from './private-batch-governance';
import { adoptExisting, adoptPool } from './private-batch-adoption';
import { PrivateBatchPoolSet } from './private-batch-pool-set';

/**
 * A private Batch account with everything it needs, from one construct: the account (public network access off,
 * Entra ID auth only), one private endpoint per sub-resource, private DNS (a zone made here or a hub zone by ID,
 * its VNet links, Terraform-owned A records or zone groups), connection rules and opt-in outputs. Or, given an
 * existing account, the endpoints and DNS to reach it.
 *
 * It is a composition of the library's public constructs, and adds nothing they could not do: each part is a
 * typed attribute, to customize further. The account is the child `Default`, which cdktf leaves out of
 * construct-path addresses, so the parts keep the paths (and the `moved` blocks from 0.1 addresses) they had when
 * an app built them beside each other under a construct of the account's name.
 */
export class PrivateBatch extends Construct {
  /** The account the endpoints connect to. */
  public readonly account: IBatchAccount;
  /** The account made here; undefined with an existing account. */
  public readonly privateAccount?: BatchAccount;
  /** The endpoints, in the order of `endpoints`. */
  public readonly endpoints: readonly BatchPrivateEndpoint[];
  /** The zone the endpoints' names are written to: `dns.zone`, or the one made or imported here. */
  public readonly zone?: IBatchPrivateDnsZone;
  /** The VNet links made here: the subnet's VNet first, then `dns.linkedVnetIds`. */
  public readonly vnetLinks: readonly PrivateDnsZoneVirtualNetworkLink[];
  /** The connection rules, when there are any. */
  public readonly connections?: BatchEndpointConnections;
  /** The delegated approvers' role and assignments, when there are any. */
  public readonly approvers?: BatchConnectionApprovers;
  /** The DNS outputs, with `outputs`. */
  public readonly dnsOutputs?: BatchDnsOutputs;
  /** The role assignments on the account, with `roleAssignments`. */
  public readonly roleAssignments?: RoleAssignments;
  /** The account's diagnostic settings, with `diagnosticSettings`. */
  public readonly diagnosticSettings?: BatchDiagnosticSettings;
  /** The lock on the account, with `lock`. */
  public readonly lock?: ResourceLock;

  private readonly byKey: Map<string, BatchPrivateEndpoint>;
  private readonly zoneChoice?: BatchZoneChoice;
  private readonly poolSet: PrivateBatchPoolSet;
  /** The account's subscription, when `adopt` imports the pools that exist. */
  private adoptPools?: string;

  constructor(scope: Construct, id: string, props: PrivateBatchProps) {
    super(scope, id);
    reportProblems(this, privateBatchProblems(props));
    const cloud = props.cloud ?? 'AzureCloud';
    const endpoints = props.endpoints ?? DEFAULT_PRIVATE_BATCH_ENDPOINTS;
    const existing = isExistingAccount(props.account);
    this.privateAccount = addAccount(this, props);
    this.account = this.privateAccount ?? (props.account as IBatchAccount);
    this.poolSet = new PrivateBatchPoolSet(this, { account: this.account, endpoints: () => this.endpoints, subnet: props.subnet, provider: props.provider, outputs: props.outputs });
    const subnet = props.subnet === undefined ? undefined : resolveSubnet(props.subnet);

    this.zoneChoice = chooseZone(this, props, endpoints, subnet, cloud);
    this.zone = props.dns?.zone ?? this.zoneChoice?.zone;
    this.vnetLinks = this.zoneChoice?.links ?? [];

    const unique = uniqueEndpoints(endpoints);
    const target = { props, account: this.account, zone: this.zone, subnet, cloud };
    this.endpoints = unique.map((endpoint) => addEndpoint(this, target, endpoint, endpoints.indexOf(endpoint)));
    this.byKey = new Map(unique.map((endpoint, i) => [privateBatchEndpointKey(endpoint), this.endpoints[i]]));

    if (props.outputs && this.endpoints.length > 0) {
      this.dnsOutputs = new BatchDnsOutputs(this, 'dns', { endpoints: this.endpoints, zone: props.dns?.zone ? undefined : this.zone });
    }
    const rules = props.connections ?? [];
    // Rules with problems (reported above) have no key to build them by.
    if (rules.length > 0 && privateBatchConnectionProblems(props).length === 0) {
      this.connections = manageConnections(this, this.account, rules, props, cloud, (key) => this.endpoint(key));
    }
    if (!existing && (props.connectionApprovers?.length ?? 0) > 0) this.approvers = addApprovers(this, this.account, props);
    const accountParts = this.privateAccount ? addAccountParts(this, this.privateAccount, props, this) : {};
    this.roleAssignments = accountParts.roleAssignments;
    this.diagnosticSettings = accountParts.diagnosticSettings;
    this.lock = accountParts.lock;
    if (props.adopt) this.adoptPools = adoptExisting(this, props, adoptSettings(props.adopt), {
      privateAccount: this.privateAccount, endpoints: this.endpoints, vnetLinks: this.vnetLinks, zoneChoice: this.zoneChoice,
    });
  }

  /**
   * Adds a Batch pool of this account ({@link BatchPool}: no public IPs, simplified communication), in the
   * endpoints' subnet unless `subnet` says otherwise, made after the nodeManagement endpoints and their records,
   * with this construct's provider and `outputs` (then also `<account>_node_management_fqdn`, once).
   */
  public addPool(options: PrivateBatchPoolOptions): BatchPool {
    const pool = this.poolSet.add(options);
    // The lock comes after everything it would block: a pool is created, resized and updated under it.
    this.lock?.waitFor(pool.resource);
    // Reported once, at the first pool.
    const problem = this.pools.length === 1 ? readOnlyLockWithPoolsProblem(this.lock?.kind, [pool.name]) : undefined;
    if (problem) reportProblems(this, [problem]);
    // With `adopt` (`pools`), a pool that exists in the account already is imported instead of failing "already exists".
    if (this.adoptPools !== undefined) adoptPool(this, this.adoptPools, this.account, this.privateAccount, pool);
    return pool;
  }

  /** The pools made with {@link addPool}, in order. */
  public get pools(): readonly BatchPool[] {
    return this.poolSet.pools;
  }

  /** The `<account>_node_management_fqdn` output: the name the pools' nodes resolve, once a pool is added with `outputs`. */
  public get nodeManagementFqdn(): TerraformOutput | undefined {
    return this.poolSet.nodeManagementFqdn;
  }

  /** The endpoint of a key: its name, or its sub-resource when it has no name. */
  public endpoint(key: string): BatchPrivateEndpoint | undefined {
    return this.byKey.get(key);
  }
}
