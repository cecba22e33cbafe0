import { Construct } from 'constructs';
import { TerraformOutput, TerraformResource } from 'cdktf';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { IBatchAccount } from '../account/batch-account-ref';
import type { BatchDiagnosticSettings } from '../governance/batch-diagnostic-settings';
import { BatchDnsOutputs } from '../dns/batch-dns-outputs';
import { BatchConnectionApprovers } from '../connections/batch-connection-approvers';
import { BatchEndpointConnections } from '../connections/batch-endpoint-connections';
import { AdoptedZone, IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { BatchZoneChoice, batchZoneChoice, importZoneLinks, ZoneLink } from '../dns/batch-zone-choice';
import { PrivateBatchAccount, PrivateBatchAccountProps } from '../account/private-batch-account';
import {
  DEFAULT_PRIVATE_BATCH_ENDPOINTS, adoptionParts, isExistingAccount, privateBatchConnectionProblems, privateBatchConnectionRule,
  privateBatchEndpointKey, privateBatchProblems,
} from './private-batch-problems';
import { PrivateBatchConnectionRule, PrivateBatchEndpoint, PrivateBatchProps } from './private-batch-props';
import type { PrivateBatchPool } from '../pools/private-batch-pool';
import type { PrivateBatchPoolOptions } from '../pools/private-batch-pool-props';
import type { PrivateBatchPoolDefaults, PrivateBatchPools } from '../pools/private-batch-pools';
import { reportProblems, setPropOrigin } from '../core/problems';
import type { ResourceLock, ResourceLockProps } from '../governance/resource-lock';
import type { RoleAssignments } from '../governance/role-assignments';
import type { LockSettings } from '../rules/locks';
import { endpointKey } from '../rules/logical-ids';
import { readOnlyLockWithPoolsProblem } from '../rules/lock-pools';
import { AdoptSettings, adoptSettings } from '../rules/adoption';
import { ExistingParts } from '../adoption/existing-parts';
import { AzureCloud } from '../rules/clouds';
import { DnsMode, dnsModeUsesZone } from '../rules/dns-modes';
import { literalResourceIdProblem, parseResourceId } from '../rules/resource-id';
import { ResolvedSubnet, resolveSubnet } from '../rules/subnets';

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
  public readonly privateAccount?: PrivateBatchAccount;
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
  private readonly poolDefaults: PrivateBatchPoolDefaults;
  private poolSet?: PrivateBatchPools;
  /** The account's subscription, when `adopt` imports the pools that exist. */
  private adoptPools?: string;

  constructor(scope: Construct, id: string, props: PrivateBatchProps) {
    super(scope, id);
    reportProblems(this, privateBatchProblems(props));
    const cloud = props.cloud ?? 'AzureCloud';
    const endpoints = props.endpoints ?? DEFAULT_PRIVATE_BATCH_ENDPOINTS;
    const existing = isExistingAccount(props.account);
    if (!existing) {
      const accountProps = props.account as PrivateBatchAccountProps;
      // `Default` is left out of cdktf's construct-path addresses: the account keeps the address it had as `<id>`.
      this.privateAccount = new PrivateBatchAccount(this, 'Default', { ...accountProps, provider: accountProps.provider ?? props.provider });
      setPropOrigin(this.privateAccount, { owner: this, path: 'account' });
    }
    this.account = this.privateAccount ?? (props.account as IBatchAccount);
    this.poolDefaults = { account: this.account, endpoints: () => this.endpoints, subnet: props.subnet, provider: props.provider, outputs: props.outputs };
    const subnet = props.subnet === undefined ? undefined : resolveSubnet(props.subnet);

    this.zoneChoice = this.chooseZone(props, endpoints, subnet, cloud);
    this.zone = props.dns?.zone ?? this.zoneChoice?.zone;
    this.vnetLinks = this.zoneChoice?.links ?? [];

    const unique = endpoints.filter((e, i) => endpoints.findIndex((o) => privateBatchEndpointKey(o) === privateBatchEndpointKey(e)) === i);
    this.endpoints = unique.map((endpoint) => this.addEndpoint(props, endpoint, endpoints.indexOf(endpoint), subnet, cloud));
    this.byKey = new Map(unique.map((endpoint, i) => [privateBatchEndpointKey(endpoint), this.endpoints[i]]));

    if (props.outputs && this.endpoints.length > 0) {
      this.dnsOutputs = new BatchDnsOutputs(this, 'dns', { endpoints: this.endpoints, zone: props.dns?.zone ? undefined : this.zone });
    }
    const rules = props.connections ?? [];
    // Rules with problems (reported above) have no key to build them by.
    if (rules.length > 0 && privateBatchConnectionProblems(props).length === 0) {
      this.connections = this.manageConnections(rules, props, cloud);
    }
    if (!existing && (props.connectionApprovers?.length ?? 0) > 0) {
      this.approvers = new BatchConnectionApprovers(this, 'approvers', { account: this.account, approvers: props.connectionApprovers!, provider: props.provider });
      setPropOrigin(this.approvers, { owner: this, path: '', fields: { approvers: 'connectionApprovers', account: 'account' } });
    }
    const accountParts = this.privateAccount ? this.addAccountParts(this.privateAccount, props) : {};
    this.roleAssignments = accountParts.roleAssignments;
    this.diagnosticSettings = accountParts.diagnosticSettings;
    this.lock = accountParts.lock;
    if (props.adopt) this.adopt(props, adoptSettings(props.adopt));
  }

  /** Role assignments, diagnostic settings and the lock of the account made here; the lock last. */
  private addAccountParts(account: PrivateBatchAccount, props: PrivateBatchProps): AccountParts {
    const provider = (props.account as PrivateBatchAccountProps).provider ?? props.provider;
    const roleAssignments = props.roleAssignments && new (optional().RoleAssignments)(account, 'RoleAssignments', {
      scope: account.id, scopeKey: account.name, assignments: props.roleAssignments, subscriptionId: account.subscriptionId, provider,
    });
    if (roleAssignments) setPropOrigin(roleAssignments, { owner: this, path: '', fields: { assignments: 'roleAssignments', subscriptionId: 'account.subscriptionId' } });
    const diagnosticSettings = props.diagnosticSettings && new (optional().BatchDiagnosticSettings)(account, 'DiagnosticSettings', {
      accountId: account.id, accountName: account.name, settings: props.diagnosticSettings, provider,
    });
    if (diagnosticSettings) setPropOrigin(diagnosticSettings, { owner: this, path: '', fields: { settings: 'diagnosticSettings' } });
    // After everything on the account that a ReadOnly lock would block.
    const lock = this.addLock(account, props.lock, 'lock', {
      resourceId: account.id, resourceName: account.name, key: account.name, provider,
      dependsOn: [
        ...this.endpoints.map((e) => e.resource), ...parts(roleAssignments?.assignments), ...parts(diagnosticSettings?.settings),
        ...(this.approvers?.assignments ?? []),
      ],
    });
    return { roleAssignments, diagnosticSettings, lock };
  }

  /** Import blocks for what exists already; the subscriptions they need are checked by privateBatchProblems. */
  /**
   * Import blocks for what exists already, each read at plan (`ExistingParts`): what is missing is created. The
   * subscriptions the import IDs need are checked by privateBatchProblems.
   */
  private adopt(props: PrivateBatchProps, adopt: Required<AdoptSettings>): void {
    const parts = adoptionParts(props);
    const account = this.privateAccount;
    const existing = ExistingParts.of(this);
    if (adopt.account && account && parts.accountSubscriptionId) {
      existing.importWhenExists(account.resource, {
        subscriptionId: parts.accountSubscriptionId, resourceGroupName: account.resource.resourceGroupNameInput ?? '',
        resource: { type: 'Microsoft.Batch/batchAccounts', name: account.name },
      }, account.resource.provider);
    }
    for (const endpoint of adopt.endpoints && parts.subscriptionId ? this.endpoints : []) {
      existing.importWhenExists(endpoint.resource, {
        subscriptionId: parts.subscriptionId!, resourceGroupName: endpoint.resource.resourceGroupNameInput ?? '',
        resource: { type: 'Microsoft.Network/privateEndpoints', name: endpoint.name },
      }, endpoint.resource.provider);
    }
    const link = this.vnetLinks.find((l) => l.node.id === 'EndpointVnet');
    // The zone itself is adopted where it is made (chooseZone), so that it heals before the endpoints write to it.
    if (this.zoneChoice && parts.zoneSubscriptionId && adopt.vnetLink && link) importZoneLinks(this.zoneChoice, parts.zoneSubscriptionId, [link]);
    this.adoptPools = adopt.pools && parts.accountSubscriptionId !== undefined ? parts.accountSubscriptionId : undefined;
  }

  /** A pool that exists in the account already is imported, with `adopt` (`pools`), instead of failing "already exists". */
  private adoptPool(pool: PrivateBatchPool): void {
    if (this.adoptPools === undefined) return;
    ExistingParts.of(this).importWhenExists(pool.resource, {
      // The account's resource group as given (a pool's refers to the account's attribute).
      subscriptionId: this.adoptPools, resourceGroupName: this.privateAccount?.resource.resourceGroupNameInput ?? pool.resource.resourceGroupNameInput ?? '',
      resource: { type: 'Microsoft.Batch/batchAccounts', name: this.account.name },
      child: { type: 'pools', name: pool.resource.nameInput ?? '' },
    }, pool.resource.provider);
  }

  /**
   * Adds a Batch pool of this account ({@link PrivateBatchPool}: no public IPs, simplified communication), in the
   * endpoints' subnet unless `subnet` says otherwise, made after the nodeManagement endpoints and their records,
   * with this construct's provider and `outputs` (then also `<account>_node_management_fqdn`, once).
   */
  public addPool(options: PrivateBatchPoolOptions): PrivateBatchPool {
    // Required here, not imported: a stack without pools never loads the pool code (BENCHMARKS.md).
    const { PrivateBatchPools: Pools } = require('../pools/private-batch-pools') as typeof import('../pools/private-batch-pools');
    this.poolSet ??= new Pools(this, this.poolDefaults);
    const pool = this.poolSet.add(options);
    // The lock comes after everything it would block: a pool is created, resized and updated under it.
    this.lock?.waitFor(pool.resource);
    // Reported once, at the first pool.
    const problem = this.pools.length === 1 ? readOnlyLockWithPoolsProblem(this.lock?.kind, [pool.name]) : undefined;
    if (problem) reportProblems(this, [problem]);
    this.adoptPool(pool);
    return pool;
  }

  /** The pools made with {@link addPool}, in order. */
  public get pools(): readonly PrivateBatchPool[] {
    return this.poolSet?.pools ?? [];
  }

  /** The `<account>_node_management_fqdn` output: the name the pools' nodes resolve, once a pool is added with `outputs`. */
  public get nodeManagementFqdn(): TerraformOutput | undefined {
    return this.poolSet?.nodeManagementFqdn;
  }

  /** The endpoint of a key: its name, or its sub-resource when it has no name. */
  public endpoint(key: string): BatchPrivateEndpoint | undefined {
    return this.byKey.get(key);
  }

  /** The zone made or imported here, with its links; undefined with `dns.zone`, or when no endpoint needs a zone. */
  private chooseZone(props: PrivateBatchProps, endpoints: readonly PrivateBatchEndpoint[], subnet: ResolvedSubnet | undefined, cloud: AzureCloud): BatchZoneChoice | undefined {
    const dns = props.dns ?? {};
    const usesZone = endpoints.some((e) => dnsModeUsesZone(modeOf(props, e)));
    if (dns.zone || !usesZone) return undefined;
    const links: ZoneLink[] = [];
    // A malformed VNet ID is reported at subnet.virtualNetwork.id (privateBatchProblems), not again at the link.
    if ((dns.linkSubnetVnet ?? true) && subnet?.vnetId !== undefined && subnet.vnetName !== undefined
      && literalResourceIdProblem(subnet.vnetId, 'Microsoft.Network/virtualNetworks') === undefined) {
      links.push({ id: 'EndpointVnet', name: dns.linkName ?? `link-${subnet.vnetName}`, virtualNetworkId: subnet.vnetId });
    }
    (dns.linkedVnetIds ?? []).forEach((virtualNetworkId, i) => {
      const name = parseResourceId(virtualNetworkId)?.name;
      if (name !== undefined) links.push({ id: `LinkedVnet${i + 1}`, name: `link-${name}`, virtualNetworkId, outsideStack: true });
    });
    const choice = batchZoneChoice(this, 'DnsZone', {
      zoneId: dns.zoneId,
      resourceGroupName: dns.resourceGroupName ?? this.endpointResourceGroup(props),
      cloud,
      provider: dns.provider,
      stackSubscriptionId: this.subscriptionId(props),
      links,
      ownHubVnetLinks: dns.ownHubVnetLinks,
      tags: this.tags(props),
      // An adopted account exists: its nodeManagement record may be in the zone to import, so it is looked up.
      healing: props.adopt && adoptSettings(props.adopt).account ? { lookUpAccounts: true, ...dns.healing } : dns.healing,
      azapiProvider: dns.azapiProvider,
      adopted: this.adoptedZone(props),
    });
    setPropOrigin(choice.zone, {
      owner: this,
      path: 'dns',
      fields: { cloud: 'cloud', resourceGroupName: dns.resourceGroupName ? 'dns.resourceGroupName' : 'endpointResourceGroupName', stackSubscriptionId: 'subscriptionId', tags: 'tags' },
    });
    return choice;
  }

  /** The zone's subscription, when `adopt` imports the zone made here (the import ID is checked by privateBatchProblems). */
  private adoptedZone(props: PrivateBatchProps): AdoptedZone | undefined {
    const subscriptionId = adoptionParts(props).zoneSubscriptionId;
    return props.adopt && adoptSettings(props.adopt).zone && subscriptionId ? { subscriptionId } : undefined;
  }

  private addEndpoint(props: PrivateBatchProps, endpoint: PrivateBatchEndpoint, index: number, subnet: ResolvedSubnet | undefined, cloud: AzureCloud): BatchPrivateEndpoint {
    const at = `endpoints[${index}]`;
    const mode = modeOf(props, endpoint);
    const created = new BatchPrivateEndpoint(this, privateBatchEndpointKey(endpoint), {
      account: this.account,
      subResource: endpoint.subResource,
      // The endpoint goes in its VNet's region (else the account's), and refuses an endpoint location that differs.
      subnet: { id: subnet?.id ?? '', addressPrefix: subnet?.addressPrefix, location: subnet?.vnetLocation },
      resourceGroupName: endpoint.resourceGroupName ?? this.endpointResourceGroup(props),
      location: endpoint.location,
      name: endpoint.name,
      staticIp: endpoint.staticIp,
      manualApproval: endpoint.manualApproval,
      subscriptionId: this.subscriptionId(props),
      cloud,
      dns: {
        mode,
        zone: dnsModeUsesZone(mode) ? this.zone : undefined,
        ttl: endpoint.dnsTtl ?? (mode === 'records' ? props.dns?.ttl : undefined),
        zoneGroupName: endpoint.zoneGroupName,
      },
      networkInterfaceName: endpoint.networkInterfaceName,
      connectionName: endpoint.connectionName,
      applicationSecurityGroupIds: endpoint.applicationSecurityGroupIds,
      tags: endpoint.tags ?? this.tags(props),
      provider: props.provider,
    });
    const roles = endpoint.roleAssignments && new (optional().RoleAssignments)(created, 'RoleAssignments', {
      scope: created.id, scopeKey: endpointKey(created.name), assignments: endpoint.roleAssignments, subscriptionId: this.subscriptionId(props), provider: props.provider,
    });
    if (roles) setPropOrigin(roles, { owner: this, path: '', fields: { assignments: `${at}.roleAssignments`, subscriptionId: 'subscriptionId' } });
    const inherited = endpoint.lock === undefined && props.lock !== undefined;
    // An inherited lock with problems is reported once, by the account's lock.
    const lock = inherited && optional().lockProblems(props.lock!).length > 0 ? undefined : endpoint.lock ?? props.lock;
    this.addLock(created, lock, inherited ? 'lock' : `${at}.lock`, {
      resourceId: created.id, resourceName: created.name, key: endpointKey(created.name), provider: props.provider,
      dependsOn: [...parts(roles?.assignments), ...created.securityGroupAssociations],
    });
    setPropOrigin(created, {
      owner: this,
      path: at,
      fields: {
        account: 'account',
        subnet: 'subnet',
        // A subnet given as a plain ID string is the prop itself.
        'subnet.id': typeof props.subnet === 'string' ? 'subnet' : 'subnet.id',
        'subnet.location': 'subnet.virtualNetwork.location',
        location: endpoint.location !== undefined ? `${at}.location` : subnet?.vnetLocation !== undefined ? 'subnet.virtualNetwork.location' : 'account.location',
        resourceGroupName: endpoint.resourceGroupName !== undefined ? `${at}.resourceGroupName` : 'endpointResourceGroupName',
        subscriptionId: 'subscriptionId',
        cloud: 'cloud',
        tags: endpoint.tags !== undefined ? `${at}.tags` : 'tags',
        'dns.mode': endpoint.dns !== undefined ? `${at}.dns` : 'dns.mode',
        'dns.ttl': endpoint.dnsTtl !== undefined ? `${at}.dnsTtl` : 'dns.ttl',
        'dns.zone': props.dns?.zoneId !== undefined ? 'dns.zoneId' : 'dns.zone',
        'dns.zoneGroupName': `${at}.zoneGroupName`,
      },
    });
    return created;
  }

  /**
   * The account owner's decisions on connections. A rule for an endpoint of this construct selects it by
   * reference, so the list is read once the endpoint exists; a manual endpoint's record then waits for the approval.
   */
  private manageConnections(rules: readonly PrivateBatchConnectionRule[], props: PrivateBatchProps, cloud: AzureCloud): BatchEndpointConnections {
    const connections = new BatchEndpointConnections(this, 'connections', {
      account: this.account,
      cloud,
      outputs: props.outputs,
      connections: rules.map((rule) => privateBatchConnectionRule(rule, (key) => this.endpoint(key))),
    });
    setPropOrigin(connections, { owner: this, path: '', fields: { account: 'account', cloud: 'cloud' } });
    rules.forEach((rule, i) => {
      const endpoint = rule.endpoint === undefined ? undefined : this.endpoint(rule.endpoint);
      if (endpoint?.manualApproval && rule.action === 'approve') endpoint.dnsRecord?.waitFor(connections.actions[i]);
    });
    return connections;
  }

  /** A lock on `scope`'s resource, unless there is none or it is `None`; its props came from `at`. */
  private addLock(scope: Construct, lock: LockSettings | undefined, at: string, props: Omit<ResourceLockProps, keyof LockSettings>): ResourceLock | undefined {
    if (!lock || lock.kind === 'None') return undefined;
    const created = new (optional().ResourceLock)(scope, 'Lock', { ...lock, ...props });
    setPropOrigin(created, { owner: this, path: at });
    return created;
  }

  private endpointResourceGroup(props: PrivateBatchProps): string {
    if (props.endpointResourceGroupName !== undefined) return props.endpointResourceGroupName;
    return isExistingAccount(props.account) ? '' : props.account.resourceGroupName;
  }

  private subscriptionId(props: PrivateBatchProps): string | undefined {
    return props.subscriptionId ?? (isExistingAccount(props.account) ? undefined : props.account.subscriptionId);
  }

  private tags(props: PrivateBatchProps): Record<string, string> | undefined {
    return props.tags ?? (isExistingAccount(props.account) ? undefined : props.account.tags);
  }
}

