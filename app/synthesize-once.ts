import { TerraformStack } from 'cdktf';
import { synthesizeWatchingReferences } from './cross-stack-references';

interface Synthesized {
  readonly constructs: number;
  readonly json: any;
  readonly refersToOtherStacks: boolean;
}

const LAST = new WeakMap<TerraformStack, Synthesized>();

/**
 * Makes a stack's `toTerraform()` synthesize once while its constructs stay as they are: the guards read the stack's
 * JSON while `buildApp` validates, and cdktf's synth writes it, so without this every stack is synthesized twice, the
 * costliest step of a large synth after building (issue #24). A construct added since (cdktf's synth adds one for a
 * cross-stack reference or a missing backend) makes it synthesize again. The app changes no construct's props after
 * building its stacks, so the count of constructs is the one thing that can change.
 */
export function synthesizeOnce(stack: TerraformStack): void {
  const synthesize = stack.toTerraform.bind(stack);
  stack.toTerraform = () => {
    const constructs = stack.node.findAll().length;
    let last = LAST.get(stack);
    if (last?.constructs !== constructs) {
      last = { constructs, ...synthesizeWatchingReferences(stack, synthesize) };
      LAST.set(stack, last);
    }
    return last.json;
  };
}

/**
 * cdktf's synth resolves every element of every stack once more before writing ("preparing"), only to find tokens
 * that refer to another stack's elements, for which it adds an output there and a remote state here: a sixth of the
 * CPU of 200 stacks, a fifth of one large stack (BENCHMARKS.md). A stack synthesized as it is now, that referred to
 * no other stack meanwhile (a stack alone in its app never does), has nothing for that pass to find: it only makes
 * sure of its backend. Any other stack is prepared as cdktf has it.
 */
export function prepareWithoutNeedlessCrossStackPass(stack: TerraformStack): void {
  const prepare = stack.prepareStack.bind(stack);
  stack.prepareStack = () => {
    const last = LAST.get(stack);
    if (last !== undefined && !last.refersToOtherStacks && last.constructs === stack.node.findAll().length) stack.ensureBackendExists();
    else prepare();
  };
}
