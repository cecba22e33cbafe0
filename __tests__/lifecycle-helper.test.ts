/**
 * The lifecycle helper itself: one file per story, runs sharing state within a story, per-run results, and a
 * failure message that shows Terraform's own output. Other suites rely on it to notice broken behaviour.
 */
import { DataResource, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { AzapiProvider } from '../lib/azapi/provider';
import { AzapiResourceAction } from '../lib/azapi/resource-action';
import { describeWithTerraform, expectStoriesPassed, runLifecycleTests, synthApp, SynthesizedApp } from './helpers/terraform';

const ACCOUNT_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct';

/** A stack whose one action echoes a value kept in state, with a backend that `terraform test` must not see. */
function stackJson(): Record<string, unknown> {
  const stack = new TerraformStack(Testing.app(), 'echo');
  new LocalBackend(stack, { path: '/nowhere/terraform.tfstate' });
  new AzapiProvider(stack, 'azapi');
  const value = new DataResource(stack, 'value', { input: { value: 'first' } });
  value.overrideLogicalId('value');
  const action = new AzapiResourceAction(stack, 'action', {
    type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: ACCOUNT_ID, method: 'GET',
    lifecycle: { ignoreChanges: ['method'] },
  });
  action.overrideLogicalId('read_account');
  return JSON.parse(Testing.synth(stack));
}

const twoApplies = `
mock_provider "azapi" {}
run "first_apply" {
  assert {
    condition     = azapi_resource_action.read_account.method == "GET"
    error_message = "the action reads: \${azapi_resource_action.read_account.method}"
  }
}
run "second_apply_keeps_state" {
  command = plan
  assert {
    condition     = terraform_data.value.output == run.first_apply.value_seen
    error_message = "state from the first run is gone"
  }
}`;

describeWithTerraform('lifecycle helper: terraform test on a synthesized stack', () => {
  let dir: SynthesizedApp;
  beforeAll(() => {
    dir = synthApp((app) => {
      const stack = new TerraformStack(app, 'from-dir');
      new AzapiProvider(stack, 'azapi');
      new DataResource(stack, 'value', { input: { value: 'first' } }).overrideLogicalId('value');
    });
  });
  afterAll(() => dir?.cleanup());

  it('runs each story in its own file, in order, with state shared between the runs of a story', async () => {
    const json = stackJson();
    json.output = { value_seen: { value: '${terraform_data.value.output}' } };
    const result = await runLifecycleTests(json, [
      { name: 'two_applies', hcl: twoApplies },
      { name: 'one_plan', hcl: 'mock_provider "azapi" {}\nrun "plan_only" {\n  command = plan\n}\n' },
    ]);
    expectStoriesPassed(result);
    expect(result.runs.map((r) => [r.story, r.run, r.status])).toEqual([
      ['one_plan', 'plan_only', 'pass'],
      ['two_applies', 'first_apply', 'pass'],
      ['two_applies', 'second_apply_keeps_state', 'pass'],
    ]);
  }, 60_000);

  it('takes a stack dir as synthesized, backend and all', async () => {
    const result = await runLifecycleTests(dir.stackDirs['from-dir'], [{
      name: 'reads_value',
      hcl: 'run "apply" {\n  assert {\n    condition = terraform_data.value.output.value == "first"\n    error_message = "wrong"\n  }\n}\n',
    }]);
    expectStoriesPassed(result);
    expect(result.stories.reads_value.map((r) => r.status)).toEqual(['pass']);
  }, 60_000);

  it('reports a failed assertion with its run, its message and Terraform\'s output', async () => {
    const result = await runLifecycleTests(stackJson(), [{
      name: 'wrong_method',
      hcl: twoApplies.replace('== "GET"', '== "PATCH"').replace(/run "second_apply_keeps_state"[\s\S]*$/, ''),
    }]);
    expect(result.passed).toBe(false);
    expect(result.stories.wrong_method).toEqual([expect.objectContaining({
      run: 'first_apply', status: 'fail',
      diagnostics: [expect.objectContaining({ severity: 'error', summary: 'Test assertion failed', detail: 'the action reads: GET' })],
    })]);
    expect(() => expectStoriesPassed(result)).toThrow(/wrong_method\/first_apply: fail[\s\S]*Error: Test assertion failed[\s\S]*the action reads: GET/);
  }, 60_000);

  it('throws with Terraform\'s output when it cannot run the tests at all', async () => {
    await expect(runLifecycleTests(stackJson(), [{ name: 'broken', hcl: 'run "x" {\n  nonsense = true\n}\n' }]))
      .rejects.toThrow(/terraform test gave no results[\s\S]*nonsense/);
  }, 60_000);

  it('plans a variant of the stack against the state the earlier runs left', async () => {
    const variant = (input: string) => {
      const json = stackJson();
      (json.resource as any).terraform_data.value.input = { value: input };
      json.output = { value_seen: { value: '${terraform_data.value.output}' } };
      return json;
    };
    const base = variant('first');
    const hcl = (name: string) => `
mock_provider "azapi" {}
run "apply_base" {
  state_key = "stack"
}
run "plan_${name}" {
  state_key = "stack"
  command   = plan
  module {
    source = "./variants/${name}"
  }
  assert {
    condition     = output.value_seen == run.apply_base.value_seen
    error_message = "the variant changes the value"
  }
}`;
    const result = await runLifecycleTests(base, [{ name: 'same', hcl: hcl('same') }, { name: 'changed', hcl: hcl('changed') }], {
      variants: { same: variant('first'), changed: variant('second') },
    });
    expect(result.stories.same.map((r) => r.status)).toEqual(['pass', 'pass']);
    // Planned against the shared state, the changed value is unknown until applied: the comparison cannot hold.
    expect(result.stories.changed.map((r) => r.status)).toEqual(['pass', 'error']);
    expect(result.stories.changed[1].diagnostics.map((d) => d.summary)).toEqual(['Unknown condition value']);
  }, 60_000);

  it('refuses a story name that is no file name', async () => {
    await expect(runLifecycleTests(stackJson(), [{ name: '../escape', hcl: '' }])).rejects.toThrow('story and variant names must be letters, digits, _ and -: ../escape');
  });
});
