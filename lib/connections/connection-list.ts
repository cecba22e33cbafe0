import { Fn, Postcondition, Token } from 'cdktf';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { ConnectionRule, connectionRuleKey, describeSelector } from '../rules/connections';
import { atMostOneCondition, CONNECTION_LIST_QUERY, namesExpression } from '../rules/connection-expressions';
import { connectionListLogicalId, connectionRuleLogicalId } from '../rules/logical-ids';
import { ConnectionsContext } from './connections-context';
import { ruleMatches, SELF_CONNECTIONS } from './connection-selection';

/**
 * The account's connections, read on every plan (`data.azapi_resource_list.connections_<account>`), with one
 * postcondition per rule: it selects at most one connection.
 */
export function listConnections(context: ConnectionsContext, rules: readonly ConnectionRule[]): AzapiDataResourceList {
  const references = rules.flatMap((r) => {
    const endpointId = r.privateEndpoint?.id ?? r.privateEndpointId;
    return endpointId !== undefined && Token.isUnresolved(endpointId) ? [endpointId] : [];
  });
  const list = new AzapiDataResourceList(context.scope, 'list', {
    type: context.connectionType,
    parentId: context.account.id,
    responseExportValues: {
      connections: CONNECTION_LIST_QUERY,
      // A JMESPath literal that echoes the endpoints of this stack. It is here for its references: while an
      // endpoint is still to be created its ID is unknown, so Terraform reads the list during apply, after the
      // endpoint exists, instead of during plan, when its connection is not there yet.
      ...(references.length > 0 ? { selectedEndpointIds: `\`${Fn.jsonencode(references)}\`` } : {}),
    },
    provider: context.provider,
    dependsOn: context.dependsOn,
    lifecycle: rules.length > 0 ? { postcondition: rules.map((r) => atMostOne(r, context.account.name)) } : undefined,
  });
  list.overrideLogicalId(connectionListLogicalId(context.account.name));
  return list;
}

/** The list's postcondition for one rule: at most one connection matches (evaluated on `self`). */
function atMostOne(rule: ConnectionRule, accountName: string): Postcondition {
  const address = connectionRuleLogicalId(rule.action, accountName, connectionRuleKey(rule, accountName)!);
  const selected = ruleMatches(rule, SELF_CONNECTIONS);
  return {
    condition: `\${${atMostOneCondition(selected)}}`,
    errorMessage: `Rule ${address}: \${length(${selected})} connections match ${describeSelector(rule).replace(/^the connection of /, '')} ` +
      `on Batch account ${accountName}: \${${namesExpression(selected)}}. A rule acts on one connection: delete the stale ` +
      'one (e.g. with a remove rule that names it by connectionName), or select by connectionName.',
  };
}
