import { IConstruct } from 'constructs';
import { TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { checkStack } from './check-stack';
import { formatFinding } from './finding';
import { hasOptedIn } from './opt-ins';
import { stackModel } from './stack-model';

const GUARDED = new WeakSet<TerraformStack>();

/**
 * The synth-time guards over a whole stack. They read the synthesized JSON, so they also catch raw provider
 * resources added beside the constructs. Every construct of this library adds them to its stack; call
 * `BatchGuards.of(stack)` for a stack that uses none.
 */
export class BatchGuards {
  /** Adds the guards to the stack of `scope`, once. */
  public static of(scope: IConstruct): void {
    const stack = TerraformStack.of(scope);
    if (GUARDED.has(stack)) return;
    GUARDED.add(stack);
    stack.node.addValidation({ validate: () => BatchGuards.check(stack) });
  }

  /** The guards' findings for a stack, one message each; empty when the stack is fine. */
  public static check(stack: TerraformStack): string[] {
    const paths = new Map<string, string>();
    const optIns = new Set<string>();
    for (const node of stack.node.findAll()) {
      // isTerraformElement, not instanceof: a consumer may hold a second copy of cdktf (or cdktn).
      if (!TerraformElement.isTerraformElement(node)) continue;
      const logicalId = stack.getLogicalId(node);
      const prefix = TerraformResource.isTerraformResource(node) ? `${node.terraformResourceType}.` : '';
      paths.set(`${prefix}${logicalId}`, node.node.path);
      if (hasOptedIn(node, 'publicNetworkAccess')) optIns.add(node.node.path);
    }
    return checkStack(stackModel(stack.toTerraform(), paths, optIns)).map(formatFinding);
  }
}
