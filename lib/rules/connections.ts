import { Token } from 'cdktf';
import { parseResourceId } from './resource-id';

/** What a rule does to a private endpoint connection of a Batch account. */
export const CONNECTION_ACTIONS = ['approve', 'reject', 'remove'] as const;

/** `approve`, `reject` or `remove`. */
export type ConnectionAction = (typeof CONNECTION_ACTIONS)[number];

/**
 * One decision about one private endpoint connection of a Batch account. Select the connection by exactly
 * one of `connectionName` and `privateEndpointId`.
 */
export interface ConnectionRule {
  /**
   * `approve` a Pending connection, `reject` a Pending or Approved one, or `remove` (delete) it, which leaves
   * the endpoint Disconnected.
   */
  readonly action: ConnectionAction;
  /**
   * Why; required for `approve` and `reject`, not allowed for `remove`. Azure keeps it on the connection
   * (`privateLinkServiceConnectionState.description`), where the endpoint's owner sees it.
   * @default none (only valid for `remove`)
   */
  readonly description?: string;
  /**
   * The connection's name, e.g. `pe-batch.0b1c…` (Azure names it `<endpoint name>.<GUID>`).
   * @default none: select by `privateEndpointId`
   */
  readonly connectionName?: string;
  /**
   * The ID of the private endpoint whose connection this is, usually a reference to an endpoint of this stack.
   * Matched case-insensitively against the connections' `properties.privateEndpoint.id`.
   * @default none: select by `connectionName`
   */
  readonly privateEndpointId?: string;
}

/** The api-versions of `Microsoft.Batch/batchAccounts/privateEndpointConnections` this library supports. */
export const BATCH_CONNECTION_API_VERSIONS = ['2024-07-01', '2025-06-01'] as const;

/** One of {@link BATCH_CONNECTION_API_VERSIONS}. */
export type BatchConnectionApiVersion = (typeof BATCH_CONNECTION_API_VERSIONS)[number];

/**
 * 2024-07-01: the version azurerm 4.x manages Batch accounts with (go-azure-sdk `batch/2024-07-01`), so the
 * account and its connections go through one API version; the connection's PATCH body and list shape are the
 * same in 2025-06-01.
 */
export const DEFAULT_BATCH_CONNECTION_API_VERSION: BatchConnectionApiVersion = '2024-07-01';

/** The `privateLinkServiceConnectionState.status` values of a connection. */
export type ConnectionStatus = 'Pending' | 'Approved' | 'Rejected' | 'Disconnected';

/** A problem with one prop, for `propError`. */
export interface PropProblem {
  /** The prop as the caller spells it, e.g. `connections[1].action`. */
  readonly field: string;
  /** What is wrong and what is allowed. */
  readonly problem: string;
}

/** The request a rule sends, and in which connection states it sends it. */
export interface ConnectionRequest {
  /** `PATCH` (approve, reject) or `DELETE` (remove); the connection API has no PUT. */
  readonly method: 'PATCH' | 'DELETE';
  /** The PATCH body; none for DELETE. */
  readonly body?: ConnectionStateBody;
  /** The statuses in which the request is sent; in any other a harmless GET stands in. Undefined: always. */
  readonly sendWhile?: readonly ConnectionStatus[];
  /** The statuses that satisfy the rule at all; any other fails the plan. Undefined: any status. */
  readonly acceptable?: readonly ConnectionStatus[];
}

/** The PATCH body that sets a connection's state. */
export interface ConnectionStateBody {
  /** The connection properties; only the state is sent. */
  readonly properties: {
    /** The new state and the reason for it. */
    readonly privateLinkServiceConnectionState: {
      /** `Approved` or `Rejected`. */
      readonly status: ConnectionStatus;
      /** The reason, kept by Azure. */
      readonly description: string;
    };
  };
}

/**
 * The JMESPath query for data `azapi_resource_list` that reduces each connection to what the rules and the
 * outputs read. `|| ''` turns a missing endpoint ID or status into an empty string, so that `lower()` never
 * sees null.
 */
export const CONNECTION_LIST_QUERY =
  "value[].{id: id, name: name, privateEndpointId: properties.privateEndpoint.id || '', " +
  "status: properties.privateLinkServiceConnectionState.status || ''}";

const CONNECTION_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** `Microsoft.Batch/batchAccounts/privateEndpointConnections@<apiVersion>`. */
export function connectionResourceType(apiVersion: string): string {
  return `Microsoft.Batch/batchAccounts/privateEndpointConnections@${apiVersion}`;
}

/** The ARM ID of the connection named `name` on the account `accountId`. */
export function connectionId(accountId: string, name: string): string {
  return `${accountId}/privateEndpointConnections/${name}`;
}

/** Whether a rule reads the connection list: to find its connection, or to check the connection's status. */
export function needsConnectionList(rule: ConnectionRule): boolean {
  return rule.privateEndpointId !== undefined || rule.action !== 'remove';
}

/** The request a (valid) rule sends. */
export function connectionRequest(rule: ConnectionRule): ConnectionRequest {
  switch (rule.action) {
    case 'approve':
      // Azure cannot approve a Rejected or Disconnected connection; re-approving an Approved one fails in
      // several services, so it is only read.
      return { method: 'PATCH', body: stateBody('Approved', rule.description), sendWhile: ['Pending'], acceptable: ['Pending', 'Approved'] };
    case 'reject':
      return { method: 'PATCH', body: stateBody('Rejected', rule.description), sendWhile: ['Pending', 'Approved'] };
    case 'remove':
      return { method: 'DELETE' };
  }
}

