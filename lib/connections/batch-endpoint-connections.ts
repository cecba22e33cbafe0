import { Construct } from 'constructs';
import { DataResource, Fn, ITerraformDependable, Postcondition, TerraformLocal, TerraformOutput, TerraformProvider, TerraformStack, Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { useBareHclReferences } from '../hcl/stack-hcl';
import { AzapiProvider, azapiCloudProblem, azapiProviderFor } from '../azapi/provider';
import { AzapiResourceAction } from '../azapi/resource-action';
import { AzapiDataResource } from '../azapi/data-resource';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { CheckAssertion, CheckBlock } from '../terraform/check-block';
import { AzureCloud } from '../rules/clouds';
import {
  accountIdProblems,
  accountResourceType,
  apiVersionProblems,
  BatchConnectionApiVersion,
  connectionId,
  connectionNameProblems,
  connectionRequest,
  ConnectionRule,
  connectionRuleKey,
  connectionRuleProblems,
  connectionResourceType,
  DEFAULT_BATCH_CONNECTION_API_VERSION,
  describeSelector,
} from '../rules/connections';
import {
  atMostOneCondition,
  CONNECTION_LIST_QUERY,
  matchesExpression,
  methodExpression,
  namesExpression,
  presentCondition,
  settledCondition,
  statusesExpression,
  targetIdExpression,
  targetTypeExpression,
} from '../rules/connection-expressions';
import { connectionListLogicalId, connectionReadLogicalId, connectionRuleLogicalId, outputName } from '../rules/logical-ids';

/** Props of {@link BatchEndpointConnections}. */
export interface BatchEndpointConnectionsProps {
  /** The Batch account whose connections these are: a `PrivateBatchAccount`, or `batchAccountFromId(…)`. */
  readonly account: IBatchAccount;
  /**
   * The api-version of `Microsoft.Batch/batchAccounts/privateEndpointConnections`. 2024-07-01 is what azurerm
   * 4.x manages Batch accounts with; the connection API is the same in 2025-06-01.
   * @default `2024-07-01`
   */
  readonly apiVersion?: BatchConnectionApiVersion;
  /**
   * The account's Azure cloud: the default azapi provider talks to it.
   * @default `AzureCloud`
   */
  readonly cloud?: AzureCloud;
  /** What to do with which connection: one rule per connection (see the class docs). */
  readonly connections: readonly ConnectionRule[];
  /**
   * Resources to wait for. Terraform then reads the connection list during apply whenever one of them has
   * changes. An endpoint selected with `privateEndpoint` (or a `privateEndpointId` reference) needs no entry.
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Add stack outputs: `<account>_connections` (every connection: ID, name, endpoint ID, status),
   * `<account>_connection_actions` (per rule: its target, type, resource ID, method and body, as applied) and
   * one per {@link BatchEndpointConnections.show} call.
   * @default false
   */
  readonly outputs?: boolean;
  /**
   * The azapi provider configuration to use (e.g. an aliased one for the account's subscription).
   * @default the stack's default `AzapiProvider`, created for `cloud` if the stack has none
   */
  readonly provider?: TerraformProvider;
}

/** What one rule creates; every element is addressed `<action>_<account>_<key>`. */
export interface ConnectionRuleElements {
  /** The rule. */
  readonly rule: ConnectionRule;
  /** Its stable key. */
  readonly key: string;
  /** `<action>_<account>_<key>`, the name of every element below. */
  readonly address: string;
  /** The connections the rule selects (at most one), as a local. */
  readonly matches: TerraformLocal;
  /** Holds the ID the action targets; when it changes, the action is replaced and decides anew. */
  readonly target: DataResource;
  /** The request: PATCH, DELETE, or a GET that changes nothing. */
  readonly action: AzapiResourceAction;
  /** The warnings: no connection; for approve, a connection that cannot be approved. */
  readonly check: CheckBlock;
}

/**
 * Approves, rejects or removes the private endpoint connections of one Batch account, through azapi (azurerm
 * has no resource for them; the connection API has PATCH and DELETE but no PUT). Every plan reads the account's
 * connections (`data.azapi_resource_list.connections_<account>`) and each rule acts on the one it selects.
 *
 * **Nothing missing blocks a plan.** A rule whose connection is not there (not yet, or no longer) sends nothing
 * that changes Azure: its action only reads the account (GET). It warns through `check.<action>_<account>_<key>`,
 * naming the rule, the endpoint and the account. An approve rule whose connection is Rejected or Disconnected
 * warns too, saying what to do (Azure cannot approve those). Only a selector that matches more than one
 * connection is an error (a postcondition of the list): a rule acts on one connection.
 *
 * **Every apply converges.** Each rule has one `azapi_resource_action` whose target is its connection, or the
 * account while there is none. A `terraform_data` holds that target; when it changes (a connection appears, goes,
 * or is replaced by a recreated endpoint's new one), the action is replaced, and the new action decides its
 * request from the connection's status at that moment, and keeps it (`ignore_changes` on method and body):
 * - approve: PATCH `Approved` while Pending; otherwise GET;
 * - reject: PATCH `Rejected` while Pending or Approved; otherwise GET;
 * - remove: DELETE whatever it finds, in every apply that finds it again.
 * So once a rule has done its work, the next plan shows no change: an approved or rejected connection keeps its
 * target, and the decision is not revisited. After a remove, the next plan replaces the spent DELETE by a read of
 * the account (the connection is gone; nothing is sent to the connection), and the plan after that is empty.
 * azapi never reads an action back, so a change made by hand (a connection rejected in the portal) is not undone;
 * it shows as a warning where the rule cannot fix it. A changed description is not sent to a connection already
 * acted on; `terraform apply -replace=azapi_resource_action.<address>` sends it.
 *
 * **Stable identity.** Every element of a rule is addressed `<action>_<account>_<key>`, the key given or derived
 * from the selector (never the rule's position), so adding, removing or reordering rules leaves the others alone.
 * **Removing a rule sends nothing to Azure**: its action leaves the state without a request, and the connection
 * keeps its state.
 *
 * With a `privateEndpoint` of this stack (or a `privateEndpointId` reference), the list is read once the endpoint
 * exists, so a new endpoint's connection is acted on in the apply that creates it.
 */
export class BatchEndpointConnections extends Construct {
  /** The Batch account. */
  public readonly account: IBatchAccount;
  /** The api-version in use. */
  public readonly apiVersion: BatchConnectionApiVersion;
  /** `Microsoft.Batch/batchAccounts/privateEndpointConnections@<apiVersion>`. */
  public readonly connectionType: string;
  /**
   * What each rule created, in the order of `connections`.
   * @internal the elements are this construct's own; `actions` is what other resources may wait for.
   */
  public readonly rules: readonly ConnectionRuleElements[];
  /**
   * Each rule's action, in the order of `connections`. Make what needs an approved connection wait for it, e.g.
   * `endpoint.dnsRecord?.waitFor(connections.actions[0])`.
   */
  public readonly actions: readonly AzapiResourceAction[];
  /** The account's connections, read on every plan (when there is a rule or `outputs`). */
  public readonly connectionList?: AzapiDataResourceList;
  /** The output of the connections, when `outputs` is set. */
  public readonly connectionsOutput?: TerraformOutput;

  private readonly provider: TerraformProvider;
  private readonly dependsOn?: ITerraformDependable[];
  private readonly outputs: boolean;

  constructor(scope: Construct, id: string, props: BatchEndpointConnectionsProps) {
    super(scope, id);
    this.apiVersion = props.apiVersion ?? DEFAULT_BATCH_CONNECTION_API_VERSION;
    const ruleProblems = connectionRuleProblems(props.connections, props.account.name);
    const problems = [...accountIdProblems(props.account.id), ...apiVersionProblems(this.apiVersion), ...ruleProblems];
    this.account = props.account;
    this.connectionType = connectionResourceType(this.apiVersion);
    this.provider = props.provider ?? azapiProviderFor(this, props.cloud);
    if (!props.provider && AzapiProvider.isAzapiProvider(this.provider)) {
      const problem = azapiCloudProblem(this.provider, props.cloud ?? 'AzureCloud');
      if (problem) problems.push({ field: 'cloud', problem });
    }
    reportProblems(this, problems);
    useBareHclReferences(TerraformStack.of(this));
    this.dependsOn = props.dependsOn;
    this.outputs = props.outputs ?? false;

    // Rules with problems have no key to build them by; synth fails on the problems reported above.
    const rules = ruleProblems.length > 0 ? [] : props.connections;
    if (this.outputs || rules.length > 0) this.connectionList = this.listConnections(rules);
    this.rules = rules.map((rule, i) => this.addRule(rule, i));
    this.actions = this.rules.map((r) => r.action);
    if (this.outputs && this.connectionList) {
      const connections = `\${${this.connections('data')}}`;
      this.connectionsOutput = this.output('connections', 'Private endpoint connections of the Batch account: id, name, privateEndpointId, status', connections);
      if (this.rules.length > 0) {
        this.output('connection_actions', 'Each connection rule as applied: target, type, resource_id, method, body', `\${${this.actionsExpression()}}`);
      }
    }
  }

  /**
   * Reads one connection by name (`data azapi_resource`, the whole response) and, with `outputs`, outputs it.
   * @param id names the data source (`connection_<account>_<id>`) and the output (`<account>_connection_<id>`)
   * @param connectionName the connection's name, `<endpoint name>.<GUID>`
   */
  public show(id: string, connectionName: string): AzapiDataResource {
    reportProblems(this, connectionNameProblems(connectionName, `show(${JSON.stringify(id)}).connectionName`));
    const connection = new AzapiDataResource(this, `show-${id}`, {
      type: this.connectionType,
      resourceId: connectionId(this.account.id, connectionName),
      responseExportValues: ['*'],
      provider: this.provider,
      dependsOn: this.dependsOn,
    });
    connection.overrideLogicalId(connectionReadLogicalId(this.account.name, id));
    if (this.outputs) {
      this.output(`connection_${id}`, 'A private endpoint connection of the Batch account', connection.output);
    }
    return connection;
  }

  private listConnections(rules: readonly ConnectionRule[]): AzapiDataResourceList {
    const references = rules.flatMap((r) => {
      const endpointId = r.privateEndpoint?.id ?? r.privateEndpointId;
      return endpointId !== undefined && Token.isUnresolved(endpointId) ? [endpointId] : [];
    });
    const list = new AzapiDataResourceList(this, 'list', {
      type: this.connectionType,
      parentId: this.account.id,
      responseExportValues: {
        connections: CONNECTION_LIST_QUERY,
        // A JMESPath literal that echoes the endpoints of this stack. It is here for its references: while an
        // endpoint is still to be created its ID is unknown, so Terraform reads the list during apply, after the
        // endpoint exists, instead of during plan, when its connection is not there yet.
        ...(references.length > 0 ? { selectedEndpointIds: `\`${Fn.jsonencode(references)}\`` } : {}),
      },
      provider: this.provider,
      dependsOn: this.dependsOn,
      lifecycle: rules.length > 0 ? { postcondition: rules.map((r) => this.atMostOne(r)) } : undefined,
    });
    list.overrideLogicalId(connectionListLogicalId(this.account.name));
    return list;
  }

  private addRule(rule: ConnectionRule, index: number): ConnectionRuleElements {
    const key = connectionRuleKey(rule, this.account.name)!;
    const address = connectionRuleLogicalId(rule.action, this.account.name, key);
    const request = connectionRequest(rule);
    const matches = new TerraformLocal(this, `${key}-matches`, `\${${this.matches(rule, this.connections('data'))}}`);
    matches.overrideLogicalId(address);
    const selected = matches.asString;
    const target = new DataResource(this, `${key}-target`, {
      input: { resource_id: `\${${targetIdExpression(selected, this.hclValue(this.account.id))}}` },
    });
    stableAddress(target, address, { existedInV01: false });
    const action = new AzapiResourceAction(this, key, {
      type: `\${${targetTypeExpression(selected, this.connectionType, accountResourceType(this.apiVersion))}}`,
      resourceId: `\${${targetIdExpression(selected, this.hclValue(this.account.id))}}`,
      method: `\${${methodExpression(selected, request)}}`,
      body: request.body as Record<string, unknown> | undefined,
      when: 'apply',
      // One request at a time per account: connection updates are long-running operations on the account.
      locks: [this.account.id],
      provider: this.provider,
      dependsOn: this.dependsOn,
      // A bare address: cdktf writes a resource given here as "${…}", which Terraform refuses in replace_triggered_by.
      lifecycle: { ignoreChanges: ['method', 'body'], replaceTriggeredBy: [`${DataResource.tfResourceType}.${address}`] },
    });
    // 0.1 named the action by its position (construct `rule-<index>-<action>`): a state written by 0.1 moves over.
    stableAddress(action, address, { legacyConstructId: `rule-${index}-${rule.action}` });
    const check = new CheckBlock(this, `${key}-check`, { name: address, assertions: this.warnings(rule, address, selected) });
    return { rule, key, address, matches, target, action, check };
  }

  /** The check's assertions: the connection is there; an approve rule's connection can be approved. */
  private warnings(rule: ConnectionRule, address: string, selected: string): CheckAssertion[] {
    const where = `on Batch account ${this.account.name}`;
    const what = describeSelector(rule);
    const absent: Record<ConnectionRule['action'], string> = {
      approve: 'It is approved in the apply that first sees it Pending',
      reject: 'It is rejected in the apply that first sees it Pending or Approved',
      remove: 'It is deleted in every apply that finds it again',
    };
    const assertions: CheckAssertion[] = [{
      condition: `\${${presentCondition(selected)}}`,
      errorMessage: `Rule ${address}: no ${what.replace(/^the /, '')} ${where}, not yet or no longer; nothing was sent. ${absent[rule.action]}.`,
    }];
    const settled = connectionRequest(rule).settled;
    if (settled) {
      assertions.push({
        condition: `\${${settledCondition(selected, settled)}}`,
        errorMessage: `Rule ${address}: ${what} ${where} is \${${statusesExpression(selected)}}; Azure cannot approve a Rejected or ` +
          'Disconnected connection. Ask the endpoint\'s owner to delete and recreate the private endpoint (its new connection is ' +
          'approved in the apply that sees it), or drop the rule.',
      });
    }
    return assertions;
  }

  /** The list's postcondition for one rule: at most one connection matches (evaluated on `self`). */
  private atMostOne(rule: ConnectionRule): Postcondition {
    const address = connectionRuleLogicalId(rule.action, this.account.name, connectionRuleKey(rule, this.account.name)!);
    const selected = this.matches(rule, this.connections('self'));
    return {
      condition: `\${${atMostOneCondition(selected)}}`,
      errorMessage: `Rule ${address}: \${length(${selected})} connections match ${describeSelector(rule).replace(/^the connection of /, '')} ` +
        `on Batch account ${this.account.name}: \${${namesExpression(selected)}}. A rule acts on one connection: delete the stale ` +
        'one (e.g. with a remove rule that names it by connectionName), or select by connectionName.',
    };
  }

  /** The connections a rule selects from `connections`, as an HCL expression. */
  private matches(rule: ConnectionRule, connections: string): string {
    const [by, value] = rule.connectionName !== undefined
      ? (['name', rule.connectionName] as const)
      : (['privateEndpointId', rule.privateEndpoint?.id ?? rule.privateEndpointId!] as const);
    return matchesExpression(connections, by, Token.asString(Fn.lower(value)));
  }

  /** The list query's connections, from the data source or (in its own postcondition) from `self`. */
  private connections(from: 'data' | 'self'): string {
    return from === 'self' ? 'self.output.connections' : `${Token.asString(this.connectionList!.output)}.connections`;
  }

  /**
   * Every rule's action as applied, keyed by address: what lifecycle tests compare between runs. Written with
   * plain addresses: cdktf loses track of nested references after the first `}` of an object expression.
   */
  private actionsExpression(): string {
    const entries = this.rules.map(({ address }) => {
      const action = `${AzapiResourceAction.tfResourceType}.${address}`;
      return `${address} = { target = ${DataResource.tfResourceType}.${address}.output.resource_id, type = ${action}.type, ` +
        `resource_id = ${action}.resource_id, method = ${action}.method, body = ${action}.body }`;
    });
    return `{ ${entries.join(', ')} }`;
  }

  private output(what: string, description: string, value: unknown): TerraformOutput {
    const output = new TerraformOutput(this, what, { description, value });
    output.overrideLogicalId(outputName(this.account.name, what));
    return output;
  }

  /** A string for an HCL expression: a token as it renders, a literal quoted. */
  private hclValue(value: string): string {
    return Token.isUnresolved(value) ? value : JSON.stringify(value);
  }
}
