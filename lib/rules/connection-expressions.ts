import { ConnectionRequest, ConnectionStatus } from './connections';

// HCL expressions for connection rules. Arguments are HCL expressions themselves (references, or cdktf tokens
// that render as them); the results carry no `${}`, so that callers compose them. A conditional is used where
// an index could be out of range: Terraform reports errors only from the branch it takes, while `&&` evaluates
// both sides.

/**
 * The JMESPath query for data `azapi_resource_list` that reduces each connection to what the rules and the
 * outputs read. `|| ''` turns a missing endpoint ID or status into an empty string, so that `lower()` never
 * sees null.
 */
export const CONNECTION_LIST_QUERY =
  "value[].{id: id, name: name, privateEndpointId: properties.privateEndpoint.id || '', " +
  "status: properties.privateLinkServiceConnectionState.status || ''}";

/**
 * The connections of `connections` (the list query's output) that a rule selects: those whose
 * `privateEndpointId` (or `name`) equals `needle`, compared in lower case. `needle` must be lower-cased already.
 */
export function matchesExpression(connections: string, by: 'privateEndpointId' | 'name', needle: string): string {
  return `[for c in ${connections} : c if lower(c.${by}) == ${needle}]`;
}

/** The ID a rule's action targets: its one connection, else the account (which it then only reads). */
export function targetIdExpression(matches: string, accountId: string): string {
  return `length(${matches}) == 1 ? ${matches}[0].id : ${accountId}`;
}

/** The `type` of a rule's action: the connection type while it has its connection, else the account type. */
export function targetTypeExpression(matches: string, connectionType: string, accountType: string): string {
  return `length(${matches}) == 1 ? ${JSON.stringify(connectionType)} : ${JSON.stringify(accountType)}`;
}

/**
 * The HTTP method of a rule's action: the request's own while its one connection is in a status it changes, else
 * `GET`, which azapi sends without a body and which changes nothing.
 */
export function methodExpression(matches: string, request: ConnectionRequest): string {
  const send = request.sendWhile
    ? `contains(${statusList(request.sendWhile)}, ${matches}[0].status) ? "${request.method}" : "GET"`
    : `"${request.method}"`;
  return `length(${matches}) == 1 ? (${send}) : "GET"`;
}

/** True when the rule finds a connection. */
export function presentCondition(matches: string): string {
  return `length(${matches}) > 0`;
}

/** True when the rule finds at most one connection: a rule acts on one. */
export function atMostOneCondition(matches: string): string {
  return `length(${matches}) <= 1`;
}

/** True when every connection found is in one of `statuses`. */
export function settledCondition(matches: string, statuses: readonly ConnectionStatus[]): string {
  return `alltrue([for c in ${matches} : contains(${statusList(statuses)}, c.status)])`;
}

/** The names of the connections found, joined with `, `. */
export function namesExpression(matches: string): string {
  return `join(", ", ${matches}[*].name)`;
}

/** The statuses of the connections found, joined with `, `. */
export function statusesExpression(matches: string): string {
  return `join(", ", ${matches}[*].status)`;
}

const statusList = (statuses: readonly ConnectionStatus[]): string => `[${statuses.map((s) => JSON.stringify(s)).join(', ')}]`;
