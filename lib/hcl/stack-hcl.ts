import { TerraformStack } from 'cdktf';
import { bareHclReferences } from './bare-references';

/** A change to a stack's HCL text, made after cdktf renders it. */
export type HclStep = (hcl: string) => string;

const STEPS = Symbol.for('cdktf-azure-private-batch/hclSteps');

/**
 * Adds a step to the stack's HCL output (`cdktf synth --hcl`, which calls `toHclTerraform()`); its JSON is
 * untouched. Steps run in the order they were added, then {@link bareHclReferences} runs over everything they
 * wrote. One wrapper per stack holds them all, so pieces of the library that each need a step never wrap one
 * another in an order that would matter.
 */
export function addHclStep(stack: TerraformStack, step: HclStep): void {
  stepsOf(stack).push(step);
}

/**
 * Makes the stack's HCL output write references bare, as Terraform expects them (see {@link bareHclReferences}).
 * The stack guards call it for every stack that uses this library, so `cdktf synth --hcl` output validates
 * without deprecation warnings; call it yourself for a stack that uses none of the constructs. Calling it twice
 * changes nothing.
 */
export function useBareHclReferences(stack: TerraformStack): void {
  stepsOf(stack);
}

function stepsOf(stack: TerraformStack): HclStep[] {
  const installed = (stack as TerraformStack & { [STEPS]?: HclStep[] })[STEPS];
  if (installed) return installed;
  const steps: HclStep[] = [];
  Object.defineProperty(stack, STEPS, { value: steps });
  // Wrapping keeps any override of toHclTerraform the stack has.
  const render = stack.toHclTerraform.bind(stack);
  Object.defineProperty(stack, 'toHclTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      const rendered = render();
      return { ...rendered, hcl: bareHclReferences(steps.reduce((hcl, step) => step(hcl), rendered.hcl)) };
    },
  });
  return steps;
}
