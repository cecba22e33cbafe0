import { isToken } from './tokens';
import { parseResourceId } from './resource-id';
import { endpointKey } from './logical-ids';
import { PropProblem } from './problems';
import { everyMember } from './every-member';

/** What a rule does to a private endpoint connection of a Batch account. */
export const CONNECTION_ACTIONS = everyMember<ConnectionAction>()(['approve', 'reject', 'remove']);

/** `approve`, `reject` or `remove`. */
export type ConnectionAction = 'approve' | 'reject' | 'remove';

/** A private endpoint of this stack, as a rule selects it; a `BatchPrivateEndpoint` is one. */
export interface ConnectionEndpointRef {
  /** The endpoint's resource ID, usually a reference: the connection list is then read once the endpoint exists. */
  readonly id: string;
  /** The endpoint's name, known at synth: the rule's key derives from it. */
  readonly name: string;
}

/**
 * One decision about one private endpoint connection of a Batch account. Select the connection with exactly one
 * of `connectionName`, `privateEndpointId` and `privateEndpoint`.
 */
export interface ConnectionRule {
  /**
   * `approve` a Pending connection, `reject` a Pending or Approved one, or `remove` (delete) it, which leaves the
   * endpoint Disconnected.
   */
  readonly action: ConnectionAction;
  /**
   * Why; required for `approve` and `reject` (at most 140 bytes), not allowed for `remove`. Azure keeps it on the
   * connection (`privateLinkServiceConnectionState.description`), where the endpoint's owner sees it.
   * @default none (only valid for `remove`)
   */
  readonly description?: string;
  /**
   * The connection's name, e.g. `pe-team.0b1c2d3e-…` (Azure names it `<endpoint name>.<GUID>`).
   * @default none: select by `privateEndpointId` or `privateEndpoint`
   */
  readonly connectionName?: string;
  /**
   * The ID of the private endpoint whose connection this is, e.g. another team's endpoint. Matched
   * case-insensitively against the connections' `properties.privateEndpoint.id`.
   * @default none: select by `connectionName` or `privateEndpoint`
   */
  readonly privateEndpointId?: string;
  /**
   * A private endpoint of this stack (a `BatchPrivateEndpoint`): matched by its ID like `privateEndpointId`, and
   * its name gives the rule's key.
   * @default none: select by `connectionName` or `privateEndpointId`
   */
  readonly privateEndpoint?: ConnectionEndpointRef;
  /**
   * The rule's stable key: its Terraform addresses are `<action>_<account>_<key>`, so adding, removing or
   * reordering other rules never touches this one. Lower case letters, digits and `_`, at most 64.
   * @default derived from the selector: the endpoint name (from the connection name, the endpoint ID or the
   * endpoint) without a leading `pe-` and `<account>-`; required when `privateEndpointId` is a reference
   */
  readonly key?: string;
}

/** Every {@link BatchConnectionApiVersion}, in the order messages list them. */
export const BATCH_CONNECTION_API_VERSIONS = everyMember<BatchConnectionApiVersion>()(['2024-07-01', '2025-06-01']);

/** The api-versions of `Microsoft.Batch/batchAccounts/privateEndpointConnections` this library supports. */
export type BatchConnectionApiVersion = '2024-07-01' | '2025-06-01';

/**
 * 2024-07-01: the version azurerm 4.x manages Batch accounts with (go-azure-sdk `batch/2024-07-01`), so the
 * account and its connections go through one API version; the connection's PATCH body and list shape are the
 * same in 2025-06-01.
 */
export const DEFAULT_BATCH_CONNECTION_API_VERSION: BatchConnectionApiVersion = '2024-07-01';

/** The `privateLinkServiceConnectionState.status` values of a connection. */
export type ConnectionStatus = 'Pending' | 'Approved' | 'Rejected' | 'Disconnected';

