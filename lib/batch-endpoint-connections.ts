import { Construct } from 'constructs';
import { Fn, ITerraformDependable, Precondition, TerraformLocal, TerraformOutput, TerraformProvider, Token } from 'cdktf';
import { propError } from './errors';
import { azapiProviderFor } from './azapi/provider';
import { AzapiResourceAction } from './azapi/resource-action';
import { AzapiDataResource } from './azapi/data-resource';
import { AzapiDataResourceList } from './azapi/data-resource-list';
import {
  accountIdProblems,
  apiVersionProblems,
  BatchConnectionApiVersion,
  CONNECTION_LIST_QUERY,
  connectionId,
  connectionNameProblems,
  connectionRequest,
  ConnectionRequest,
  ConnectionRule,
  connectionRuleProblems,
  connectionResourceType,
  DEFAULT_BATCH_CONNECTION_API_VERSION,
  methodExpression,
  needsConnectionList,
  PropProblem,
  selectedConnectionsExpression,
  selectedCountCondition,
  selectedIdExpression,
  statusCondition,
} from './rules/connections';

/** Props of {@link BatchEndpointConnections}. */
export interface BatchEndpointConnectionsProps {
  /** The Batch account's resource ID; usually a reference to the account of this stack. */
  readonly accountId: string;
  /**
   * The api-version of `Microsoft.Batch/batchAccounts/privateEndpointConnections`. 2024-07-01 is what azurerm
   * 4.x manages Batch accounts with; the connection API is the same in 2025-06-01.
   * @default `2024-07-01`
   */
  readonly apiVersion?: BatchConnectionApiVersion;
  /** What to do with which connection; each rule becomes one `azapi_resource_action` (see {@link BatchEndpointConnections.actions}). */
  readonly connections: readonly ConnectionRule[];
  /**
   * Resources to wait for, e.g. an endpoint that a rule selects by `connectionName`. An endpoint referenced by
   * `privateEndpointId` needs no entry: the reference orders it. Terraform reads the connection list during
   * apply whenever one of these has changes, and then plans the actions anew (harmlessly: see the class docs).
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Add stack outputs: the account's connections (ID, name, endpoint ID, status), and the full connection of
   * each {@link BatchEndpointConnections.show} call. Output names are derived from this construct's path.
   * @default false
   */
  readonly outputs?: boolean;
  /**
   * The azapi provider configuration to use (e.g. an aliased one for the account's subscription).
   * @default the stack's default `AzapiProvider`, created if the stack has none
   */
  readonly provider?: TerraformProvider;
}

/**
 * Approves, rejects or removes the private endpoint connections of one Batch account through azapi (azurerm has
 * no resource for them; the connection API has PATCH and DELETE but no PUT, so `azapi_update_resource` cannot
 * work).
 *
 * - Each rule is an `azapi_resource_action` with `when = "apply"`: PATCH with
 *   `privateLinkServiceConnectionState` `{ status, description }` for approve and reject, DELETE for remove.
 * - Rules select a connection by name, or by private endpoint ID through one `data azapi_resource_list` shared by
 *   all rules (connection names are `<endpoint>.<GUID>`). The match is case-insensitive. A precondition fails the
 *   plan, naming the endpoint and the account, unless exactly one connection matches (at most one for remove).
 * - Idempotent: a rule sends its request only while the connection is in a state it changes (approve: Pending;
 *   reject: Pending or Approved; remove: present); otherwise the action sends a GET, or for a remove whose
 *   connection is gone a DELETE of a name Azure never uses, which ARM answers with 204. So an endpoint approved
 *   automatically is not approved again. The method and body are fixed when the action is created
 *   (`ignore_changes`), and azapi never reads an action back, so the plan after an approval is empty.
 * - With an endpoint created in the same apply, the list is read after the endpoint exists (its ID is unknown
 *   until then), so the request is decided on the new connection's real state.
 * - Changes outside Terraform are not undone, since an action is not read back; they surface through the
 *   preconditions, which run on every plan. A connection deleted by hand fails its approve or reject rule
 *   ("found 0"); one rejected by hand fails its approve rule (Azure cannot approve a Rejected connection). Either
 *   way until the endpoint is recreated (its new connection is then approved) or the rule is dropped. Later edits
 *   of a description are not sent. `terraform apply -replace=<action>` re-evaluates a rule against the current
 *   state.
 * - A recreated endpoint gets a new connection, hence a new `resource_id`: the action is replaced and acts on it.
 *   A remove rule keeps the ID it removed, so an endpoint that asks again later (Pending, no access) is left alone.
 */
