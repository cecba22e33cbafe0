import { TerraformStack } from 'cdktf';

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
