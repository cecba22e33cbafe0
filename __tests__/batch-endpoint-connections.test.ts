import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Construct } from 'constructs';
import { TerraformStack, Testing } from 'cdktf';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchEndpointConnections, BatchEndpointConnectionsProps } from '../lib/connections/batch-endpoint-connections';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { AzapiProvider } from '../lib/azapi/provider';
import { AzapiDataResource } from '../lib/azapi/data-resource';
import { AzapiResourceAction } from '../lib/azapi/resource-action';
import { BatchAccount } from '../lib/account/batch-account';
import { ConnectionRule } from '../lib/rules/connections';
import { MOVED_FROM_V01_CONTEXT } from '../lib/core/addresses';
import { selectedBy, withConnections } from './helpers/connection-stories';
import { evaluateStackExpressions } from './helpers/hcl-eval';
import { describeWithTerraform, synthApp, SynthesizedApp, validateStacks } from './helpers/terraform';

const SUB = '00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct`;
const ACCOUNT = batchAccountFromId(ACCOUNT_ID, 'westeurope');
const TEAM_ID = `/subscriptions/${SUB}/resourceGroups/rg-team/providers/Microsoft.Network/privateEndpoints/pe-team`;
const CONNECTION_TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const ACCOUNT_TYPE = 'Microsoft.Batch/batchAccounts@2024-07-01';
const GUID = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';

const newStack = () => new TerraformStack(Testing.app(), 'test');
const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));

/** The stack, the construct and its synthesized JSON. */
function build(props: Partial<BatchEndpointConnectionsProps> & { connections: ConnectionRule[] }) {
  const stack = newStack();
  const connections = new BatchEndpointConnections(stack, 'conns', { account: ACCOUNT, ...props });
  return { stack, connections, json: synth(stack) };
}

const withoutMetadata = ({ ['//']: _metadata, ...block }: any) => block;

/** A connection as the connection list gives it (its `response_export_values` projection). */
const listed = (name: string, status: string, privateEndpointId = `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Network/privateEndpoints/${name.split('.')[0]}`) =>
  ({ id: `${ACCOUNT_ID}/privateEndpointConnections/${name}`, name, privateEndpointId, status });
/** What expressions of the stack evaluate to, by Terraform, when the account's connection list holds `connections`. */
const applied = <K extends string>(json: any, expressions: Record<K, string>, connections: object[]) => withConnections(json, 'acct', expressions, connections);

/** The problems the stack's constructs report at synth, one message each. */
const problemsIn = (stack: TerraformStack): string[] => stack.node.findAll().flatMap((c) => c.node.validate());

const approveTeam: ConnectionRule = { action: 'approve', privateEndpointId: TEAM_ID, description: 'approved by ops' };
const LOCAL = 'local.approve_acct_team';

