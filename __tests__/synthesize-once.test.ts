import { App, Lazy, TerraformLocal, TerraformOutput, TerraformStack } from 'cdktf';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { prepareAloneWithoutCrossStackPass, synthesizeOnce } from '../app/synthesize-once';

describe('a stack synthesized once', () => {
  it('gives the JSON cdktf gives, once while its constructs stay, and anew once a construct is added', () => {
    const stack = new TerraformStack(new App(), 's');
    new TerraformOutput(stack, 'a', { value: 'x' });
    const plain = stack.toTerraform();
    synthesizeOnce(stack);
    const first = stack.toTerraform();
    expect(first).toEqual(plain);
    expect(stack.toTerraform()).toBe(first);
    new TerraformOutput(stack, 'b', { value: 'y' });
    expect(Object.keys(stack.toTerraform().output)).toEqual(['a', 'b']);
  });
});

describe('a stack prepared without the cross-stack pass', () => {
  /** Two stacks, the second's output referring to a resource-like token of the first. */
  function app(stacks: 1 | 2): { app: App; last: TerraformStack; resolved: () => number } {
    const a = new App({ outdir: mkdtempSync(join(tmpdir(), 'prepare-')) });
    const first = new TerraformStack(a, 'first');
    const source = new TerraformOutput(first, 'source', { value: 'x' });
    let resolved = 0;
    new TerraformOutput(first, 'counted', { value: Lazy.stringValue({ produce: () => String(++resolved) }) });
    const last = stacks === 1 ? first : new TerraformStack(a, 'second');
    if (stacks === 2) new TerraformOutput(last, 'copy', { value: new TerraformLocal(first, 'l', source.value).asString });
    [first, last].forEach((s) => prepareAloneWithoutCrossStackPass(s));
    return { app: a, last, resolved: () => resolved };
  }

  it('alone in its app, is not resolved once more before synth, and still gets its backend', () => {
    const { app: a, last, resolved } = app(1);
    last.prepareStack();
    expect(resolved()).toBe(0);
    a.synth();
    expect(Object.keys(JSON.parse(readFileSync(join(a.outdir, 'stacks', 'first', 'cdk.tf.json'), 'utf8')).terraform.backend)).toEqual(['local']);
  });

  it('beside another stack, is prepared as cdktf has it: a reference to the other stack becomes its remote state', () => {
    const { app: a } = app(2);
    a.synth();
    const second = JSON.parse(readFileSync(join(a.outdir, 'stacks', 'second', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(second.data.terraform_remote_state)).toEqual(['cross-stack-reference-input-first']);
  });
});
