import { Construct } from 'constructs';
import { ITerraformDependable, TerraformOutput, TerraformProvider, TerraformStack } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { reportProblems } from '../core/problems';
import { useBareHclReferences } from '../hcl/stack-hcl';
import { AzapiProvider, azapiCloudProblem, azapiProviderFor } from '../azapi/provider';
import { AzapiResourceAction } from '../azapi/resource-action';
import { AzapiDataResource } from '../azapi/data-resource';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { AzureCloud } from '../rules/clouds';
import {
  accountIdProblems,
  apiVersionProblems,
  BatchConnectionApiVersion,
  connectionId,
  connectionNameProblems,
  ConnectionRule,
  connectionRuleProblems,
  connectionResourceType,
  DEFAULT_BATCH_CONNECTION_API_VERSION,
} from '../rules/connections';
import { connectionReadLogicalId } from '../rules/logical-ids';
import { ConnectionsContext } from './connections-context';
import { listConnections } from './connection-list';
import { addConnectionRule, ConnectionRuleElements } from './connection-rule';
import { actionsExpression, connectionsOutput } from './connection-outputs';
import { listedConnections } from './connection-selection';

export { ConnectionRuleElements } from './connection-rule';

/** Props of {@link BatchEndpointConnections}. */
export interface BatchEndpointConnectionsProps {
  /** The Batch account whose connections these are: a `BatchAccount`, or `batchAccountFromId(…)`. */
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

  private readonly context: ConnectionsContext;
  private readonly outputs: boolean;

  constructor(scope: Construct, id: string, props: BatchEndpointConnectionsProps) {
    super(scope, id);
    this.apiVersion = props.apiVersion ?? DEFAULT_BATCH_CONNECTION_API_VERSION;
    const ruleProblems = connectionRuleProblems(props.connections, props.account.name);
    const problems = [...accountIdProblems(props.account.id), ...apiVersionProblems(this.apiVersion), ...ruleProblems];
    this.account = props.account;
    this.connectionType = connectionResourceType(this.apiVersion);
    const provider = props.provider ?? azapiProviderFor(this, props.cloud);
    if (!props.provider && AzapiProvider.isAzapiProvider(provider)) {
      const problem = azapiCloudProblem(provider, props.cloud ?? 'AzureCloud');
      if (problem) problems.push({ field: 'cloud', problem });
    }
    reportProblems(this, problems);
    useBareHclReferences(TerraformStack.of(this));
    const { account, apiVersion, connectionType } = this;
    this.context = { scope: this, account, apiVersion, connectionType, provider, dependsOn: props.dependsOn };
    this.outputs = props.outputs ?? false;

    // Rules with problems have no key to build them by; synth fails on the problems reported above.
    const rules = ruleProblems.length > 0 ? [] : props.connections;
    const list = this.outputs || rules.length > 0 ? listConnections(this.context, rules) : undefined;
    this.connectionList = list;
    this.rules = list ? rules.map((rule, i) => addConnectionRule(this.context, list, rule, i)) : [];
    this.actions = this.rules.map((r) => r.action);
    if (this.outputs && list) {
      this.connectionsOutput = connectionsOutput(this, account.name, 'connections',
        'Private endpoint connections of the Batch account: id, name, privateEndpointId, status', `\${${listedConnections(list)}}`);
      if (this.rules.length > 0) {
        connectionsOutput(this, account.name, 'connection_actions',
          'Each connection rule as applied: target, type, resource_id, method, body', `\${${actionsExpression(this.rules.map((r) => r.address))}}`);
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
      provider: this.context.provider,
      dependsOn: this.context.dependsOn,
    });
    connection.overrideLogicalId(connectionReadLogicalId(this.account.name, id));
    if (this.outputs) {
      connectionsOutput(this, this.account.name, `connection_${id}`, 'A private endpoint connection of the Batch account', connection.output);
    }
    return connection;
  }
}
