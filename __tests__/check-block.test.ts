import { readFileSync } from 'fs';
import { join } from 'path';
import { App, DataResource, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider } from '../lib/azapi/provider';
import { AzapiDataResource } from '../lib/azapi/data-resource';
import { CheckBlock } from '../lib/terraform/check-block';
import {
  describeWithTerraform, expectStoriesPassed, runLifecycleTests, synthApp, SynthesizedApp, validateStacks,
} from './helpers/terraform';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct';

/** A stack with one resource and two checks: one on the resource, one with a scoped azapi data source. */
function checkedStack(app: App, name = 'checked'): { stack: TerraformStack; plain: CheckBlock; scoped: CheckBlock } {
  const stack = new TerraformStack(app, name);
  new AzapiProvider(stack, 'azapi', { environment: 'public' });
  const marker = new DataResource(stack, 'marker', { input: { status: 'Pending' } });
  const plain = new CheckBlock(stack, 'status', {
    name: 'marker_is_approved',
    assertions: [{
      condition: `\${${marker.fqn}.output.status == "Approved"}`,
      errorMessage: `marker is \${${marker.fqn}.output.status}, not "Approved": approve it (see the "README")`,
    }],
  });
  const scoped = new CheckBlock(stack, 'account', { name: 'account_exists' });
  const account = scoped.scope(new AzapiDataResource(scoped, 'read', {
    type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: ACCOUNT_ID, responseExportValues: ['properties.provisioningState'],
  }));
  scoped.addAssertion({ condition: `\${${account.id} != ""}`, errorMessage: `account ${ACCOUNT_ID} cannot be read` });
  return { stack, plain, scoped };
}

const synthJson = (build: (app: App) => TerraformStack) => JSON.parse(Testing.synth(build(Testing.app())));

describe('CheckBlock: JSON synth', () => {
  it('writes check.<name> with one assert per assertion, references resolved', () => {
    const json = synthJson((app) => checkedStack(app).stack);
    expect(json.check.marker_is_approved).toEqual({
      assert: [{
        condition: '${terraform_data.marker.output.status == "Approved"}',
        error_message: 'marker is ${terraform_data.marker.output.status}, not "Approved": approve it (see the "README")',
      }],
    });
  });

  it('writes a scoped data source inside its check, and not at the top level', () => {
    const json = synthJson((app) => checkedStack(app).stack);
    expect(json.data).toBeUndefined();
    const { data, assert } = json.check.account_exists;
    const [[type, byName]] = Object.entries(data) as [string, Record<string, any>][];
    expect(type).toBe('azapi_resource');
    const [[name, block]] = Object.entries(byName);
    expect(block).toMatchObject({ type: 'Microsoft.Batch/batchAccounts@2024-07-01', resource_id: ACCOUNT_ID });
    expect(assert).toEqual([{ condition: `\${data.azapi_resource.${name}.id != ""}`, error_message: `account ${ACCOUNT_ID} cannot be read` }]);
  });

  it('is addressed by its name, whatever its construct path', () => {
    const { plain } = checkedStack(Testing.app());
    expect(plain.address).toBe('check.marker_is_approved');
    expect(plain.friendlyUniqueId).toBe('marker_is_approved');
  });

  it('reports, at synth, a name that is no lower-case Terraform identifier', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    for (const name of ['Upper', '1st', 'with-dash', '']) {
      new CheckBlock(stack, `c-${name}`, { name, assertions: [{ condition: '${true}', errorMessage: 'x' }] });
    }
    const problems = stack.node.findAll().flatMap((c) => c.node.validate()).filter((m) => m.includes(': name must'));
    expect(problems).toEqual(['Upper', '1st', 'with-dash', ''].map((name) =>
      `s/c-${name}: name must be lower case letters, digits and _, starting with a letter (it is the address check.<name>), got "${name}"`));
  });

  it('refuses, at synth, a check without assertions and two checks of one name', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new AzapiProvider(stack, 'azapi');
    new CheckBlock(stack, 'a', { name: 'same', assertions: [{ condition: '${true}', errorMessage: 'x' }] });
    new CheckBlock(stack, 'b', { name: 'same' });
    expect(() => stack.runAllValidations()).toThrow(/\[s\/a\] check name same is also used by s\/b[\s\S]*\[s\/b\] check same has no assertion/);
  });

  it('takes one scoped data source, created in its own scope', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const check = new CheckBlock(stack, 'c', { name: 'c' });
    const elsewhere = new AzapiDataResource(stack, 'elsewhere', { type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: ACCOUNT_ID });
    expect(() => check.scope(elsewhere)).toThrow('s/c: a scoped data source must be created with the check as its scope, got s/elsewhere');
    check.scope(new AzapiDataResource(check, 'one', { type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: ACCOUNT_ID }));
    expect(() => check.scope(new AzapiDataResource(check, 'two', { type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: ACCOUNT_ID })))
      .toThrow('s/c: a check has at most one scoped data source; s/c/one is already one');
  });
});

