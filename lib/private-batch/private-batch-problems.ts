import { Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchAccountProps } from '../account/batch-account';
import { PrivateBatchConnectionRule, PrivateBatchEndpoint, PrivateBatchProps } from './private-batch-props';
import { adoptSettings, importIdPartProblems } from '../rules/adoption';
import { ConnectionEndpointRef, ConnectionRule, connectionRuleProblems } from '../rules/connections';
import { dnsModeUsesZone } from '../rules/dns-modes';
import { defaultEndpointName } from '../rules/naming';
import { PropProblem } from '../rules/problems';
import { literalResourceIdProblem, resourceIdProblem, resourceIdTemplate } from '../rules/resource-id';
import { resolveSubnet } from '../rules/subnets';
import { BATCH_SUB_RESOURCES } from '../rules/sub-resources';

const VNET_TYPE = 'Microsoft.Network/virtualNetworks';
const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/** The endpoints a `PrivateBatch` makes when its props name none: one per sub-resource. */
export const DEFAULT_PRIVATE_BATCH_ENDPOINTS: readonly PrivateBatchEndpoint[] = BATCH_SUB_RESOURCES.map((subResource) => ({ subResource }));

/** Whether the account prop is an existing account (an ID to connect to) rather than the props of a new one. */
export function isExistingAccount(account: BatchAccountProps | IBatchAccount): account is IBatchAccount {
  return typeof (account as IBatchAccount).id === 'string';
}

/**
 * How connection rules and construct IDs name an endpoint of a `PrivateBatch`: its name, else its sub-resource.
 * Two endpoints of one account need different keys.
 */
export function privateBatchEndpointKey(endpoint: { readonly name?: string; readonly subResource: string }): string {
  return endpoint.name ?? endpoint.subResource;
}

/**
 * Problems with a `PrivateBatch`'s own props (its parts report theirs): each naming the prop as the caller spells
 * it. Pure, so an app that builds the props from a file can call it too.
 */
export function privateBatchProblems(props: PrivateBatchProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string): void => {
    problems.push({ field, problem });
  };
  const endpoints = props.endpoints ?? DEFAULT_PRIVATE_BATCH_ENDPOINTS;
  const existing = props.account !== undefined && isExistingAccount(props.account);
  if (props.account === undefined) add('account', 'is required: the props of a new account, or an existing one (batchAccountFromId)');
  if (endpoints.length > 0 && props.subnet === undefined) add('subnet', 'is required for the endpoints: a subnet ID, a Subnet construct, or { id, addressPrefix, virtualNetwork }');
  const keys = endpoints.map(privateBatchEndpointKey);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) === i) return;
    const field = endpoints[i].name === undefined ? `endpoints[${i}].subResource` : `endpoints[${i}].name`;
    add(field, `names endpoint ${key} again; give a second endpoint of one sub-resource its own name`);
  });
  if (existing && props.endpointResourceGroupName === undefined) {
    add('endpointResourceGroupName', "is required with an existing account: the endpoints are yours, the account's resource group is not");
  }
  if (existing) problems.push(...delegatedApprovalProblems(props.connections ?? [], endpoints));
  if (existing && (props.connectionApprovers?.length ?? 0) > 0) {
    add('connectionApprovers', "only apply to an account made here: the account's owner grants approval of connections to it");
  }
  for (const field of ['lock', 'roleAssignments', 'diagnosticSettings'] as const) {
    if (existing && props[field] !== undefined) add(field, "only applies to an account made here: an existing account is its owner's to lock, share and monitor");
  }
  props.connections?.forEach((rule, i) => {
    if (rule.endpoint !== undefined && !keys.includes(rule.endpoint)) {
      add(`connections[${i}].endpoint`, `must name an endpoint of this account: ${keys.join(', ') || 'it has none'}`);
    }
  });
  problems.push(...privateBatchConnectionProblems(props));
  problems.push(...dnsProblems(props, endpoints));
  problems.push(...lockProblems(props, endpoints));
  problems.push(...adoptionProblems(props, endpoints));
  return problems;
}

/**
 * The library's rule for a rule of a `PrivateBatch`: its `endpoint` (a key) becomes the library's
 * `privateEndpoint`, the endpoint `endpointOf` finds for it.
 */
export function privateBatchConnectionRule(
  rule: PrivateBatchConnectionRule, endpointOf: (key: string) => ConnectionEndpointRef | undefined,
): ConnectionRule {
  const { endpoint, ...rest } = rule;
  if (endpoint === undefined) return rest;
  // A key that names no endpoint is reported on its own; a stand-in keeps the rule's other problems coming.
  return { ...rest, privateEndpoint: endpointOf(endpoint) ?? { id: `endpoint:${endpoint}`, name: endpoint } };
}