// CommonJS's require, for the modules loaded on use below (lib/ is built without Node's types).
declare const require: (id: string) => unknown;

/**
 * The constructs of the opt-in interfaces, loaded when a `PrivateBatch` uses one: a synth that uses none loads
 * neither their files nor their provider modules (about a tenth of the default example's synth time).
 */
function optional(): typeof import('../governance/resource-lock') & typeof import('../governance/role-assignments') & typeof import('../governance/batch-diagnostic-settings') & typeof import('../rules/locks') {
  return {
    ...(require('../governance/resource-lock') as typeof import('../governance/resource-lock')),
    ...(require('../governance/role-assignments') as typeof import('../governance/role-assignments')),
    ...(require('../governance/batch-diagnostic-settings') as typeof import('../governance/batch-diagnostic-settings')),
    ...(require('../rules/locks') as typeof import('../rules/locks')),
  };
}

/** What a `PrivateBatch` adds on the account it makes. */
interface AccountParts {
  readonly roleAssignments?: RoleAssignments;
  readonly diagnosticSettings?: BatchDiagnosticSettings;
  readonly lock?: ResourceLock;
}

function parts(record: Readonly<Record<string, TerraformResource>> | undefined): TerraformResource[] {
  return Object.values(record ?? {});
}

function modeOf(props: PrivateBatchProps, endpoint: PrivateBatchEndpoint): DnsMode {
  return endpoint.dns ?? props.dns?.mode ?? 'records';
}
