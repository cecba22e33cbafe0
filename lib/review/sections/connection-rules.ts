import { ModelResource, StackModel, resourceAt, resourcesOfType } from '../../guards/stack-model';
import { parseResourceId } from '../../rules/resource-id';
import { code, shown } from '../cells';
import { ReviewInput, ReviewSection } from '../review-section';

// The type is an expression with approvals (the connection type, or the account type while there is none): found anywhere in it.
const CONNECTIONS_TYPE = /Microsoft\.Batch\/batchAccounts\/privateEndpointConnections@/i;
const ENDPOINT_ID = /\/subscriptions\/[^/"\\\s]+\/resourceGroups\/[^/"\\\s]+\/providers\/Microsoft\.Network\/privateEndpoints\/[^/"\\\s)]+/i;
const CONNECTION_NAME = /\bc\.name\)?\s*==\s*lower\(\\*"([^"\\]+)\\*"\)/;

/** The rule's configuration as text, with the locals it reads, where its selector is written. */
function ruleText(json: Record<string, any>, rule: ModelResource): string {
  const own = JSON.stringify(rule.config);
  const locals = [...own.matchAll(/\blocal\.([A-Za-z0-9_-]+)/g)].map(([, name]) => JSON.stringify(json.locals?.[name] ?? ''));
  return [own, ...locals].join('\n');
}

function action(rule: ModelResource, text: string): string {
  const status = rule.config.body?.properties?.privateLinkServiceConnectionState?.status;
  if (status === 'Approved') return 'approve';
  if (status === 'Rejected') return 'reject';
  return /\bDELETE\b/.test(text) ? 'remove' : 'known at apply';
}

function account(model: StackModel, text: string): string {
  const ref = /\b(azurerm_batch_account\.[A-Za-z0-9_-]+)\.id\b/.exec(text);
  const resource = ref ? resourceAt(model, ref[1]) : undefined;
  if (resource) return code(shown(model, resource.config.name));
  const literal = /\/providers\/Microsoft\.Batch\/batchAccounts\/([^/"\\\s]+)/i.exec(text);
  return literal ? code(literal[1]) : 'known at apply';
}

/** What the rule selects: an endpoint of the stack, an endpoint by ID, or a connection by name. */
function target(model: StackModel, text: string): string {
  const ref = /\b(azurerm_private_endpoint\.[A-Za-z0-9_-]+)\.id\b/.exec(text);
  const endpoint = ref ? resourceAt(model, ref[1]) : undefined;
  if (endpoint) return `endpoint ${code(shown(model, endpoint.config.name))} (this stack)`;
  const id = ENDPOINT_ID.exec(text)?.[0];
  const parts = id ? parseResourceId(id) : undefined;
  if (parts) return `endpoint ${code(parts.name)} in ${code(parts.resourceGroupName)}`;
  const name = CONNECTION_NAME.exec(text)?.[1];
  return name ? `connection ${code(name)}` : 'known at apply';
}

/**
 * Each connection rule on an account (an `azapi_resource_action` on its private endpoint connections): what it does
 * and to which connection. The selector is read from the rule and the locals it uses, so any shape of rule that
 * names its endpoint or connection is shown.
 */
export function connectionRulesSection({ json, model }: ReviewInput): ReviewSection {
  const rules = resourcesOfType(model, 'azapi_resource_action').filter((r) => CONNECTIONS_TYPE.test(String(r.config.type)));
  return {
    id: 'connection-rules',
    title: 'Connection rules',
    columns: ['Rule', 'Account', 'Action', 'Target', 'Description'],
    none: 'No connection rule: connections are left as Azure and the endpoints\' owners make them.',
    rows: rules.map((rule) => {
      const text = ruleText(json, rule);
      const description = rule.config.body?.properties?.privateLinkServiceConnectionState?.description;
      return {
        key: rule.address,
        cells: [code(rule.address.split('.')[1]), account(model, text), action(rule, text), target(model, text), description === undefined ? '—' : shown(model, description)],
      };
    }),
  };
}
