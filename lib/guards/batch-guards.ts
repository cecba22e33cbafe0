import { IConstruct } from 'constructs';
import { Annotations, TerraformDataSource, TerraformElement, TerraformOutput, TerraformResource, TerraformStack } from 'cdktf';
import { useBareHclReferences } from '../hcl/stack-hcl';
import { checkStack, stackWarnings } from './check-stack';
import { Finding, formatFinding } from './finding';
import { OptIn, hasOptedIn, optInsOf } from './opt-ins';
import { stackModel } from './stack-model';
import { fileOrigin } from '../problems';

const GUARDED = new WeakSet<TerraformStack>();
/** The warnings already added to each construct, so that a validation run twice does not warn twice. */
const WARNED = new WeakMap<IConstruct, Set<string>>();

/**
 * The synth-time guards over a whole stack. They read the synthesized JSON, so they also catch raw provider
 * resources added beside the constructs. Every construct of this library adds them to its stack; call
 * `BatchGuards.of(stack)` for a stack that uses none.
 */
export class BatchGuards {
  /** Adds the guards to the stack of `scope`, once, and makes its HCL output write bare references (`useBareHclReferences`). */
  public static of(scope: IConstruct): void {
    const stack = TerraformStack.of(scope);
    if (GUARDED.has(stack)) return;
    GUARDED.add(stack);
    stack.node.addValidation({
      validate: () => {
        const { errors, warnings } = evaluate(stack);
        warnings.forEach(({ construct, finding }) => warnOnce(construct, formatFinding(finding)));
        return errors.map(formatFinding);
      },
    });
    // Every construct comes here once per stack, so this is also where its HCL output is made Terraform-ready.
    useBareHclReferences(stack);
  }

  /** The guards' findings for a stack, one message each; empty when the stack is fine. */
  public static check(stack: TerraformStack): string[] {
    return BatchGuards.findings(stack).map(formatFinding);
  }

  /** The guards' findings for a stack, with the construct path, attribute and value of each. */
  public static findings(stack: TerraformStack): Finding[] {
    return evaluate(stack).errors;
  }

  /**
   * The guards' warnings for a stack: what may be fine but deserves a look. At synth each becomes a warning
   * annotation (`Annotations.addWarning`) on its construct, which the cdktf CLI prints and the example app too.
   */
  public static warnings(stack: TerraformStack): Finding[] {
    return evaluate(stack).warnings.map(({ finding }) => finding);
  }
}

function warnOnce(construct: IConstruct, message: string): void {
  const warned = WARNED.get(construct) ?? new Set<string>();
  WARNED.set(construct, warned);
  if (warned.has(message)) return;
  warned.add(message);
  Annotations.of(construct).addWarning(message);
}

/** The guards' errors and warnings over one synthesized model of the stack. */
function evaluate(stack: TerraformStack): { errors: Finding[]; warnings: { construct: IConstruct; finding: Finding }[] } {
  const paths = new Map<string, string>();
  const constructs = new Map<string, IConstruct>();
  const optIns = new Set<string>();
  const allOptIns = new Map<string, ReadonlySet<OptIn>>();
  const clashes: Finding[] = [];
  for (const node of stack.node.findAll()) {
    constructs.set(node.node.path, node);
    // isTerraformElement, not instanceof: a consumer may hold a second copy of cdktf (or cdktn).
    if (!TerraformElement.isTerraformElement(node)) continue;
    const address = addressOf(node);
    if (address !== undefined) {
      const other = paths.get(address);
      if (other !== undefined) clashes.push(clash(node, address, other));
      else paths.set(address, node.node.path);
    }
    if (hasOptedIn(node, 'publicNetworkAccess')) optIns.add(node.node.path);
    if (optInsOf(node).size > 0) allOptIns.set(node.node.path, optInsOf(node));
  }
  const model = stackModel(stack.toTerraform(), paths, optIns, allOptIns);
  const located = (finding: Finding): Finding => {
    const construct = constructs.get(finding.path);
    const origin = construct && fileOrigin(construct);
    return origin ? { ...finding, origin } : finding;
  };
  return {
    errors: [...clashes, ...checkStack(model)].map(located),
    warnings: stackWarnings(model).map((finding) => ({ construct: constructs.get(finding.path) ?? stack, finding: located(finding) })),
  };
}

/** The address an element has in the stack's JSON, or undefined for elements that have none of their own. */
function addressOf(element: TerraformElement): string | undefined {
  if (TerraformResource.isTerraformResource(element)) return `${element.terraformResourceType}.${element.friendlyUniqueId}`;
  if (TerraformDataSource.isTerraformDataSource(element)) return `data.${element.terraformResourceType}.${element.friendlyUniqueId}`;
  if (TerraformOutput.isTerraformOutput(element)) return element.friendlyUniqueId;
  return undefined;
}

function clash(element: TerraformElement, address: string, otherPath: string): Finding {
  return {
    path: element.node.path,
    attribute: 'address',
    value: address,
    problem: `${otherPath} has this Terraform address too, and Terraform would merge the two into one`,
    fix: 'give one of them another name (the address is built from the account, endpoint, zone or link name), or call overrideLogicalId() on one',
  };
}