describe('BatchEndpointConnections: one rule, its elements and their addresses', () => {
  const { json } = build({ connections: [approveTeam] });

  it('reads the account\'s connections into data.azapi_resource_list.connections_<account>', () => {
    expect(withoutMetadata(json.data.azapi_resource_list.connections_acct)).toMatchObject({
      type: CONNECTION_TYPE,
      parent_id: ACCOUNT_ID,
      response_export_values: { connections: expect.stringMatching(/^value\[\]\.\{id: id, name: name, privateEndpointId: /) },
    });
  });

  it('selects the rule\'s connections case-insensitively in local.<action>_<account>_<key>', () => {
    expect(json.locals).toEqual({
      approve_acct_team: `\${[for c in data.azapi_resource_list.connections_acct.output.connections : c if lower(c.privateEndpointId) == lower("${TEAM_ID}")]}`,
    });
  });

  it('targets the one connection found, else reads the account, and decides PATCH or GET from its status', () => {
    expect(withoutMetadata(json.resource.azapi_resource_action.approve_acct_team)).toEqual({
      type: `\${length(${LOCAL}) == 1 ? "${CONNECTION_TYPE}" : "${ACCOUNT_TYPE}"}`,
      resource_id: `\${length(${LOCAL}) == 1 ? ${LOCAL}[0].id : "${ACCOUNT_ID}"}`,
      method: `\${length(${LOCAL}) == 1 ? (contains(["Pending"], ${LOCAL}[0].status) ? "PATCH" : "GET") : "GET"}`,
      body: { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'approved by ops' } } },
      when: 'apply',
      locks: [ACCOUNT_ID],
      provider: 'azapi',
      lifecycle: { ignore_changes: ['method', 'body'], replace_triggered_by: ['terraform_data.approve_acct_team'] },
    });
  });

  it('holds the target in terraform_data.<address>, whose change replaces the action, which then decides anew', () => {
    expect(withoutMetadata(json.resource.terraform_data.approve_acct_team)).toEqual({
      input: { resource_id: `\${length(${LOCAL}) == 1 ? ${LOCAL}[0].id : "${ACCOUNT_ID}"}` },
    });
  });

  it('warns, never fails, when the connection is missing or cannot be approved, naming the rule, endpoint and account', () => {
    expect(json.check.approve_acct_team.assert).toEqual([
      {
        condition: `\${length(${LOCAL}) > 0}`,
        error_message: `Rule approve_acct_team: no connection of private endpoint ${TEAM_ID} on Batch account acct, not yet or no longer; ` +
          'nothing was sent. It is approved in the apply that first sees it Pending.',
      },
      {
        condition: `\${alltrue([for c in ${LOCAL} : contains(["Pending", "Approved"], c.status)])}`,
        error_message: `Rule approve_acct_team: the connection of private endpoint ${TEAM_ID} on Batch account acct is ` +
          `\${join(", ", ${LOCAL}[*].status)}; Azure cannot approve a Rejected or Disconnected connection. Ask the endpoint's owner ` +
          'to delete and recreate the private endpoint (its new connection is approved in the apply that sees it), or drop the rule.',
      },
    ]);
  });

  it('fails the plan only when more than one connection matches: a postcondition of the list', () => {
    const [postcondition] = json.data.azapi_resource_list.connections_acct.lifecycle.postcondition;
    const matches = `[for c in self.output.connections : c if lower(c.privateEndpointId) == lower("${TEAM_ID}")]`;
    expect(postcondition).toEqual({
      condition: `\${length(${matches}) <= 1}`,
      error_message: `Rule approve_acct_team: \${length(${matches})} connections match private endpoint ${TEAM_ID} on Batch account acct: ` +
        `\${join(", ", ${matches}[*].name)}. A rule acts on one connection: delete the stale one (e.g. with a remove rule that names ` +
        'it by connectionName), or select by connectionName.',
    });
  });

  it('has no precondition left to fail a plan', () => {
    expect(JSON.stringify(json)).not.toContain('precondition');
  });
});

describe('BatchEndpointConnections: actions', () => {
  it('rejects with a PATCH of Rejected while Pending or Approved, and is content with any status', () => {
    const { json } = build({ connections: [{ action: 'reject', connectionName: `pe-other.${GUID}`, description: 'not ours' }] });
    const action = json.resource.azapi_resource_action.reject_acct_other;
    expect(action.body).toEqual({ properties: { privateLinkServiceConnectionState: { status: 'Rejected', description: 'not ours' } } });
    // The connection is found by name in any casing; a PATCH goes only to one Pending or Approved.
    const method = (connections: object[]) => applied(json, { method: action.method }, connections).method;
    expect(method([listed(`PE-Other.${GUID}`, 'Pending'), listed(`pe-team.${GUID}`, 'Pending')])).toBe('PATCH');
    expect(method([listed(`pe-other.${GUID}`, 'Approved')])).toBe('PATCH');
    expect(method([listed(`pe-other.${GUID}`, 'Rejected')])).toBe('GET');
    expect(method([listed(`pe-team.${GUID}`, 'Pending')])).toBe('GET');
    expect(json.check.reject_acct_other.assert).toHaveLength(1);
  });

  it('removes with a bodiless DELETE of whatever it finds, in every apply that finds it', () => {
    const { json } = build({ connections: [{ action: 'remove', privateEndpointId: TEAM_ID }] });
    const action = json.resource.azapi_resource_action.remove_acct_team;
    // Found by its private endpoint's ID in any casing, whatever its status; nothing found, nothing deleted.
    const method = (connections: object[]) => applied(json, { method: action.method }, connections).method;
    expect(method([listed(`pe-team.${GUID}`, 'Rejected', TEAM_ID.toLowerCase())])).toBe('DELETE');
    expect(method([listed(`pe-other.${GUID}`, 'Approved')])).toBe('GET');
    expect(action.body).toBeUndefined();
    expect(json.check.remove_acct_team.assert[0].error_message).toMatch(/nothing was sent\. It is deleted in every apply that finds it again\.$/);
  });

  it('uses 2025-06-01 when asked, for the connection and the account', () => {
    const { json } = build({ apiVersion: '2025-06-01', connections: [approveTeam] });
    const type = (connections: object[]) => applied(json, { type: json.resource.azapi_resource_action.approve_acct_team.type }, connections).type;
    expect(type([listed(`pe-team.${GUID}`, 'Pending', TEAM_ID)])).toBe('Microsoft.Batch/batchAccounts/privateEndpointConnections@2025-06-01');
    // Nothing to approve: a GET of the account, at the same version.
    expect(type([])).toBe('Microsoft.Batch/batchAccounts@2025-06-01');
  });

  it('never uses azapi_update_resource, whose GET+PUT the connection API cannot serve', () => {
    expect(build({ connections: [approveTeam] }).json.resource.azapi_update_resource).toBeUndefined();
  });
});