export class BatchEndpointConnections extends Construct {
  /** The Batch account's resource ID. */
  public readonly accountId: string;
  /** The api-version in use. */
  public readonly apiVersion: BatchConnectionApiVersion;
  /** `Microsoft.Batch/batchAccounts/privateEndpointConnections@<apiVersion>`. */
  public readonly connectionType: string;
  /**
   * One action per rule, in the order of `connections`. Make what needs an approved connection wait for it, e.g.
   * `endpoint.dnsRecord?.waitFor(connections.actions[0])`.
   */
  public readonly actions: readonly AzapiResourceAction[];
  /** The account's connections, read when a rule selects by endpoint or checks a status, or for `outputs`. */
  public readonly connectionList?: AzapiDataResourceList;
  /** The output of the connections, when `outputs` is set. */
  public readonly connectionsOutput?: TerraformOutput;

  private readonly provider: TerraformProvider;
  private readonly dependsOn?: ITerraformDependable[];
  private readonly outputs: boolean;

  constructor(scope: Construct, id: string, props: BatchEndpointConnectionsProps) {
    super(scope, id);
    this.apiVersion = props.apiVersion ?? DEFAULT_BATCH_CONNECTION_API_VERSION;
    this.throwIfAny([
      ...accountIdProblems(props.accountId),
      ...apiVersionProblems(this.apiVersion),
      ...connectionRuleProblems(props.connections),
    ]);
    this.accountId = props.accountId;
    this.connectionType = connectionResourceType(this.apiVersion);
    this.provider = props.provider ?? azapiProviderFor(this);
    this.dependsOn = props.dependsOn;
    this.outputs = props.outputs ?? false;

    if (this.outputs || props.connections.some(needsConnectionList)) {
      this.connectionList = this.listConnections(props.connections);
    }
    this.actions = props.connections.map((rule, i) => this.addAction(rule, i));
    if (this.outputs && this.connectionList) {
      this.connectionsOutput = new TerraformOutput(this, 'connections', {
        description: 'Private endpoint connections of the Batch account: id, name, privateEndpointId, status',
        value: `\${${this.connections()}}`,
      });
    }
  }

  /**
   * Reads one connection by name (`data azapi_resource`, the whole response) and, with `outputs`, outputs it.
   * @param id the construct ID of the data source
   * @param connectionName the connection's name, `<endpoint name>.<GUID>`
   */
  public show(id: string, connectionName: string): AzapiDataResource {
    this.throwIfAny(connectionNameProblems(connectionName, 'connectionName'));
    const connection = new AzapiDataResource(this, id, {
      type: this.connectionType,
      resourceId: connectionId(this.accountId, connectionName),
      responseExportValues: ['*'],
      provider: this.provider,
      dependsOn: this.dependsOn,
    });
    if (this.outputs) {
      new TerraformOutput(this, `${id}-output`, { description: 'A private endpoint connection of the Batch account', value: connection.output });
    }
    return connection;
  }

  private listConnections(rules: readonly ConnectionRule[]): AzapiDataResourceList {
    const endpointIds = rules.flatMap((r) => (r.privateEndpointId === undefined ? [] : [r.privateEndpointId]));
    return new AzapiDataResourceList(this, 'connection-list', {
      type: this.connectionType,
      parentId: this.accountId,
      responseExportValues: {
        connections: CONNECTION_LIST_QUERY,
        // A JMESPath literal that echoes the endpoint IDs. It is here for its references: while an endpoint is
        // still to be created its ID is unknown, so Terraform reads the list during apply, after the endpoint
        // exists, instead of during plan, when the new connection is not there yet.
        ...(endpointIds.length > 0 ? { selectedEndpointIds: `\`${Fn.jsonencode(endpointIds)}\`` } : {}),
      },
      provider: this.provider,
      dependsOn: this.dependsOn,
    });
  }