describe('CheckBlock: cdktf synth --hcl', () => {
  let synthesized: SynthesizedApp;
  beforeAll(() => {
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      synthesized = synthApp((app) => checkedStack(app, 'checked-hcl'));
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  });
  afterAll(() => synthesized?.cleanup());

  it('writes check blocks, the scoped data source inside its check, as a reviewer would write them', () => {
    const hcl = readFileSync(join(synthesized.stackDirs['checked-hcl'], 'cdk.tf'), 'utf8');
    expect(hcl).toContain([
      'check "marker_is_approved" {',
      '  assert {',
      '    condition     = terraform_data.marker.output.status == "Approved"',
      '    error_message = "marker is ${terraform_data.marker.output.status}, not \\"Approved\\": approve it (see the \\"README\\")"',
      '  }',
      '}',
    ].join('\n'));
    expect(hcl).toMatch(/check "account_exists" \{\ndata "azapi_resource" "(\w+)" \{\n[\s\S]*\n\}\n  assert \{\n    condition     = data\.azapi_resource\.\1\.id != ""\n/);
    expect(hcl.match(/data "azapi_resource"/g)).toHaveLength(1);
  });
});

describeWithTerraform('CheckBlock: Terraform reads it', () => {
  let json: SynthesizedApp;
  let hcl: SynthesizedApp;
  beforeAll(() => {
    json = synthApp((app) => checkedStack(app, 'checked-json'));
    process.env.SYNTH_HCL_OUTPUT = 'true';
    try {
      hcl = synthApp((app) => checkedStack(app, 'checked-hcl'));
    } finally {
      delete process.env.SYNTH_HCL_OUTPUT;
    }
  });
  afterAll(() => [json, hcl].forEach((s) => s?.cleanup()));

  it('validates as JSON and as HCL', async () => {
    const results = await validateStacks([json.stackDirs['checked-json'], hcl.stackDirs['checked-hcl']]);
    expect(results.map((r) => [r.stack, r.errors])).toEqual([['checked-json', []], ['checked-hcl', []]]);
  }, 60_000);

  it('warns, never fails a run, unless the assertion holds; terraform test names the check and its message', async () => {
    const story = (expectFailure: boolean, input: string) => `
mock_provider "azapi" {}
run "marker_${input.toLowerCase()}" {
  ${expectFailure ? 'expect_failures = [check.marker_is_approved]' : ''}
  override_resource {
    target = terraform_data.marker
    values = { output = { status = "${input}" } }
  }
}`;
    const result = await runLifecycleTests(json.stackDirs['checked-json'], [
      { name: 'pending_is_warned', hcl: story(true, 'Pending') },
      { name: 'pending_unexpected', hcl: story(false, 'Pending') },
    ]);
    expect(result.stories.pending_is_warned.map((r) => r.status)).toEqual(['pass']);
    const [failed] = result.stories.pending_unexpected;
    expect(failed.status).not.toBe('pass');
    expect(failed.diagnostics).toContainEqual(expect.objectContaining({
      summary: 'Check block assertion failed', context: 'check.marker_is_approved.assert[0]',
      detail: 'marker is Pending, not "Approved": approve it (see the "README")',
    }));
    expect(() => expectStoriesPassed(result)).toThrow(/pending_unexpected\/marker_pending: (fail|error)[\s\S]*Check block assertion failed[\s\S]*marker is Pending/);
  }, 60_000);
});