/**
 * The connection rules' problems, as the library's rule module finds them (the only definition of a valid rule),
 * in a `PrivateBatch`'s words: its `endpoint` where the library says `privateEndpoint`.
 */
export function privateBatchConnectionProblems(props: PrivateBatchProps): PropProblem[] {
  if (props.account === undefined || !props.connections?.length) return [];
  const accountName = props.account.name;
  const names = new Map((props.endpoints ?? DEFAULT_PRIVATE_BATCH_ENDPOINTS).map((e) => [
    privateBatchEndpointKey(e), e.name ?? defaultEndpointName(accountName, e.subResource),
  ]));
  const rules = props.connections.map((rule) => privateBatchConnectionRule(rule, (key) => {
    const name = names.get(key);
    return name === undefined ? undefined : { id: `endpoint:${key}`, name };
  }));
  const inOurWords = (text: string): string => text.replace(/\bprivateEndpoint\b/g, 'endpoint');
  return connectionRuleProblems(rules, accountName).map(({ field, problem }) => ({ field: inOurWords(field), problem: inOurWords(problem) }));
}

/**
 * On an existing account, a rule approves this stack's own endpoint, with the rights the account's owner delegated
 * (`BatchConnectionApprovers`: `privateEndpointConnections/write` on the account). That endpoint asks for approval
 * (`manualApproval`): Batch publishes no approval action, so an approver's endpoint is not approved at its creation,
 * and an automatic one would be refused (LinkedAuthorizationFailed). Rejecting and removing stay with the owner.
 */
function delegatedApprovalProblems(rules: readonly PrivateBatchConnectionRule[], endpoints: readonly PrivateBatchEndpoint[]): PropProblem[] {
  return rules.flatMap((rule, i): PropProblem[] => {
    const at = `connections[${i}]`;
    if (rule.action !== 'approve') {
      return [{ field: `${at}.action`, problem: `must be approve on an existing account, got "${rule.action}": this stack approves its own endpoint with the rights the owner delegated; rejecting and removing are the owner's` }];
    }
    if (rule.endpoint === undefined) {
      return [{ field: `${at}.endpoint`, problem: "is required on an existing account: a rule here approves an endpoint of this stack, not another stack's connection" }];
    }
    const endpoint = endpoints.find((e) => privateBatchEndpointKey(e) === rule.endpoint);
    if (endpoint === undefined || endpoint.manualApproval !== undefined) return [];
    return [{ field: `${at}.endpoint`, problem: `names endpoint ${rule.endpoint}, which connects automatically: give it manualApproval, so that it asks and this rule approves it (Batch publishes no action that approves an endpoint at its creation)` }];
  });
}

/** Where the import IDs of an adopted `PrivateBatch` come from, as far as the props give them. */
export interface AdoptionParts {
  /** The new account's subscription. */
  readonly accountSubscriptionId?: string;
  /** The endpoints' subscription. */
  readonly subscriptionId?: string;
  /** The subscription of a zone made here: its provider's, else the endpoints'. */
  readonly zoneSubscriptionId?: string;
}

/** The subscriptions that `adopt` builds import IDs from (resource groups and names are props of each part). */
export function adoptionParts(props: PrivateBatchProps): AdoptionParts {
  const account = props.account !== undefined && !isExistingAccount(props.account) ? props.account : undefined;
  const subscriptionId = props.subscriptionId ?? account?.subscriptionId;
  const zoneProvider = props.dns?.provider as { subscriptionIdInput?: string } | undefined;
  return { accountSubscriptionId: account?.subscriptionId, subscriptionId, zoneSubscriptionId: zoneProvider ? zoneProvider.subscriptionIdInput : subscriptionId };
}

/** `adopt` builds import IDs from subscriptions, resource groups and names: each must be given. */
function adoptionProblems(props: PrivateBatchProps, endpoints: readonly PrivateBatchEndpoint[]): PropProblem[] {
  const adopt = adoptSettings(props.adopt);
  const account = props.account !== undefined && !isExistingAccount(props.account) ? props.account : undefined;
  const parts = adoptionParts(props);
  const needed: Record<string, string | undefined> = {};
  if (adopt.account && account) needed['account.subscriptionId'] = parts.accountSubscriptionId;
  if (adopt.endpoints && endpoints.length > 0) needed[account && props.subscriptionId === undefined ? 'account.subscriptionId' : 'subscriptionId'] = parts.subscriptionId;
  const dns = props.dns ?? {};
  const zoneMade = dns.zone === undefined && dns.zoneId === undefined && endpoints.some((e) => dnsModeUsesZone(e.dns ?? dns.mode ?? 'records'));
  if (zoneMade && (adopt.zone || adopt.vnetLink)) {
    needed[dns.provider ? 'dns.provider' : account && props.subscriptionId === undefined ? 'account.subscriptionId' : 'subscriptionId'] = parts.zoneSubscriptionId;
  }
  return importIdPartProblems(needed).map((p) => (p.field === 'dns.provider'
    ? { field: p.field, problem: "must set subscription_id with adopt: the zone's import ID is built from it" }
    : p));
}

