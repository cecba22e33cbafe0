import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { BatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchEndpointConnections, BatchEndpointConnectionsProps } from '../lib/batch-endpoint-connections';
import { AzapiProvider } from '../lib/azapi/provider';
import { AzapiResourceAction } from '../lib/azapi/resource-action';
import { AzapiDataResource } from '../lib/azapi/data-resource';
import { AzapiDataResourceList } from '../lib/azapi/data-resource-list';
import { ConnectionRule } from '../lib/rules/connections';
import { describeWithTerraform, planStack, validateStacks } from './helpers/terraform';

const SUB = '00000000-0000-0000-0000-000000000000';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct`;
const ENDPOINT_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/pe`;
const OLD_ENDPOINT_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/old`;
const TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const APPROVE_BODY = { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'approved by ops' } } };

const newStack = () => new TerraformStack(Testing.app(), 'test');
const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));

/** The stack, the construct and its synthesized JSON. */
function build(props: Partial<BatchEndpointConnectionsProps> & { connections: ConnectionRule[] }) {
  const stack = newStack();
  const connections = new BatchEndpointConnections(stack, 'conns', { accountId: ACCOUNT_ID, ...props });
  return { stack, connections, json: synth(stack) };
}

/** The one block of `type` under `kind` (resource, data), without cdktf's `//` metadata. */
function only(json: any, kind: 'resource' | 'data', type: string): any {
  const blocks = Object.values(json[kind]?.[type] ?? {});
  expect(blocks).toHaveLength(1);
  const { ['//']: _metadata, ...block } = blocks[0] as any;
  return block;
}

const actionsOf = (json: any): any[] => Object.values(json.resource.azapi_resource_action);

describe('BatchEndpointConnections: requests', () => {
  it('approves a connection by name with a PATCH of status Approved, sent only while it is Pending', () => {
    const { json } = build({ connections: [{ action: 'approve', connectionName: 'pe.1234', description: 'approved by ops' }] });
    expect(JSON.stringify(json)).toHaveResourceWithProperties(AzapiResourceAction, {
      type: TYPE,
      resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe.1234`,
      body: APPROVE_BODY,
      when: 'apply',
      locks: [ACCOUNT_ID],
    });
    const action = only(json, 'resource', 'azapi_resource_action');
    expect(typeof action.body).toBe('object');
    expect(action.method).toMatch(/^\$\{anytrue\(\[for c in local\.\S+ : contains\(\["Pending"\], c\.status\)\]\) \? "PATCH" : "GET"\}$/);
    expect(action.lifecycle.ignore_changes).toEqual(['method', 'body']);
  });

  it('rejects with a PATCH of status Rejected, sent while Pending or Approved', () => {
    const { json } = build({ connections: [{ action: 'reject', connectionName: 'pe.1234', description: 'not ours' }] });
    const action = only(json, 'resource', 'azapi_resource_action');
    expect(action.body).toEqual({ properties: { privateLinkServiceConnectionState: { status: 'Rejected', description: 'not ours' } } });
    expect(action.method).toContain('contains(["Pending","Approved"], c.status)]) ? "PATCH" : "GET"');
    expect(action.type).toBe(TYPE);
  });

  it('removes by name with a bodiless DELETE, reading nothing', () => {
    const { json } = build({ connections: [{ action: 'remove', connectionName: 'pe.1234' }] });
    expect(only(json, 'resource', 'azapi_resource_action')).toEqual({
      type: TYPE,
      resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe.1234`,
      method: 'DELETE',
      when: 'apply',
      locks: [ACCOUNT_ID],
      provider: 'azapi',
    });
    expect(json.data).toBeUndefined();
  });

  it('uses 2025-06-01 when asked', () => {
    const { json } = build({ apiVersion: '2025-06-01', connections: [{ action: 'remove', connectionName: 'pe.1' }] });
    expect(only(json, 'resource', 'azapi_resource_action').type).toBe('Microsoft.Batch/batchAccounts/privateEndpointConnections@2025-06-01');
  });

  it('never uses azapi_update_resource, whose GET+PUT the connection API cannot serve', () => {
    const { json } = build({ connections: [{ action: 'approve', connectionName: 'a.1', description: 'ok' }] });
    expect(json.resource.azapi_update_resource).toBeUndefined();
  });
});