function stateBody(status: ConnectionStatus, description = ''): ConnectionStateBody {
  return { properties: { privateLinkServiceConnectionState: { status, description: escapeTemplate(description) } } };
}

/**
 * A literal string made safe for a Terraform string: `${` and `%{` would start an interpolation or a directive.
 * Tokens are left alone, since they are the interpolations cdktf renders.
 */
export function escapeTemplate(value: string): string {
  return Token.isUnresolved(value) ? value : value.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`);
}

/** Problems with the account ID; a token is not checked (it is known only to Terraform). */
export function accountIdProblems(accountId: string): PropProblem[] {
  if (Token.isUnresolved(accountId)) return [];
  const parts = parseResourceId(accountId);
  return parts && parts.type.toLowerCase() === 'microsoft.batch/batchaccounts'
    ? []
    : [{ field: 'accountId', problem: `must be a Batch account ID (/subscriptions/…/providers/Microsoft.Batch/batchAccounts/<name>), got "${accountId}"` }];
}

/** Problems with the api-version. */
export function apiVersionProblems(apiVersion: string): PropProblem[] {
  return (BATCH_CONNECTION_API_VERSIONS as readonly string[]).includes(apiVersion)
    ? []
    : [{ field: 'apiVersion', problem: `must be one of ${BATCH_CONNECTION_API_VERSIONS.join('|')}, got "${apiVersion}"` }];
}

/** Every problem with the rules, each naming its field (`connections[i].…`). */
export function connectionRuleProblems(rules: readonly ConnectionRule[]): PropProblem[] {
  return rules.flatMap((rule, i) => ruleProblems(rule, `connections[${i}]`));
}

function ruleProblems(rule: ConnectionRule, at: string): PropProblem[] {
  const action: string = rule.action;
  if (!(CONNECTION_ACTIONS as readonly string[]).includes(action)) {
    return [
      { field: `${at}.action`, problem: `must be one of ${CONNECTION_ACTIONS.join('|')}, got "${action}"` },
      ...selectorProblems(rule, at),
    ];
  }
  return [...descriptionProblems(rule, at), ...selectorProblems(rule, at)];
}

function descriptionProblems({ action, description }: ConnectionRule, at: string): PropProblem[] {
  if (action === 'remove') {
    return description === undefined
      ? []
      : [{ field: `${at}.description`, problem: 'is not allowed for remove (the DELETE has no body), got a description' }];
  }
  if (description !== undefined && (Token.isUnresolved(description) || description.trim() !== '')) return [];
  return [{
    field: `${at}.description`,
    problem: `is required for ${action} and must not be empty (Azure keeps it on the connection as the reason)`,
  }];
}

function selectorProblems(rule: ConnectionRule, at: string): PropProblem[] {
  const { connectionName: name, privateEndpointId: endpointId } = rule;
  if ((name === undefined) === (endpointId === undefined)) {
    const got = name === undefined ? 'neither' : 'both';
    return [{ field: at, problem: `must set exactly one of connectionName and privateEndpointId, got ${got}` }];
  }
  if (name !== undefined) return connectionNameProblems(name, `${at}.connectionName`);
  if (Token.isUnresolved(endpointId!) || isPrivateEndpointId(endpointId!)) return [];
  return [{
    field: `${at}.privateEndpointId`,
    problem: `must be a private endpoint ID (/subscriptions/…/providers/Microsoft.Network/privateEndpoints/<name>), got "${endpointId}"`,
  }];
}

/** Problems with a connection name given as `field`; a token is not checked. */
export function connectionNameProblems(name: string, field: string): PropProblem[] {
  return Token.isUnresolved(name) || CONNECTION_NAME.test(name)
    ? []
    : [{ field, problem: `must be a connection name (1-128 letters, digits, '.', '_', '-'), got "${name}"` }];
}

function isPrivateEndpointId(id: string): boolean {
  return parseResourceId(id)?.type.toLowerCase() === 'microsoft.network/privateendpoints';
}

// HCL expressions. Arguments are HCL expressions themselves (references, or cdktf tokens that render as
// them); the results carry no `${}` so that callers can compose them.

/**
 * The connections of `connections` (the list query's output) that a rule selects: those whose
 * `privateEndpointId` (or `name`) equals `needle`, both lower-cased. `needle` must already be lower-cased.
 */
export function selectedConnectionsExpression(connections: string, by: 'privateEndpointId' | 'name', needle: string): string {
  return `[for c in ${connections} : c if lower(c.${by}) == ${needle}]`;
}

/**
 * The HTTP method for the selected connections: the request's own while one is in `sendWhile`, else `GET`,
 * which azapi sends without a body and which changes nothing.
 */
export function methodExpression(selected: string, request: ConnectionRequest): string {
  if (!request.sendWhile) return JSON.stringify(request.method);
  return `anytrue([for c in ${selected} : contains(${JSON.stringify(request.sendWhile)}, c.status)]) ? "${request.method}" : "GET"`;
}

/** The ID of the single selected connection, else `fallback` (an HCL expression). */
export function selectedIdExpression(selected: string, fallback: string): string {
  return `length(${selected}) == 1 ? ${selected}[0].id : ${fallback}`;
}

/** True when the number of selected connections is `count` (`exactly`) or at most `count`. */
export function selectedCountCondition(selected: string, comparison: 'exactly' | 'at most', count: number): string {
  return `length(${selected}) ${comparison === 'exactly' ? '==' : '<='} ${count}`;
}

/** True when every selected connection is in one of `statuses`. */
export function statusCondition(selected: string, statuses: readonly ConnectionStatus[]): string {
  return `alltrue([for c in ${selected} : contains(${JSON.stringify(statuses)}, c.status)])`;
}
