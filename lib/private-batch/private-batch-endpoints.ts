import type { Construct } from 'constructs';
import { IBatchAccount } from '../account/batch-account-ref';
import { IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { setPropOrigin } from '../core/problems';
import { AzureCloud } from '../rules/clouds';
import { dnsModeUsesZone } from '../rules/dns-modes';
import { endpointKey } from '../rules/logical-ids';
import { ResolvedSubnet } from '../rules/subnets';
import { privateBatchEndpointKey } from './private-batch-problems';
import { PrivateBatchEndpoint, PrivateBatchProps } from './private-batch-props';
import { defaultTags, endpointResourceGroup, modeOf, optional, parts, stackSubscriptionId } from './private-batch-defaults';
import { addLock } from './private-batch-governance';

/** What the endpoints of a `PrivateBatch` share. */
export interface EndpointTarget {
  readonly props: PrivateBatchProps;
  readonly account: IBatchAccount;
  readonly zone?: IBatchPrivateDnsZone;
  readonly subnet?: ResolvedSubnet;
  readonly cloud: AzureCloud;
}

/** The endpoints to make: the first of each key. */
export function uniqueEndpoints(endpoints: readonly PrivateBatchEndpoint[]): PrivateBatchEndpoint[] {
  return endpoints.filter((e, i) => endpoints.findIndex((o) => privateBatchEndpointKey(o) === privateBatchEndpointKey(e)) === i);
}

/**
 * The endpoints part of a `PrivateBatch` (`owner`): the endpoint of `endpoints[index]`, with its role assignments
 * and its lock (its own, or the construct's).
 */
export function addEndpoint(owner: Construct, target: EndpointTarget, endpoint: PrivateBatchEndpoint, index: number): BatchPrivateEndpoint {
  const { props, subnet } = target;
  const at = `endpoints[${index}]`;
  const mode = modeOf(props, endpoint);
  const created = new BatchPrivateEndpoint(owner, privateBatchEndpointKey(endpoint), {
    account: target.account,
    subResource: endpoint.subResource,
    // The endpoint goes in its VNet's region (else the account's), and refuses an endpoint location that differs.
    subnet: { id: subnet?.id ?? '', addressPrefix: subnet?.addressPrefix, location: subnet?.vnetLocation },
    resourceGroupName: endpoint.resourceGroupName ?? endpointResourceGroup(props),
    location: endpoint.location,
    name: endpoint.name,
    staticIp: endpoint.staticIp,
    manualApproval: endpoint.manualApproval,
    subscriptionId: stackSubscriptionId(props),
    cloud: target.cloud,
    dns: {
      mode,
      zone: dnsModeUsesZone(mode) ? target.zone : undefined,
      ttl: endpoint.dnsTtl ?? (mode === 'records' ? props.dns?.ttl : undefined),
      zoneGroupName: endpoint.zoneGroupName,
    },
    networkInterfaceName: endpoint.networkInterfaceName,
    connectionName: endpoint.connectionName,
    applicationSecurityGroupIds: endpoint.applicationSecurityGroupIds,
    tags: endpoint.tags ?? defaultTags(props),
    provider: props.provider,
  });
  addEndpointGovernance(owner, props, endpoint, at, created);
  setPropOrigin(created, { owner, path: at, fields: endpointOrigins(props, endpoint, at, subnet) });
  return created;
}

/** The endpoint's role assignments and lock: its own, else the construct's (`lock`), after the assignments. */
function addEndpointGovernance(owner: Construct, props: PrivateBatchProps, endpoint: PrivateBatchEndpoint, at: string, created: BatchPrivateEndpoint): void {
  const roles = endpoint.roleAssignments && new (optional().RoleAssignments)(created, 'RoleAssignments', {
    scope: created.id, scopeKey: endpointKey(created.name), assignments: endpoint.roleAssignments, subscriptionId: stackSubscriptionId(props), provider: props.provider,
  });
  if (roles) setPropOrigin(roles, { owner, path: '', fields: { assignments: `${at}.roleAssignments`, subscriptionId: 'subscriptionId' } });
  const inherited = endpoint.lock === undefined && props.lock !== undefined;
  // An inherited lock with problems is reported once, by the account's lock.
  const lock = inherited && optional().lockProblems(props.lock!).length > 0 ? undefined : endpoint.lock ?? props.lock;
  addLock(owner, created, lock, inherited ? 'lock' : `${at}.lock`, {
    resourceId: created.id, resourceName: created.name, key: endpointKey(created.name), provider: props.provider,
    dependsOn: [...parts(roles?.assignments), ...created.securityGroupAssociations],
  });
}

/** Where the endpoint's props came from in the construct's: its own field, or the construct's that it inherits. */
function endpointOrigins(props: PrivateBatchProps, endpoint: PrivateBatchEndpoint, at: string, subnet: ResolvedSubnet | undefined): Record<string, string> {
  return {
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
  };
}