  private addAction(rule: ConnectionRule, index: number): AzapiResourceAction {
    const request = connectionRequest(rule);
    const selected = needsConnectionList(rule) ? this.selectedConnections(rule, index) : undefined;
    const endpointId = rule.privateEndpointId;
    const precondition = selected ? this.preconditions(rule, request, index, selected) : [];
    const ignoreChanges = fixedOnceCreated(rule);
    return new AzapiResourceAction(this, `rule-${index}-${rule.action}`, {
      type: this.connectionType,
      resourceId: selected && endpointId !== undefined
        ? `\${${selectedIdExpression(selected, this.placeholderId(endpointId))}}`
        : connectionId(this.accountId, rule.connectionName!),
      method: selected && request.sendWhile ? `\${${methodExpression(selected, request)}}` : request.method,
      body: request.body as Record<string, unknown> | undefined,
      when: 'apply',
      // One request at a time per account: connection updates are long-running operations on the account.
      locks: [this.accountId],
      provider: this.provider,
      dependsOn: this.dependsOn,
      lifecycle: precondition.length + ignoreChanges.length > 0
        ? { precondition: nonEmpty(precondition), ignoreChanges: nonEmpty(ignoreChanges) }
        : undefined,
    });
  }

  /** A local holding the connections a rule selects, so that its expressions stay short. */
  private selectedConnections(rule: ConnectionRule, index: number): string {
    const [by, value] = rule.privateEndpointId !== undefined
      ? (['privateEndpointId', rule.privateEndpointId] as const)
      : (['name', rule.connectionName!] as const);
    const expression = selectedConnectionsExpression(this.connections(), by, Fn.lower(value));
    return new TerraformLocal(this, `rule-${index}-connections`, `\${${expression}}`).asString;
  }

  private preconditions(rule: ConnectionRule, request: ConnectionRequest, index: number, selected: string): Precondition[] {
    const where = `${this.node.path}: connections[${index}] (${rule.action})`;
    const what = rule.privateEndpointId !== undefined
      ? `connection from private endpoint ${rule.privateEndpointId}`
      : `connection named ${rule.connectionName}`;
    const found = `found \${length(${selected})}`;
    const conditions: Precondition[] = [rule.action === 'remove'
      ? {
        condition: `\${${selectedCountCondition(selected, 'at most', 1)}}`,
        errorMessage: `${where}: expected at most one ${what} on Batch account ${this.accountId}, ${found}.`,
      }
      : {
        condition: `\${${selectedCountCondition(selected, 'exactly', 1)}}`,
        errorMessage: `${where}: expected exactly one ${what} on Batch account ${this.accountId}, ${found}.`,
      }];
    if (request.acceptable) {
      conditions.push({
        condition: `\${${statusCondition(selected, request.acceptable)}}`,
        errorMessage: `${where}: the ${what} on Batch account ${this.accountId} is \${join(", ", ${selected}[*].status)}, `
          + `not ${request.acceptable.join(' or ')}; Azure cannot approve a Rejected or Disconnected connection. `
          + 'Recreate the private endpoint, or drop the rule.',
      });
    }
    return conditions;
  }

  /**
   * The ID a remove rule deletes when its endpoint has no connection: `<account>/privateEndpointConnections/<endpoint
   * name>`. Azure never names a connection so (its names end in `.<GUID>`), and ARM answers a DELETE of a missing
   * resource with 204, so nothing is removed.
   */
  private placeholderId(endpointId: string): string {
    return Token.asString(Fn.format('%s/privateEndpointConnections/%s', [this.accountId, Fn.regex('[^/]+$', endpointId)]));
  }

  /** The list query's connections, as an HCL expression. */
  private connections(): string {
    return `${Token.asString(this.connectionList!.output)}.connections`;
  }

  private throwIfAny(problems: readonly PropProblem[]): void {
    if (problems.length > 0) throw new Error(problems.map((p) => propError(this, p.field, p.problem).message).join('\n'));
  }
}

/**
 * The arguments Terraform keeps from when the action was created (see the class docs): the decision of an approve
 * or reject (PATCH or GET, and what is sent), and the ID a remove by endpoint deleted. A remove by name has a
 * fixed ID and method already.
 */
function fixedOnceCreated(rule: ConnectionRule): string[] {
  if (rule.action !== 'remove') return ['method', 'body'];
  return rule.privateEndpointId !== undefined ? ['resource_id'] : [];
}

const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);