/** The request a rule sends to a connection it finds, and in which states it sends it. */
export interface ConnectionRequest {
  /** `PATCH` (approve, reject) or `DELETE` (remove); the connection API has no PUT. */
  readonly method: 'PATCH' | 'DELETE';
  /** The PATCH body; none for DELETE. */
  readonly body?: ConnectionStateBody;
  /** The statuses in which the request is sent; in any other a GET (a read) stands in. Undefined: any status. */
  readonly sendWhile?: readonly ConnectionStatus[];
  /** The statuses the rule is content with; any other is a warning. Undefined: any status. */
  readonly settled?: readonly ConnectionStatus[];
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

/** `Microsoft.Batch/batchAccounts/privateEndpointConnections@<apiVersion>`. */
export function connectionResourceType(apiVersion: string): string {
  return `Microsoft.Batch/batchAccounts/privateEndpointConnections@${apiVersion}`;
}

/** `Microsoft.Batch/batchAccounts@<apiVersion>`: what a rule reads while it has no connection to act on. */
export function accountResourceType(apiVersion: string): string {
  return `Microsoft.Batch/batchAccounts@${apiVersion}`;
}

/** The ARM ID of the connection named `name` on the account `accountId`. */
export function connectionId(accountId: string, name: string): string {
  return `${accountId}/privateEndpointConnections/${name}`;
}

/** The request a (valid) rule sends. */
export function connectionRequest(rule: ConnectionRule): ConnectionRequest {
  switch (rule.action) {
    case 'approve':
      // Azure cannot approve a Rejected or Disconnected connection; re-approving an Approved one fails in
      // several services, so it is only read.
      return { method: 'PATCH', body: stateBody('Approved', rule.description), sendWhile: ['Pending'], settled: ['Pending', 'Approved'] };
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
  return isToken(value) ? value : value.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`);
}

/**
 * The rule's key: the one given, else the endpoint name of its selector without a leading `pe-` and `<account>-`
 * (`pe-sharedbatch01-analytics.0b1c…` on account `sharedbatch01` gives `analytics`). Undefined when the selector
 * is a reference, whose name is unknown at synth.
 */
export function connectionRuleKey(rule: ConnectionRule, accountName: string): string | undefined {
  if (rule.key !== undefined) return rule.key;
  const name = selectedEndpointName(rule);
  if (name === undefined || !/[A-Za-z0-9]/.test(name)) return undefined;
  const key = endpointKey(name);
  const account = endpointKey(accountName);
  // A key never ends in `_` (logicalId trims it), so one that starts with `<account>_` has more after it.
  return key.startsWith(`${account}_`) ? key.slice(account.length + 1) : key;
}

/** The endpoint name a selector carries, when it is known at synth. */
function selectedEndpointName(rule: ConnectionRule): string | undefined {
  const { connectionName, privateEndpointId, privateEndpoint } = rule;
  const known = (value: string | undefined): value is string => value !== undefined && !isToken(value);
  if (known(connectionName)) return connectionName.split('.')[0];
  if (known(privateEndpointId)) return parseResourceId(privateEndpointId)?.name;
  if (privateEndpoint && known(privateEndpoint.name)) return privateEndpoint.name;
  return undefined;
}

/** Problems with the account ID; a token is not checked (it is known only to Terraform). */
export function accountIdProblems(accountId: string): PropProblem[] {
  if (isToken(accountId)) return [];
  const parts = parseResourceId(accountId);
  return parts && parts.type.toLowerCase() === 'microsoft.batch/batchaccounts'
    ? []
    : [{ field: 'account.id', problem: `must be a Batch account ID (/subscriptions/…/providers/Microsoft.Batch/batchAccounts/<name>), got "${accountId}"` }];
}

/** Problems with the api-version. */
export function apiVersionProblems(apiVersion: string): PropProblem[] {
  return (BATCH_CONNECTION_API_VERSIONS as readonly string[]).includes(apiVersion)
    ? []
    : [{ field: 'apiVersion', problem: `must be one of ${BATCH_CONNECTION_API_VERSIONS.join('|')}, got "${apiVersion}"` }];
}

/**
 * Every problem with the rules of one account, each naming its field (`connections[i].…`): the rules one by one,
 * then across rules (two rules for one connection, two rules with one key). This is the only definition of a valid
 * rule; the example app's config reports these problems at its own field paths.
 */
export function connectionRuleProblems(rules: readonly ConnectionRule[], accountName: string): PropProblem[] {
  const own = rules.flatMap((rule, i) => ruleProblems(rule, accountName, `connections[${i}]`));
  return [...own, ...crossRuleProblems(rules, accountName)];
}

function ruleProblems(rule: ConnectionRule, accountName: string, at: string): PropProblem[] {
  const action: string = rule.action;
  const actionProblems = (CONNECTION_ACTIONS as readonly string[]).includes(action)
    ? descriptionProblems(rule, at)
    : [{ field: `${at}.action`, problem: `must be one of ${CONNECTION_ACTIONS.join('|')}, got "${action}"` }];
  const selector = selectorProblems(rule, at);
  return [...actionProblems, ...selector, ...(selector.length > 0 ? [] : keyProblems(rule, accountName, at))];
}

const DESCRIPTION_MAX_BYTES = 140;

function descriptionProblems({ action, description }: ConnectionRule, at: string): PropProblem[] {
  const field = `${at}.description`;
  if (action === 'remove') {
    return description === undefined ? [] : [{ field, problem: 'is not allowed for remove (the DELETE has no body); delete it' }];
  }
  if (description !== undefined && isToken(description)) return [];
  if (description === undefined || description.trim() === '') {
    return [{ field, problem: `is required for ${action} and must not be empty (Azure keeps it on the connection as the reason)` }];
  }
  const bytes = utf8Length(description);
  return bytes > DESCRIPTION_MAX_BYTES ? [{ field, problem: `must be at most ${DESCRIPTION_MAX_BYTES} bytes, got ${bytes}` }] : [];
}

function selectorProblems(rule: ConnectionRule, at: string): PropProblem[] {
  const { connectionName: name, privateEndpointId: endpointId, privateEndpoint: endpoint } = rule;
  const given = [name, endpointId, endpoint].filter((v) => v !== undefined).length;
  if (given !== 1) {
    return [{ field: at, problem: `must select its connection with exactly one of connectionName, privateEndpointId and privateEndpoint, got ${given === 0 ? 'none' : given}` }];
  }
  if (name !== undefined) return connectionNameProblems(name, `${at}.connectionName`);
  if (endpoint !== undefined) {
    return isToken(endpoint.name)
      ? [{ field: `${at}.privateEndpoint`, problem: 'must have a name known at synth (the rule\'s key derives from it), got a reference' }]
      : [];
  }
  if (isToken(endpointId!) || isPrivateEndpointId(endpointId!)) return [];
  return [{
    field: `${at}.privateEndpointId`,
    problem: `must be a private endpoint ID (/subscriptions/…/providers/Microsoft.Network/privateEndpoints/<name>), got "${endpointId}"`,
  }];
}

/** The length of `text` in UTF-8 bytes (without Node's Buffer: the library also runs where that is absent). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const KEY = /^[a-z0-9][a-z0-9_]{0,63}$/;

function keyProblems(rule: ConnectionRule, accountName: string, at: string): PropProblem[] {
  if (rule.key !== undefined) {
    return KEY.test(rule.key) ? [] : [{ field: `${at}.key`, problem: `must be 1-64 lower case letters, digits and _, starting with a letter or digit, got "${rule.key}"` }];
  }
  return connectionRuleKey(rule, accountName) === undefined
    ? [{ field: `${at}.key`, problem: 'is required when the selector has no name known at synth, e.g. a privateEndpointId that is a reference (the key names the rule\'s Terraform addresses); or select the endpoint with privateEndpoint' }]
    : [];
}

/** Two rules for one connection (the same selector), and two rules with one key. */
function crossRuleProblems(rules: readonly ConnectionRule[], accountName: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const bySelector = new Map<string, number>();
  const byKey = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (ruleProblems(rule, accountName, '').length > 0) return;
    const selector = selectorIdentity(rule);
    const first = bySelector.get(selector);
    if (first !== undefined) {
      const other = rules[first];
      problems.push({
        field: `connections[${i}]`,
        problem: other.action === rule.action
          ? `repeats connections[${first}]: both ${rule.action} ${describeSelector(rule)}; keep one`
          : `contradicts connections[${first}]: it would ${other.action} ${describeSelector(rule)} and this rule ${rule.action} it; keep one`,
      });
      return;
    }
    bySelector.set(selector, i);
    const key = connectionRuleKey(rule, accountName)!;
    const sameKey = byKey.get(key);
    if (sameKey !== undefined) {
      problems.push({ field: `connections[${i}].key`, problem: `"${key}" is also the key of connections[${sameKey}]; give one of them another key` });
    } else byKey.set(key, i);
  });
  return problems;
}

/**
 * What a selector selects, comparable across rules: an endpoint given by construct and by literal ID is one endpoint.
 * A connection name is compared with names only: its `<endpoint name>.` prefix does not say the endpoint's resource
 * group, so another endpoint of that name may own it.
 */
function selectorIdentity({ connectionName, privateEndpointId, privateEndpoint }: ConnectionRule): string {
  if (connectionName !== undefined) return `name:${connectionName.toLowerCase()}`;
  if (privateEndpoint !== undefined && isToken(privateEndpoint.id)) return `endpoint:${privateEndpoint.name.toLowerCase()}`;
  return `id:${(privateEndpoint?.id ?? privateEndpointId)!.toLowerCase()}`;
}

/** The selector in words, for messages: `connection <name>` or `the connection of private endpoint <id or name>`. */
export function describeSelector({ connectionName, privateEndpointId, privateEndpoint }: ConnectionRule): string {
  if (connectionName !== undefined) return `connection ${connectionName}`;
  return `the connection of private endpoint ${privateEndpoint?.name ?? privateEndpointId}`;
}

/** Connection names: `<endpoint name>.<GUID>` (Batch REST spec, `privateEndpointConnectionName`). */
const CONNECTION_NAME = /^[a-zA-Z0-9_-]+\.?[a-fA-F0-9-]*$/;
const CONNECTION_NAME_MAX = 101;

/** Problems with a connection name given as `field`; a token is not checked. */
export function connectionNameProblems(name: string, field: string): PropProblem[] {
  if (isToken(name) || (CONNECTION_NAME.test(name) && name.length <= CONNECTION_NAME_MAX)) return [];
  return [{ field, problem: `must be a connection name, <endpoint name>.<GUID> (${CONNECTION_NAME.source}, at most ${CONNECTION_NAME_MAX} characters), got "${name}"` }];
}

function isPrivateEndpointId(id: string): boolean {
  return parseResourceId(id)?.type.toLowerCase() === 'microsoft.network/privateendpoints';
}
