import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * Makes a stack's `toTerraform()` synthesize once while its constructs stay as they are: the guards read the stack's
 * JSON while `buildApp` validates, and cdktf's synth writes it, so without this every stack is synthesized twice, the
 * costliest step of a large synth after building (issue #24). A construct added since (cdktf's synth adds one for a
 * cross-stack reference or a missing backend) makes it synthesize again. The app changes no construct's props after
 * building its stacks, so the count of constructs is the one thing that can change.
 */
export function synthesizeOnce(stack: TerraformStack): void {
  const synthesize = stack.toTerraform.bind(stack);
  let last: { constructs: number; json: any } | undefined;
  stack.toTerraform = () => {
    const constructs = stack.node.findAll().length;
    if (last?.constructs !== constructs) last = { constructs, json: synthesize() };
    return last.json;
  };
}

/**
 * cdktf's synth resolves every element of every stack once more before writing ("preparing"), only to find tokens
 * that reference another stack's resources, for which it adds an output there and a remote state here. A stack
 * alone in its app can hold no such reference, so for it that pass only makes sure it has a backend: a fifth of a
 * large synth's CPU (BENCHMARKS.md). With other stacks in the app it runs as cdktf has it.
 */
export function prepareAloneWithoutCrossStackPass(stack: TerraformStack): void {
  const prepare = stack.prepareStack.bind(stack);
  stack.prepareStack = () => {
    if (stackCount(stack.node.root) === 1) stack.ensureBackendExists();
    else prepare();
  };
}

/** The stacks of an app, counted once per synth (cdktf prepares each stack in turn; none is added meanwhile). */
const STACK_COUNTS = new WeakMap<IConstruct, number>();
function stackCount(root: IConstruct): number {
  let count = STACK_COUNTS.get(root);
  if (count === undefined) {
    count = root.node.findAll().filter((c) => TerraformStack.isStack(c)).length;
    STACK_COUNTS.set(root, count);
    // Counted anew in the next synth, which may follow a change.
    void Promise.resolve().then(() => STACK_COUNTS.delete(root));
  }
  return count;
}
