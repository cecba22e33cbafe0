import { DataResource, TerraformLocal } from 'cdktf';
import { stableAddress } from '../core/addresses';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { AzapiResourceAction } from '../azapi/resource-action';
import { CheckBlock } from '../terraform/check-block';
import { accountResourceType, connectionRequest, ConnectionRule, connectionRuleKey } from '../rules/connections';
import { methodExpression, targetIdExpression, targetTypeExpression } from '../rules/connection-expressions';
import { connectionRuleLogicalId } from '../rules/logical-ids';
import { ConnectionsContext } from './connections-context';
import { ruleWarnings } from './connection-rule-warnings';
import { hclValue, listedConnections, ruleMatches } from './connection-selection';

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
 * Makes one rule's elements, all in the connections' own scope: the connections it selects from `list`, the target
 * that replaces the action when it changes, the action and its warnings. `index` is the rule's position, which only
 * moves a state written by 0.1 over.
 */
export function addConnectionRule(
  context: ConnectionsContext, list: AzapiDataResourceList, rule: ConnectionRule, index: number,
): ConnectionRuleElements {
  const { scope, account } = context;
  const key = connectionRuleKey(rule, account.name)!;
  const address = connectionRuleLogicalId(rule.action, account.name, key);
  const request = connectionRequest(rule);
  const matches = new TerraformLocal(scope, `${key}-matches`, `\${${ruleMatches(rule, listedConnections(list))}}`);
  matches.overrideLogicalId(address);
  const selected = matches.asString;
  const target = new DataResource(scope, `${key}-target`, {
    input: { resource_id: `\${${targetIdExpression(selected, hclValue(account.id))}}` },
  });
  stableAddress(target, address, { existedInV01: false });
  const action = new AzapiResourceAction(scope, key, {
    type: `\${${targetTypeExpression(selected, context.connectionType, accountResourceType(context.apiVersion))}}`,
    resourceId: `\${${targetIdExpression(selected, hclValue(account.id))}}`,
    method: `\${${methodExpression(selected, request)}}`,
    body: request.body as Record<string, unknown> | undefined,
    when: 'apply',
    // One request at a time per account: connection updates are long-running operations on the account.
    locks: [account.id],
    provider: context.provider,
    dependsOn: context.dependsOn,
    // A bare address: cdktf writes a resource given here as "${…}", which Terraform refuses in replace_triggered_by.
    lifecycle: { ignoreChanges: ['method', 'body'], replaceTriggeredBy: [`${DataResource.tfResourceType}.${address}`] },
  });
  // 0.1 named the action by its position (construct `rule-<index>-<action>`): a state written by 0.1 moves over.
  stableAddress(action, address, { legacyConstructId: `rule-${index}-${rule.action}` });
  const check = new CheckBlock(scope, `${key}-check`, { name: address, assertions: ruleWarnings(rule, account.name, address, selected) });
  return { rule, key, address, matches, target, action, check };
}