describe('BatchEndpointConnections: stable addresses', () => {
  const rules: ConnectionRule[] = [
    approveTeam,
    { action: 'reject', connectionName: `pe-other.${GUID}`, description: 'no' },
    { action: 'remove', privateEndpointId: `${TEAM_ID}-old`, key: 'retired' },
  ];
  const addresses = (json: any) => Object.keys(json.resource.azapi_resource_action);
  /** The rules' own blocks, with object keys sorted: what Terraform sees, whatever the order of the rules. */
  const blocks = (json: any) => JSON.stringify([json.resource, json.locals, json.check], (_key, value) =>
    (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value));

  it('addresses each rule by action, account and key, never by position', () => {
    expect(addresses(build({ connections: rules }).json)).toEqual(['approve_acct_team', 'reject_acct_other', 'remove_acct_retired']);
  });

  it('leaves every other rule byte for byte as it was when one is removed or the rules are reordered', () => {
    const all = build({ connections: rules }).json;
    const without = build({ connections: [rules[1], rules[2]] }).json;
    const reordered = build({ connections: [rules[2], rules[0], rules[1]] }).json;
    for (const address of ['reject_acct_other', 'remove_acct_retired']) {
      expect(without.resource.azapi_resource_action[address]).toEqual(all.resource.azapi_resource_action[address]);
      expect(without.check[address]).toEqual(all.check[address]);
    }
    expect(blocks(reordered)).toEqual(blocks(all));
  });

  it('takes the key of an endpoint of the stack from its name, and waits for it through its ID', () => {
    const stack = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const endpoint = new PrivateEndpoint(stack, 'pe', {
      name: 'pe-acct-team', location: 'westeurope', resourceGroupName: 'rg', subnetId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      privateServiceConnection: { name: 'pe', privateConnectionResourceId: ACCOUNT_ID, subresourceNames: ['batchAccount'], isManualConnection: true, requestMessage: 'please' },
    });
    new BatchEndpointConnections(stack, 'conns', {
      account: ACCOUNT, connections: [{ action: 'approve', privateEndpoint: { id: endpoint.id, name: 'pe-acct-team' }, description: 'ok' }],
    });
    const json = synth(stack);
    expect(json.data.azapi_resource_list.connections_acct.response_export_values.selectedEndpointIds).toBe('`${jsonencode([azurerm_private_endpoint.pe.id])}`');
    // The endpoint's ID once it exists, in any casing, picks its connection.
    const endpointId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe-acct-team`;
    expect(selectedBy(json, 'acct', 'approve_acct_team', [listed(`pe-acct-team.${GUID}`, 'Pending', endpointId.toUpperCase()), listed(`pe-other.${GUID}`, 'Pending')], {
      'azurerm_private_endpoint.pe': { id: endpointId },
    })).toEqual([`pe-acct-team.${GUID}`]);
  });

  it('orders everything after dependsOn, and an account of the stack through its ID', () => {
    const stack = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const account = new BatchAccount(stack, 'acct', { name: 'acct', location: 'westeurope', resourceGroupName: 'rg' });
    new BatchEndpointConnections(stack, 'conns', { account, dependsOn: [account.resource], connections: [approveTeam] });
    const json = synth(stack);
    expect(json.data.azapi_resource_list.connections_acct.parent_id).toBe('${azurerm_batch_account.batch_acct.id}');
    expect(json.data.azapi_resource_list.connections_acct.depends_on).toEqual(['azurerm_batch_account.batch_acct']);
    expect(json.resource.azapi_resource_action.approve_acct_team.depends_on).toEqual(['azurerm_batch_account.batch_acct']);
    expect(json.resource.azapi_resource_action.approve_acct_team.resource_id).toContain(': azurerm_batch_account.batch_acct.id}');
  });

  it('exposes each action, so that DNS records of a manual endpoint can wait for the approval', () => {
    const stack = newStack();
    const connections = new BatchEndpointConnections(stack, 'conns', { account: ACCOUNT, connections: [approveTeam] });
    new PrivateDnsARecord(stack, 'record', {
      name: 'acct.westeurope', zoneName: 'privatelink.batch.azure.com', resourceGroupName: 'rg', ttl: 10, records: ['10.0.0.4'],
      dependsOn: [connections.actions[0]],
    });
    expect(Object.values(synth(stack).resource.azurerm_private_dns_a_record)).toEqual([expect.objectContaining({ depends_on: ['azapi_resource_action.approve_acct_team'] })]);
    expect(connections.rules.map((r) => [r.key, r.address])).toEqual([['team', 'approve_acct_team']]);
  });
});

describe('BatchEndpointConnections: provider and cloud', () => {
  it.each([
    ['AzureCloud', 'public'],
    ['AzureChinaCloud', 'china'],
    ['AzureUSGovernment', 'usgovernment'],
  ] as const)('creates the stack\'s azapi provider for the account\'s cloud: %s is environment %s', (cloud, environment) => {
    const { json } = build({ cloud, connections: [approveTeam] });
    expect(json.provider.azapi).toEqual([{ environment }]);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.5' });
  });

  it('shares one provider between instances, and uses the one it is given', () => {
    const stack = newStack();
    const other = new AzapiProvider(stack, 'other', { alias: 'other', environment: 'china' });
    new BatchEndpointConnections(stack, 'a', { account: ACCOUNT, connections: [approveTeam] });
    new BatchEndpointConnections(stack, 'b', { account: batchAccountFromId(ACCOUNT_ID.replace('acct', 'acct2'), 'westeurope'), connections: [approveTeam] });
    new BatchEndpointConnections(stack, 'c', { account: batchAccountFromId(ACCOUNT_ID.replace('acct', 'acct3'), 'chinaeast2'), provider: other, connections: [approveTeam] });
    const json = synth(stack);
    expect(json.provider.azapi).toEqual([{ alias: 'other', environment: 'china' }, { environment: 'public' }]);
    const providers = Object.fromEntries(Object.entries(json.resource.azapi_resource_action).map(([address, a]: [string, any]) => [address, a.provider]));
    expect(providers).toEqual({ approve_acct_team: 'azapi', approve_acct2_team: 'azapi', approve_acct3_team: 'azapi.other' });
  });

  it('reports a stack whose default azapi provider is for another cloud', () => {
    const stack = newStack();
    new AzapiProvider(stack, 'azapi', { environment: 'public' });
    new BatchEndpointConnections(stack, 'conns', { account: ACCOUNT, cloud: 'AzureUSGovernment', connections: [approveTeam] });
    expect(problemsIn(stack)).toEqual([expect.stringMatching(
      /^test\/conns: cloud is AzureUSGovernment \(azapi environment "usgovernment"\), but the stack's default azapi provider test\/azapi has environment "public"/,
    )]);
  });
});

describe('BatchEndpointConnections: outputs and show', () => {
  it('adds no outputs unless asked', () => {
    expect(build({ connections: [approveTeam] }).json.output).toBeUndefined();
  });

  it('outputs the connections and, per rule, what its action applied, named after the account', () => {
    const { json } = build({ outputs: true, connections: [approveTeam] });
    expect(json.output.acct_connections.value).toBe('${data.azapi_resource_list.connections_acct.output.connections}');
    // Per rule: the connection it was for, and the request its action sent.
    const sent = { type: CONNECTION_TYPE, resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe-team.${GUID}`, method: 'PATCH', body: { properties: {} } };
    expect(evaluateStackExpressions(json.locals, { actions: json.output.acct_connection_actions.value }, {
      'data.azapi_resource_list.connections_acct': { output: { connections: [] } },
      'terraform_data.approve_acct_team': { output: { resource_id: sent.resource_id } },
      'azapi_resource_action.approve_acct_team': sent,
    })).toEqual({ actions: { approve_acct_team: { target: sent.resource_id, ...sent } } });
  });

  it('shows one connection in full, with an output when outputs are on', () => {
    const { stack, connections } = build({ outputs: true, connections: [] });
    const shown = connections.show('team', `pe-team.${GUID}`);
    const json = synth(stack);
    expect(json.data.azapi_resource.connection_acct_team).toMatchObject({ type: CONNECTION_TYPE, resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe-team.${GUID}`, response_export_values: ['*'] });
    expect(json.output.acct_connection_team.value).toBe('${data.azapi_resource.connection_acct_team.output}');
    expect(shown).toBeInstanceOf(AzapiDataResource);
    connections.show('bad', 'a/b');
    expect(problemsIn(stack)).toEqual([expect.stringMatching(/^test\/conns: show\("bad"\)\.connectionName must be a connection name/)]);
  });

  it('reads no list without rules and outputs', () => {
    expect(build({ connections: [] }).connections.connectionList).toBeUndefined();
  });
});

describe('BatchEndpointConnections: validation', () => {
  it('reports every problem at once at synth, each with the construct path and the field, and builds no rule', () => {
    const stack = newStack();
    const connections = new BatchEndpointConnections(stack, 'conns', {
      account: { ...ACCOUNT, id: TEAM_ID },
      apiVersion: '2021-06-01' as any,
      connections: [
        { action: 'remove', connectionName: 'pe/evil', description: 'x' },
        approveTeam,
        { ...approveTeam, action: 'reject' },
      ],
    });
    expect(problemsIn(stack)).toEqual([
      expect.stringMatching(/^test\/conns: account.id must be a Batch account ID/),
      'test/conns: apiVersion must be one of 2024-07-01|2025-06-01, got "2021-06-01"',
      'test/conns: connections[0].description is not allowed for remove (the DELETE has no body); delete it',
      expect.stringMatching(/^test\/conns: connections\[0\].connectionName must be a connection name.*got "pe\/evil"$/),
      expect.stringMatching(/^test\/conns: connections\[2\] contradicts connections\[1\]: it would approve/),
    ]);
    expect(connections.rules).toEqual([]);
  });
});

describe('BatchEndpointConnections: reviewable output', () => {
  it('matches the snapshot of one rule of each kind', () => {
    const { json } = build({
      outputs: true,
      connections: [approveTeam, { action: 'reject', connectionName: `pe-other.${GUID}`, description: 'not ours' }, { action: 'remove', connectionName: `pe-old.${GUID}` }],
    });
    expect(Object.keys(json.check)).toEqual(['approve_acct_team', 'reject_acct_other', 'remove_acct_old']);
    expect(json).toMatchSnapshot();
  });
});

describeWithTerraform('BatchEndpointConnections: Terraform accepts it, as JSON and as HCL', () => {
  const rules: ConnectionRule[] = [approveTeam, { action: 'reject', connectionName: `pe-other.${GUID}`, description: 'say "no", 100%' }, { action: 'remove', privateEndpointId: `${TEAM_ID}-old` }];
  let hcl: SynthesizedApp;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'connections-'));
    const { stack } = build({ outputs: true, connections: rules });
    writeFileSync(join(dir, 'cdk.tf.json'), Testing.synth(stack));
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      hcl = synthApp((app) => new BatchEndpointConnections(new TerraformStack(app, 'hcl'), 'conns', { account: ACCOUNT, outputs: true, connections: rules }));
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    hcl?.cleanup();
  });

  it('validates without errors', async () => {
    const results = await validateStacks([dir, hcl.stackDirs.hcl]);
    expect(results.map((r) => r.errors)).toEqual([[], []]);
    const text = readFileSync(join(hcl.stackDirs.hcl, 'cdk.tf'), 'utf8');
    expect(text).toContain('check "approve_acct_team" {');
    expect(text).toMatch(/postcondition \{/);
  }, 60_000);
});

describe('BatchEndpointConnections: state written by 0.1', () => {
  /** The address cdktf gives a resource at construct path `conns/<id>` of a stack: what 0.1 gave its actions. */
  const addressAt = (id: string): string => {
    const stack = newStack();
    return `azapi_resource_action.${new AzapiResourceAction(new Construct(stack, 'conns'), id, { type: 't', resourceId: 'r' }).friendlyUniqueId}`;
  };

  it('moves 0.1\'s positional action (construct rule-<index>-<action>) to the rule\'s keyed address, when asked for moved blocks', () => {
    const stack = new TerraformStack(Testing.app({ context: { [MOVED_FROM_V01_CONTEXT]: true } }), 'test');
    new BatchEndpointConnections(stack, 'conns', { account: ACCOUNT, connections: [approveTeam, { action: 'remove', connectionName: `pe-old.${GUID}` }] });
    const json = synth(stack);
    expect(json.moved).toEqual([
      { from: addressAt('rule-0-approve'), to: 'azapi_resource_action.approve_acct_team' },
      { from: addressAt('rule-1-remove'), to: 'azapi_resource_action.remove_acct_old' },
    ]);
    expect(addressAt('rule-0-approve')).toMatch(/^azapi_resource_action\.conns_rule-0-approve_[0-9A-F]{8}$/);
  });
});
