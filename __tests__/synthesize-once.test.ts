import { App, Lazy, LocalBackend, TerraformLocal, TerraformOutput, TerraformStack } from 'cdktf';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { prepareWithoutNeedlessCrossStackPass, synthesizeOnce } from '../app/synthesize-once';

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

describe('a stack prepared without a needless cross-stack pass', () => {
  /**
   * An app of `stacks` stacks built as the app command builds them: each synthesized once, for the guards, before
   * cdktf's synth. The first counts how often its lazy output is resolved; the second, if `refers`, outputs a local
   * of the first.
   */
  function app(stacks: 1 | 2, refers = false): { app: App; first: TerraformStack; resolved: () => number } {
    const a = new App({ outdir: mkdtempSync(join(tmpdir(), 'prepare-')) });
    const first = new TerraformStack(a, 'first');
    // A backend of its own, as the app's stacks have: cdktf adds none, so nothing changes the stack after its synth.
    new LocalBackend(first, { path: 'first.tfstate' });
    const source = new TerraformLocal(first, 'source', 'x');
    let resolved = 0;
    new TerraformOutput(first, 'counted', { value: Lazy.stringValue({ produce: () => String(++resolved) }) });
    const all = [first];
    if (stacks === 2) {
      const second = new TerraformStack(a, 'second');
      new LocalBackend(second, { path: 'second.tfstate' });
      new TerraformOutput(second, 'copy', { value: refers ? source.asString : 'y' });
      all.push(second);
    }
    all.forEach((s) => { synthesizeOnce(s); prepareWithoutNeedlessCrossStackPass(s); s.toTerraform(); });
    return { app: a, first, resolved: () => resolved };
  }
  const written = (a: App, stack: string) => JSON.parse(readFileSync(join(a.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));

  it('alone in its app, is not resolved once more before synth', () => {
    const { app: a, first, resolved } = app(1);
    first.prepareStack();
    expect(resolved()).toBe(1);
    a.synth();
    expect(resolved()).toBe(1);
  });

  it('still gets a backend when it has none', () => {
    const a = new App({ outdir: mkdtempSync(join(tmpdir(), 'prepare-')) });
    const bare = new TerraformStack(a, 'bare');
    new TerraformOutput(bare, 'o', { value: 'x' });
    synthesizeOnce(bare);
    prepareWithoutNeedlessCrossStackPass(bare);
    bare.toTerraform();
    a.synth();
    expect(Object.keys(written(a, 'bare').terraform.backend)).toEqual(['local']);
  });

  it('beside a stack that does not refer to it, is not resolved once more either', () => {
    const { app: a, resolved } = app(2);
    a.synth();
    expect(resolved()).toBe(1);
    expect(written(a, 'second').data).toBeUndefined();
  });

  it('referred to from another stack, is prepared as cdktf has it: the reference becomes an output there and remote state here', () => {
    const { app: a } = app(2, true);
    a.synth();
    expect(Object.keys(written(a, 'second').data.terraform_remote_state)).toEqual(['cross-stack-reference-input-first']);
    expect(Object.keys(written(a, 'first').output)).toContain('cross-stack-output-localsource');
  });

  it('changed since it was synthesized, is prepared as cdktf has it', () => {
    const { app: a, first, resolved } = app(1);
    new TerraformOutput(first, 'later', { value: 'z' });
    first.prepareStack();
    expect(resolved()).toBe(2);
    a.synth();
    expect(Object.keys(written(a, 'first').output).sort()).toEqual(['counted', 'later']);
  });
});
