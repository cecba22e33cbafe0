import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** `value` with its tokens resolved as the stack resolves them when it synthesizes. */
export function resolveInStack<T>(stack: TerraformStack, value: T): T {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: RESOLVER });
}
