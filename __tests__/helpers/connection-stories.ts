/**
 * Writes `terraform test` stories about connection rules: what Azure's list of connections holds in each run
 * (`override_data` on `data.azapi_resource_list.connections_<account>`), which warnings a run expects, and
 * assertions on the rules' actions by their stable addresses. The HCL stays readable in a failure message. Also
 * what a stack's rule expressions evaluate to on a given list, by `terraform console` (withConnections, selectedBy).
 */
import { evaluateStackExpressions } from './hcl-eval';

/** One connection as the list query returns it (see CONNECTION_LIST_QUERY). */
export interface ListedConnection {
  readonly id: string;
  readonly name: string;
  readonly privateEndpointId: string;
  readonly status: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected';
}

/** A connection named `<endpoint name>.<guid>` of account `accountId`, from the endpoint `endpointId`. */
export function connection(accountId: string, endpointId: string, guid: string, status: ListedConnection['status']): ListedConnection {
  const name = `${endpointId.split('/').pop()}.${guid}`;
  return { id: `${accountId}/privateEndpointConnections/${name}`, name, privateEndpointId: endpointId, status };
}

/** One `run` of a story. */
export interface StoryRun {
  readonly name: string;
  /** What the account's connection list returns in this run; `null` for a stack that reads no list. */
  readonly listed: readonly ListedConnection[] | null;
  /** More HCL inside the run block, e.g. an `override_resource`. */
  readonly extra?: string;
  /** `apply` (the default) or `plan`, for "what would the next apply do". */
  readonly command?: 'apply' | 'plan';
  /** Checks (`check.<name>`) or objects whose failure the run expects: a warning, or the list's postcondition. */
  readonly expectFailures?: readonly string[];
  /** `[condition, message]` pairs, as HCL. */
  readonly asserts?: readonly (readonly [string, string])[];
  /** Run a variant of the stack (`variants/<name>`) on the same state. */
  readonly variant?: string;
  /** The state a run works on; runs of one stack share it. @default `stack` */
  readonly stateKey?: string;
  /** The data source to override. @default the one of `account` */
  readonly listAddress?: string;
}

/** The mock for a stack with only azapi (and terraform_data, which needs none). */
export const AZAPI_MOCK = 'mock_provider "azapi" {}\n';

/** The mocks an app stack needs: azapi, and azurerm with endpoints that export a DNS config (as real ones do). */
export const MOCKS = `${AZAPI_MOCK}
mock_provider "azurerm" {
  mock_resource "azurerm_private_endpoint" {
    defaults = {
      custom_dns_configs = [{ fqdn = "tfmock.eastus.service.batch.azure.com", ip_addresses = ["10.0.0.4"] }]
    }
  }
}
`;

/** A story: the mocks, then the runs in order, about the connections of account `account`. */
export function story(account: string, runs: readonly StoryRun[], mocks = MOCKS): string {
  return [mocks, ...runs.map((run) => storyRun(account, run))].join('\n');
}

function storyRun(account: string, run: StoryRun): string {
  const lines = [`run "${run.name}" {`, `  state_key = "${run.stateKey ?? 'stack'}"`];
  if (run.command === 'plan') lines.push('  command   = plan');
  if (run.variant) lines.push('  module {', `    source = "./variants/${run.variant}"`, '  }');
  if (run.expectFailures?.length) lines.push(`  expect_failures = [${run.expectFailures.join(', ')}]`);
  if (run.listed !== null) {
    lines.push(
      '  override_data {',
      `    target = ${run.listAddress ?? `data.azapi_resource_list.connections_${account}`}`,
      `    values = { output = { connections = ${hcl(run.listed)} } }`,
      '  }',
    );
  }
  if (run.extra) lines.push(run.extra.replace(/^/gm, '  '));
  for (const [condition, message] of run.asserts ?? []) {
    lines.push('  assert {', `    condition     = ${condition}`, `    error_message = ${JSON.stringify(message)}`, '  }');
  }
  return [...lines, '}'].join('\n');
}

/** A value as an HCL expression (JSON is valid HCL for these plain strings, lists and objects). */
export function hcl(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

/** Assertions on one rule's action (`azapi_resource_action.<address>`): what it targets and sends. */
export function acts(address: string, expected: { type: string; resourceId: string; method: string; status?: string }): [string, string][] {
  const action = `azapi_resource_action.${address}`;
  const checks: [string, string][] = [
    [`${action}.type == ${JSON.stringify(expected.type)}`, `${address} has type \${${action}.type}, expected ${expected.type}`],
    [`${action}.resource_id == ${JSON.stringify(expected.resourceId)}`, `${address} targets \${${action}.resource_id}, expected ${expected.resourceId}`],
    [`${action}.method == ${JSON.stringify(expected.method)}`, `${address} sends \${${action}.method}, expected ${expected.method}`],
  ];
  if (expected.status) {
    checks.push([
      `${action}.body.properties.privateLinkServiceConnectionState.status == ${JSON.stringify(expected.status)}`,
      `${address} sets status \${${action}.body.properties.privateLinkServiceConnectionState.status}, expected ${expected.status}`,
    ]);
  }
  return checks;
}

/**
 * "Nothing changes": every rule's action (target, type, resource ID, method, body) equals what run `earlier`
 * applied. A replaced action or target is unknown in a plan, so the comparison then fails too.
 */
export function unchangedSince(earlier: string, account: string): [string, string] {
  const output = `${account}_connection_actions`;
  return [`output.${output} == run.${earlier}.${output}`, `the rules' actions changed since run ${earlier}`];
}

/**
 * What expressions of a synthesized stack evaluate to, by Terraform, when the account's connection list
 * (`data.azapi_resource_list.connections_<account>`) holds `listed`; `inputs` gives more of what the plan reads.
 */
export function withConnections<K extends string>(
  json: { locals?: Record<string, string> }, account: string, expressions: Record<K, string>, listed: readonly object[], inputs: Record<string, unknown> = {},
): Record<K, unknown> {
  return evaluateStackExpressions(json.locals, expressions, { [`data.azapi_resource_list.connections_${account}`]: { output: { connections: listed } }, ...inputs });
}

/** The names of the connections that rule `rule` (its local) selects from the account's list. */
export function selectedBy(
  json: { locals?: Record<string, string> }, account: string, rule: string, listed: readonly object[], inputs: Record<string, unknown> = {},
): unknown {
  return withConnections(json, account, { names: `\${[for c in local.${rule} : c.name]}` }, listed, inputs).names;
}
