import { Construct } from 'constructs';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider, azapiCloudProblem, azapiProviderFor } from '../lib/azapi/provider';
import { AzapiResourceAction } from '../lib/azapi/resource-action';
import { AzapiDataResource } from '../lib/azapi/data-resource';
import { AzapiDataResourceList } from '../lib/azapi/data-resource-list';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct';
const CONNECTION_TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';

const newStack = (name = 'test') => new TerraformStack(Testing.app(), name);
const synth = (stack: TerraformStack) => JSON.parse(Testing.synth(stack));

describe('AzapiProvider', () => {
  it('requires azure/azapi ~> 2.5 and writes its arguments in snake_case', () => {
    const stack = newStack();
    new AzapiProvider(stack, 'azapi', { subscriptionId: 'sub', tenantId: 'tenant', environment: 'public', useOidc: true, useCli: false });
    const json = synth(stack);
    expect(json.terraform.required_providers.azapi).toEqual({ source: 'azure/azapi', version: '~> 2.5' });
    expect(json.provider.azapi).toEqual([{ subscription_id: 'sub', tenant_id: 'tenant', environment: 'public', use_oidc: true, use_cli: false }]);
  });

  it('writes an alias that resources select it by', () => {
    const stack = newStack();
    const other = new AzapiProvider(stack, 'other', { alias: 'other', subscriptionId: 'sub2' });
    new AzapiDataResourceList(stack, 'list', { type: CONNECTION_TYPE, parentId: ACCOUNT_ID, provider: other });
    const json = synth(stack);
    expect(json.provider.azapi).toEqual([{ alias: 'other', subscription_id: 'sub2' }]);
    expect(json.data.azapi_resource_list.list.provider).toBe('azapi.other');
  });

  it('synthesizes HCL', () => {
    const stack = newStack();
    new AzapiProvider(stack, 'azapi', { subscriptionId: 'sub', useMsi: true });
    expect(Testing.synthHcl(stack)).toMatch(/provider "azapi" \{\s*subscription_id = "sub"\s*use_msi = true\s*\}/);
  });
});

describe('azapiProviderFor', () => {
  it('adds one default provider with id azapi to a stack that has none, however often it is called', () => {
    const stack = newStack();
    const first = azapiProviderFor(stack);
    expect(azapiProviderFor(stack)).toBe(first);
    expect(first.node.id).toBe('azapi');
    expect(first.node.scope).toBe(stack);
    expect(synth(stack).provider.azapi).toEqual([{ environment: 'public' }]);
  });

  it.each([
    ['AzureCloud', 'public'],
    ['AzureChinaCloud', 'china'],
    ['AzureUSGovernment', 'usgovernment'],
  ] as const)('creates the provider for the cloud it is given: %s is environment %s', (cloud, environment) => {
    const stack = newStack();
    azapiProviderFor(stack, cloud);
    expect(synth(stack).provider.azapi).toEqual([{ environment }]);
  });

  it('tells when a default provider is for another cloud, naming both', () => {
    const stack = newStack();
    const existing = new AzapiProvider(stack, 'azapi');
    expect(azapiProviderFor(stack, 'AzureChinaCloud')).toBe(existing);
    expect(azapiCloudProblem(existing, 'AzureChinaCloud')).toBe(
      'is AzureChinaCloud (azapi environment "china"), but the stack\'s default azapi provider test/azapi has environment "public"; ' +
      'give a provider for AzureChinaCloud, or the cloud the stack uses',
    );
    expect(azapiCloudProblem(existing, 'AzureCloud')).toBeUndefined();
  });

  it('reuses a default provider the stack already has, wherever it sits', () => {
    const stack = newStack();
    const existing = new AzapiProvider(new TerraformStack(Testing.app(), 'unrelated'), 'azapi');
    const own = new AzapiProvider(new Construct(stack, 'nested'), 'custom', { subscriptionId: 'sub' });
    expect(azapiProviderFor(stack)).toBe(own);
    expect(azapiProviderFor(stack)).not.toBe(existing);
  });

  it('does not take an aliased provider for the default', () => {
    const stack = newStack();
    new AzapiProvider(stack, 'other', { alias: 'other' });
    expect(azapiProviderFor(stack).alias).toBeUndefined();
  });

  it('gives each stack its own provider', () => {
    const app = new App({ skipValidation: true });
    const a = new TerraformStack(app, 'a');
    const b = new TerraformStack(app, 'b');
    expect(azapiProviderFor(a)).not.toBe(azapiProviderFor(b));
  });
});