describe('BatchEndpointConnections: selecting by private endpoint', () => {
  const rules: ConnectionRule[] = [
    { action: 'approve', privateEndpointId: ENDPOINT_ID, description: 'approved by ops' },
    { action: 'remove', privateEndpointId: OLD_ENDPOINT_ID },
  ];

  it('reads one connection list for all rules, reducing each connection to id, name, endpoint ID and status', () => {
    const { json } = build({ connections: rules });
    const list = only(json, 'data', 'azapi_resource_list');
    expect(list).toMatchObject({ type: TYPE, parent_id: ACCOUNT_ID });
    expect(list.response_export_values.connections).toMatch(/^value\[\]\.\{id: id, name: name, privateEndpointId: properties\.privateEndpoint\.id/);
    expect(list.response_export_values.selectedEndpointIds).toBe(`\`\${jsonencode(["${ENDPOINT_ID}", "${OLD_ENDPOINT_ID}"])}\``);
  });

  it('matches the endpoint ID case-insensitively in a local per rule', () => {
    const { json } = build({ connections: rules });
    const listName = Object.keys(json.data.azapi_resource_list)[0];
    expect(Object.values(json.locals)).toEqual([
      `\${[for c in data.azapi_resource_list.${listName}.output.connections : c if lower(c.privateEndpointId) == lower("${ENDPOINT_ID}")]}`,
      `\${[for c in data.azapi_resource_list.${listName}.output.connections : c if lower(c.privateEndpointId) == lower("${OLD_ENDPOINT_ID}")]}`,
    ]);
  });

  it('fails the plan unless exactly one connection matches an approve, naming the endpoint and the account', () => {
    const { json } = build({ connections: rules });
    const [approve] = actionsOf(json);
    const local = Object.keys(json.locals)[0];
    expect(approve.resource_id).toBe(
      `\${length(local.${local}) == 1 ? local.${local}[0].id : ` +
      `format("%s/privateEndpointConnections/%s", "${ACCOUNT_ID}", regex("[^/]+$", "${ENDPOINT_ID}"))}`,
    );
    expect(approve.lifecycle.precondition[0]).toEqual({
      condition: `\${length(local.${local}) == 1}`,
      error_message: `test/conns: connections[0] (approve): expected exactly one connection from private endpoint ${ENDPOINT_ID} ` +
        `on Batch account ${ACCOUNT_ID}, found \${length(local.${local})}.`,
    });
    expect(approve.lifecycle.precondition[1].condition).toBe(`\${alltrue([for c in local.${local} : contains(["Pending","Approved"], c.status)])}`);
  });

  it('lets a remove find at most one connection and keeps the ID it removed', () => {
    const { json } = build({ connections: rules });
    const remove = actionsOf(json)[1];
    expect(remove.method).toBe('DELETE');
    expect(remove.body).toBeUndefined();
    expect(remove.lifecycle.precondition).toHaveLength(1);
    expect(remove.lifecycle.precondition[0].condition).toMatch(/^\$\{length\(local\.\S+\) <= 1\}$/);
    expect(remove.lifecycle.ignore_changes).toEqual(['resource_id']);
  });

  it('orders everything after an endpoint of the stack through its ID, and the list is read only once it exists', () => {
    const stack = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const endpoint = new PrivateEndpoint(stack, 'pe', {
      name: 'pe', location: 'westeurope', resourceGroupName: 'rg', subnetId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      privateServiceConnection: { name: 'pe', privateConnectionResourceId: ACCOUNT_ID, subresourceNames: ['batchAccount'], isManualConnection: true, requestMessage: 'please' },
    });
    new BatchEndpointConnections(stack, 'conns', { accountId: ACCOUNT_ID, connections: [{ action: 'approve', privateEndpointId: endpoint.id, description: 'ok' }] });
    const json = synth(stack);
    expect(only(json, 'data', 'azapi_resource_list').response_export_values.selectedEndpointIds).toBe('`${jsonencode([azurerm_private_endpoint.pe.id])}`');
    expect(Object.values(json.locals)[0]).toContain('lower(c.privateEndpointId) == lower(azurerm_private_endpoint.pe.id)');
    expect(only(json, 'resource', 'azapi_resource_action').resource_id).toContain('regex("[^/]+$", azurerm_private_endpoint.pe.id)');
  });

  it('waits for dependsOn with the list and the actions', () => {
    const stack = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const account = new BatchAccount(stack, 'acct', { name: 'acct', location: 'westeurope', resourceGroupName: 'rg' });
    new BatchEndpointConnections(stack, 'conns', {
      accountId: account.id, dependsOn: [account], connections: [{ action: 'approve', connectionName: 'pe.1', description: 'ok' }],
    });
    const json = synth(stack);
    expect(only(json, 'data', 'azapi_resource_list').depends_on).toEqual(['azurerm_batch_account.acct']);
    expect(only(json, 'resource', 'azapi_resource_action').depends_on).toEqual(['azurerm_batch_account.acct']);
  });

  it('exposes each action, so that DNS records of a manual endpoint can wait for the approval', () => {
    const stack = newStack();
    const connections = new BatchEndpointConnections(stack, 'conns', {
      accountId: ACCOUNT_ID, connections: [{ action: 'approve', privateEndpointId: ENDPOINT_ID, description: 'ok' }],
    });
    new PrivateDnsARecord(stack, 'record', {
      name: 'acct.westeurope', zoneName: 'privatelink.batch.azure.com', resourceGroupName: 'rg', ttl: 10, records: ['10.0.0.4'],
      dependsOn: [connections.actions[0]],
    });
    const json = synth(stack);
    const actionName = Object.keys(json.resource.azapi_resource_action)[0];
    expect(connections.actions).toHaveLength(1);
    expect(only(json, 'resource', 'azurerm_private_dns_a_record').depends_on).toEqual([`azapi_resource_action.${actionName}`]);
  });
});

describe('BatchEndpointConnections: provider', () => {
  it('adds one azapi provider (azure/azapi ~> 2.5) to a stack without one, shared by every instance', () => {
    const stack = newStack();
    new BatchEndpointConnections(stack, 'a', { accountId: ACCOUNT_ID, connections: [{ action: 'remove', connectionName: 'x.1' }] });
    new BatchEndpointConnections(stack, 'b', { accountId: ACCOUNT_ID, connections: [{ action: 'remove', connectionName: 'y.1' }] });
    const json = synth(stack);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.5' });
    expect(json.provider.azapi).toHaveLength(1);
  });

  it('uses the stack\'s own provider, or the one it is given', () => {
    const stack = newStack();
    new AzapiProvider(stack, 'mine', { subscriptionId: SUB });
    const other = new AzapiProvider(stack, 'other', { alias: 'other' });
    new BatchEndpointConnections(stack, 'a', { accountId: ACCOUNT_ID, connections: [{ action: 'remove', connectionName: 'x.1' }] });
    new BatchEndpointConnections(stack, 'b', { accountId: ACCOUNT_ID, provider: other, connections: [{ action: 'remove', connectionName: 'y.1' }] });
    const json = synth(stack);
    expect(json.provider.azapi).toEqual([{ subscription_id: SUB }, { alias: 'other' }]);
    expect(actionsOf(json).map((a) => a.provider)).toEqual(['azapi', 'azapi.other']);
  });
});

describe('BatchEndpointConnections: list and show', () => {
  it('adds no outputs unless asked', () => {
    const { json } = build({ connections: [{ action: 'approve', privateEndpointId: ENDPOINT_ID, description: 'ok' }] });
    expect(json.output).toBeUndefined();
  });

  it('outputs the connections with name, endpoint ID and status', () => {
    const { json, connections } = build({ outputs: true, connections: [] });
    const listName = Object.keys(json.data.azapi_resource_list)[0];
    expect(Object.values(json.output)).toEqual([{
      description: 'Private endpoint connections of the Batch account: id, name, privateEndpointId, status',
      value: `\${data.azapi_resource_list.${listName}.output.connections}`,
    }]);
    expect(connections.connectionsOutput).toBeDefined();
  });

  it('shows one connection in full, with an output when outputs are on', () => {
    const { stack, connections } = build({ outputs: true, connections: [] });
    const shown = connections.show('pe1', 'pe.1234');
    const json = synth(stack);
    expect(JSON.stringify(json)).toHaveDataSourceWithProperties(AzapiDataResource, {
      type: TYPE, resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe.1234`, response_export_values: ['*'],
    });
    const dataName = Object.keys(json.data.azapi_resource)[0];
    expect(Object.values(json.output)).toContainEqual({
      description: 'A private endpoint connection of the Batch account', value: `\${data.azapi_resource.${dataName}.output}`,
    });
    expect(shown).toBeInstanceOf(AzapiDataResource);
  });

  it('checks the name it shows', () => {
    const { connections } = build({ connections: [] });
    expect(() => connections.show('bad', 'a/b')).toThrow(/^test\/conns: connectionName must be a connection name/);
  });

  it('names outputs after the construct path, so that two instances never collide', () => {
    const stack = newStack();
    for (const id of ['first', 'second']) {
      new BatchEndpointConnections(stack, id, { accountId: ACCOUNT_ID, outputs: true, connections: [] }).show('one', 'pe.1');
    }
    const names = Object.keys(synth(stack).output);
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.startsWith('first_'))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith('second_'))).toHaveLength(2);
  });

  it('reads no list when no rule needs one and no output is asked for', () => {
    const { connections } = build({ connections: [{ action: 'remove', connectionName: 'x.1' }] });
    expect(connections.connectionList).toBeUndefined();
    const listed = build({ connections: [{ action: 'remove', privateEndpointId: ENDPOINT_ID }] }).connections.connectionList;
    expect(listed).toBeInstanceOf(AzapiDataResourceList);
  });
});

describe('BatchEndpointConnections: validation', () => {
  const attempt = (props: Partial<BatchEndpointConnectionsProps>) => () =>
    new BatchEndpointConnections(newStack(), 'conns', { accountId: ACCOUNT_ID, connections: [], ...props });

  it('rejects an unknown action, naming the path, the field and the allowed values', () => {
    expect(attempt({ connections: [{ action: 'remove', connectionName: 'a.1' }, { action: 'deny' as any, connectionName: 'b.1' }] }))
      .toThrow('test/conns: connections[1].action must be one of approve|reject|remove, got "deny"');
  });

  it.each(['approve', 'reject'] as const)('rejects %s with an empty description', (action) => {
    expect(attempt({ connections: [{ action, connectionName: 'a.1', description: ' ' }] }))
      .toThrow(new RegExp(`^test/conns: connections\\[0\\]\\.description is required for ${action}`));
    expect(attempt({ connections: [{ action, connectionName: 'a.1' }] })).toThrow(/connections\[0\]\.description is required/);
  });

  it('rejects both and neither of connectionName and privateEndpointId', () => {
    expect(attempt({ connections: [{ action: 'remove', connectionName: 'a.1', privateEndpointId: ENDPOINT_ID }] }))
      .toThrow('test/conns: connections[0] must set exactly one of connectionName and privateEndpointId, got both');
    expect(attempt({ connections: [{ action: 'remove' }] }))
      .toThrow('test/conns: connections[0] must set exactly one of connectionName and privateEndpointId, got neither');
  });

  it('rejects a description on remove, a bad account ID and an unsupported api-version, all at once', () => {
    expect(attempt({
      accountId: ENDPOINT_ID, apiVersion: '2021-06-01' as any, connections: [{ action: 'remove', connectionName: 'a.1', description: 'x' }],
    })).toThrow(/accountId must be a Batch account ID[\s\S]*apiVersion must be one of 2024-07-01\|2025-06-01[\s\S]*connections\[0\]\.description is not allowed/);
  });
});

describe('BatchEndpointConnections: reviewable output', () => {
  it('matches the snapshot of one rule of each kind', () => {
    const { json } = build({
      outputs: true,
      connections: [
        { action: 'approve', privateEndpointId: ENDPOINT_ID, description: 'approved by ops' },
        { action: 'reject', connectionName: 'other.5678', description: 'not ours' },
        { action: 'remove', connectionName: 'old.9999' },
      ],
    });
    expect(json).toMatchSnapshot();
  });
});

// The expressions meet data here: the synthesized stack with the list's output replaced by literal connections,
// planned by Terraform against the real azapi schema (tfshim serves placeholders, not lists, for data sources).
describeWithTerraform('BatchEndpointConnections: plans against connection data', () => {
  const connectionTo = (name: string, endpointId: string, status: string) => ({
    id: `${ACCOUNT_ID}/privateEndpointConnections/${name}`, name, privateEndpointId: endpointId, status,
  });
  const rules: ConnectionRule[] = [
    { action: 'approve', privateEndpointId: ENDPOINT_ID, description: 'ok' },
    { action: 'reject', connectionName: 'other.2', description: 'not ours' },
    { action: 'remove', privateEndpointId: OLD_ENDPOINT_ID },
  ];
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The stack with `connections` in place of what data `azapi_resource_list` would return. */
  function stackWith(connections: object[]): string {
    const { json } = build({ connections: rules });
    const listName = Object.keys(json.data.azapi_resource_list)[0];
    const text = JSON.stringify(json).split(`data.azapi_resource_list.${listName}.output.connections`).join('local.listed');
    const patched = JSON.parse(text);
    delete patched.data;
    patched.locals.listed = connections;
    const dir = mkdtempSync(join(tmpdir(), 'connections-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(patched, null, 2));
    return dir;
  }

  const planned = async (connections: object[]) => {
    const plan = await planStack(stackWith(connections)) as any;
    return plan.json.resource_changes.map((change: any) => [change.change.after.method, change.change.after.resource_id]);
  };

  it('is valid Terraform as synthesized, with an account and an endpoint of the stack', async () => {
    const stack = newStack();
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const account = new BatchAccount(stack, 'acct', { name: 'acct', location: 'westeurope', resourceGroupName: 'rg' });
    new BatchEndpointConnections(stack, 'conns', { accountId: account.id, outputs: true, connections: rules }).show('one', 'other.2');
    const dir = mkdtempSync(join(tmpdir(), 'connections-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'cdk.tf.json'), Testing.synth(stack));
    const [result] = await validateStacks([dir]);
    expect(result.errors).toEqual([]);
    const plan = await planStack(dir);
    expect(plan.resourceChanges.filter((c) => c.type === 'azapi_resource_list')).toEqual([
      expect.objectContaining({ actions: ['read'] }),
    ]);
  }, 60_000);

  it('acts on a Pending connection, matched whatever the case of its endpoint ID', async () => {
    expect(await planned([
      connectionTo('pe.1', ENDPOINT_ID.toUpperCase(), 'Pending'),
      connectionTo('other.2', '/x', 'Approved'),
      connectionTo('old.3', OLD_ENDPOINT_ID, 'Approved'),
    ])).toEqual([
      ['PATCH', `${ACCOUNT_ID}/privateEndpointConnections/pe.1`],
      ['PATCH', `${ACCOUNT_ID}/privateEndpointConnections/other.2`],
      ['DELETE', `${ACCOUNT_ID}/privateEndpointConnections/old.3`],
    ]);
  }, 60_000);

  it('only reads connections already in the wanted state, and deletes a placeholder when nothing is left', async () => {
    expect(await planned([connectionTo('pe.1', ENDPOINT_ID, 'Approved'), connectionTo('other.2', '/x', 'Rejected')])).toEqual([
      ['GET', `${ACCOUNT_ID}/privateEndpointConnections/pe.1`],
      ['GET', `${ACCOUNT_ID}/privateEndpointConnections/other.2`],
      ['DELETE', `${ACCOUNT_ID}/privateEndpointConnections/old`],
    ]);
  }, 60_000);

  it('fails the plan when the endpoint has no connection, or one that cannot be approved', async () => {
    const other = connectionTo('other.2', '/x', 'Pending');
    await expect(planStack(stackWith([other]))).rejects.toThrow(/connections\[0\] \(approve\): expected exactly one connection from\s+private endpoint[\s\S]*found 0\./);
    await expect(planStack(stackWith([other, connectionTo('pe.1', ENDPOINT_ID, 'Rejected')])))
      .rejects.toThrow(/is Rejected, not Pending or Approved/);
  }, 60_000);
});