/**
 * A lock applies to the locked resource's children (Learn, Management Locks REST API), and the account's private
 * endpoint connections are its children: `ReadOnly` blocks every connection rule, `CanNotDelete` blocks `remove`.
 */
function lockProblems(props: PrivateBatchProps, endpoints: readonly PrivateBatchEndpoint[]): PropProblem[] {
  const kind = props.lock?.kind;
  const rules = props.connections ?? [];
  const problems: PropProblem[] = [];
  if (kind === 'ReadOnly' && rules.length > 0) {
    problems.push({ field: 'lock.kind', problem: "ReadOnly blocks the connection rules: their PATCH and DELETE act on the account's private endpoint connections, which inherit the account's lock; use CanNotDelete, or no rules" });
  }
  rules.forEach((rule, i) => {
    if (kind === 'CanNotDelete' && rule.action === 'remove') {
      problems.push({ field: `connections[${i}].action`, problem: "remove deletes a private endpoint connection, a child of the account, which the account's CanNotDelete lock forbids" });
    }
  });
  endpoints.forEach((endpoint, i) => {
    const mode = endpoint.dns ?? props.dns?.mode ?? 'records';
    if (mode === 'policyZoneGroup' && (endpoint.lock ?? props.lock)?.kind === 'ReadOnly') {
      problems.push({
        field: endpoint.lock ? `endpoints[${i}].lock.kind` : 'lock.kind',
        problem: `ReadOnly on endpoint ${privateBatchEndpointKey(endpoint)} would stop Azure Policy from adding its zone group (a child of the endpoint); use CanNotDelete`,
      });
    }
  });
  return problems;
}

function dnsProblems(props: PrivateBatchProps, endpoints: readonly PrivateBatchEndpoint[]): PropProblem[] {
  const dns = props.dns ?? {};
  const problems: PropProblem[] = [];
  if (dns.zone !== undefined && dns.zoneId !== undefined) problems.push({ field: 'dns.zoneId', problem: 'must not be set with dns.zone: give one zone' });
  if (dns.ttl !== undefined && !endpoints.some((e) => (e.dns ?? dns.mode ?? 'records') === 'records')) {
    problems.push({ field: 'dns.ttl', problem: 'only applies with dns.mode records, and no endpoint uses it' });
  }
  const ownsZone = dns.zone === undefined && endpoints.some((e) => dnsModeUsesZone(e.dns ?? dns.mode ?? 'records'));
  if (!ownsZone) {
    for (const field of ['linkedVnetIds', 'resourceGroupName', 'healing', 'azapiProvider'] as const) {
      if (dns[field] !== undefined) problems.push({ field: `dns.${field}`, problem: dns.zone ? 'only applies to a zone made here or given by zoneId, not to dns.zone' : 'only applies when an endpoint uses private DNS' });
    }
    return problems;
  }
  (dns.linkedVnetIds ?? []).forEach((id, i) => {
    const problem = Token.isUnresolved(id) ? `must be known at synth: ${resourceIdTemplate(VNET_TYPE)}, got a token` : resourceIdProblem(id, VNET_TYPE);
    if (problem) problems.push({ field: `dns.linkedVnetIds[${i}]`, problem });
  });
  if ((dns.linkSubnetVnet ?? true) && props.subnet !== undefined) {
    const subnet = resolveSubnet(props.subnet);
    const vnetId = typeof props.subnet === 'string' ? undefined : props.subnet.virtualNetwork?.id;
    const vnetIdProblem = literalResourceIdProblem(vnetId, VNET_TYPE);
    if (vnetIdProblem) problems.push({ field: 'subnet.virtualNetwork.id', problem: vnetIdProblem });
    // A literal subnet ID that is malformed is reported as such by the endpoints (at subnet); it is no missing VNet.
    const malformed = vnetIdProblem !== undefined || literalResourceIdProblem(subnet.id, SUBNET_TYPE) !== undefined;
    if (!malformed && (subnet.vnetId === undefined || subnet.vnetName === undefined)) {
      problems.push({
        field: 'subnet',
        problem: "has no known VNet to link the zone to: give a literal subnet ID, or virtualNetwork { id, name } (a VirtualNetwork construct fits), or set dns.linkSubnetVnet: false and link it yourself",
      });
    }
  }
  return problems;
}