describe('AzapiResourceAction', () => {
  const body = { properties: { privateLinkServiceConnectionState: { status: 'Approved', description: 'ok' } } };

  it('writes every argument in snake_case, with the body as an object', () => {
    const json = Testing.synthScope((scope) => {
      new AzapiResourceAction(scope, 'approve', {
        type: CONNECTION_TYPE,
        resourceId: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`,
        method: 'PATCH',
        body,
        when: 'apply',
        responseExportValues: ['properties.privateLinkServiceConnectionState'],
        locks: [ACCOUNT_ID],
      });
    });
    expect(json).toHaveResourceWithProperties(AzapiResourceAction, {
      type: CONNECTION_TYPE,
      resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`,
      method: 'PATCH',
      body,
      when: 'apply',
      response_export_values: ['properties.privateLinkServiceConnectionState'],
      locks: [ACCOUNT_ID],
    });
    const action = JSON.parse(json).resource.azapi_resource_action.approve;
    expect(typeof action.body).toBe('object');
    expect(action).not.toHaveProperty('action');
  });

  it('exposes id and output as references, and passes lifecycle preconditions through', () => {
    const stack = newStack();
    const action = new AzapiResourceAction(stack, 'act', {
      type: CONNECTION_TYPE,
      resourceId: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`,
      lifecycle: { precondition: [{ condition: '${1 == 1}', errorMessage: 'never' }], ignoreChanges: ['method'] },
    });
    new TerraformOutput(stack, 'out', { value: action.output });
    new TerraformOutput(stack, 'id', { value: action.id });
    const json = synth(stack);
    expect(json.output.out.value).toBe('${azapi_resource_action.act.output}');
    expect(json.output.id.value).toBe('${azapi_resource_action.act.id}');
    expect(json.resource.azapi_resource_action.act.lifecycle).toEqual({
      precondition: [{ condition: '${1 == 1}', error_message: 'never' }],
      ignore_changes: ['method'],
    });
  });

  it('synthesizes HCL with the body as an object and preconditions as blocks', () => {
    const stack = newStack();
    new AzapiResourceAction(stack, 'act', {
      type: CONNECTION_TYPE,
      resourceId: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`,
      method: 'PATCH',
      body,
      lifecycle: { precondition: [{ condition: '${1 == 1}', errorMessage: 'never' }] },
    });
    const hcl: string = Testing.synthHcl(stack);
    expect(hcl).toMatch(/body = \{\s*properties = \{\s*privateLinkServiceConnectionState = \{\s*status = "Approved"/);
    expect(hcl).toMatch(/lifecycle \{\s*precondition \{\s*condition = "\$\{1 == 1\}"\s*error_message = "never"\s*\}/);
    expect(hcl).not.toMatch(/precondition =/);
  });
});

describe('azapi data sources', () => {
  it('lists children under a parent, exporting JMESPath queries', () => {
    const stack = newStack();
    const list = new AzapiDataResourceList(stack, 'list', {
      type: CONNECTION_TYPE, parentId: ACCOUNT_ID, responseExportValues: { names: 'value[].name' },
    });
    new TerraformOutput(stack, 'out', { value: list.output });
    const json = Testing.synth(stack);
    expect(json).toHaveDataSourceWithProperties(AzapiDataResourceList, {
      type: CONNECTION_TYPE, parent_id: ACCOUNT_ID, response_export_values: { names: 'value[].name' },
    });
    expect(JSON.parse(json).output.out.value).toBe('${data.azapi_resource_list.list.output}');
  });

  it('reads one resource by ID', () => {
    const stack = newStack();
    const one = new AzapiDataResource(stack, 'one', {
      type: CONNECTION_TYPE, resourceId: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`, responseExportValues: ['*'],
    });
    new TerraformOutput(stack, 'out', { value: one.output });
    const json = Testing.synth(stack);
    expect(json).toHaveDataSourceWithProperties(AzapiDataResource, {
      type: CONNECTION_TYPE, resource_id: `${ACCOUNT_ID}/privateEndpointConnections/pe.1`, response_export_values: ['*'],
    });
    expect(JSON.parse(json).data.azapi_resource.one).not.toHaveProperty('name');
    expect(JSON.parse(json).output.out.value).toBe('${data.azapi_resource.one.output}');
  });

  it('reads one resource by name and parent', () => {
    const json = Testing.synthScope((scope) => {
      new AzapiDataResource(scope, 'one', { type: CONNECTION_TYPE, name: 'pe.1', parentId: ACCOUNT_ID });
    });
    expect(json).toHaveDataSourceWithProperties(AzapiDataResource, { name: 'pe.1', parent_id: ACCOUNT_ID });
  });
});
