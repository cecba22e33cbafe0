import { TerraformStack } from 'cdktf';
import { bareHclReferences } from './bare-references';

const PATCHED = Symbol.for('cdktf-azure-private-batch/bareHclReferences');

/**
 * Makes the stack's HCL (`cdktf synth --hcl`) write references bare, as Terraform expects them (see
 * {@link bareHclReferences}); its JSON is untouched. The stack guards call it for every stack that uses this
 * library, so `cdktf synth --hcl` output validates without deprecation warnings; call it yourself for a stack that
 * uses none of the constructs. Calling it twice changes nothing.
 */
export function useBareHclReferences(stack: TerraformStack): void {
  const marked = stack as TerraformStack & { [PATCHED]?: true };
  if (marked[PATCHED]) return;
  Object.defineProperty(stack, PATCHED, { value: true });
  // cdktf renders HCL in toHclTerraform(), when SYNTH_HCL_OUTPUT is set; wrapping it keeps any override of it.
  const render = stack.toHclTerraform.bind(stack);
  stack.toHclTerraform = () => {
    const rendered = render();
    return { ...rendered, hcl: bareHclReferences(rendered.hcl) };
  };
}
