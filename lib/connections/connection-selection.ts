import { Fn, Token } from 'cdktf';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { ConnectionRule } from '../rules/connections';
import { matchesExpression } from '../rules/connection-expressions';

/** The list query's connections inside the list's own postcondition. */
export const SELF_CONNECTIONS = 'self.output.connections';

/** The list query's connections, read from the data source. */
export function listedConnections(list: AzapiDataResourceList): string {
  return `${Token.asString(list.output)}.connections`;
}

/** The connections a rule selects from `connections`, as an HCL expression. */
export function ruleMatches(rule: ConnectionRule, connections: string): string {
  const [by, value] = rule.connectionName !== undefined
    ? (['name', rule.connectionName] as const)
    : (['privateEndpointId', rule.privateEndpoint?.id ?? rule.privateEndpointId!] as const);
  return matchesExpression(connections, by, Token.asString(Fn.lower(value)));
}

/** A string for an HCL expression: a token as it renders, a literal quoted. */
export function hclValue(value: string): string {
  return Token.isUnresolved(value) ? value : JSON.stringify(value);
}
