import { IResolveContext, TerraformStack } from 'cdktf';

/**
 * Which stacks refer to another stack's elements, seen while they synthesize. Every attribute of a resource, data
 * source, local or output resolves through cdktf's `Reference` token, which knows the stack it points into; one
 * resolved in another stack is a cross-stack reference, for which cdktf's synth adds an output there and a remote
 * state here. `Reference` is not exported: its prototype is reached through cdktf's exported `ref`. Where that fails
 * (a cdktf that moved it), every stack counts as referring, so nothing is skipped on its account.
 */
interface ReferenceLike {
  readonly originStack?: TerraformStack;
  resolve(context: IResolveContext): unknown;
}

const REFERRING = new WeakSet<TerraformStack>();

function watchReferences(): boolean {
  let prototype: ReferenceLike | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ref } = require('cdktf/lib/tfExpression') as { ref: (identifier: string) => ReferenceLike };
    prototype = Object.getPrototypeOf(ref('watch'));
  } catch {
    return false;
  }
  const resolve = prototype?.resolve;
  if (!prototype || typeof resolve !== 'function') return false;
  prototype.resolve = function resolveWatched(this: ReferenceLike, context: IResolveContext): unknown {
    const here = TerraformStack.of(context.scope);
    if (this.originStack && this.originStack !== here) REFERRING.add(here);
    return resolve.call(this, context);
  };
  return true;
}

const WATCHING = watchReferences();

/** Synthesizes a stack with `synthesize` and tells whether it referred to another stack's element meanwhile. */
export function synthesizeWatchingReferences<T>(stack: TerraformStack, synthesize: () => T): { json: T; refersToOtherStacks: boolean } {
  REFERRING.delete(stack);
  const json = synthesize();
  return { json, refersToOtherStacks: !WATCHING || REFERRING.has(stack) };
}
