import { IConstruct } from 'constructs';
import { Annotations, TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { useBareHclReferences } from '../hcl/stack-hcl';
import { addressOf, clashFinding, separateClashes } from './clashes';
import { checkStack, stackWarnings } from './check-stack';
import { Finding, formatFinding } from './finding';
import { OptIn, hasOptedIn, optInsOf } from './opt-ins';
import { AccountElsewhere, StackContext, StackModel, stackModel } from './stack-model';
import { zoneWriteOf } from './zone-writes';
import { attributeOrigin, locate, problemsIn } from '../core/problems';

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
  const stacks = stack.node.root.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  // Only guarded stacks (those with a construct of this library) are read again: the others are no concern of ours.
  const before = stacks.slice(0, Math.max(0, stacks.indexOf(stack))).filter((other) => GUARDED.has(other))
    .map((other) => ({ stack: other.node.id, model: modelOf(other, {}).model }));
  const { model, clashes, constructs } = modelOf(stack, { accountsElsewhere: accountsBefore(stacks, stack), stacksBefore: before });
  const located = (finding: Finding): Finding => {
    const construct = constructs.get(finding.path);
    const origin = construct && attributeOrigin(construct, finding.attribute);
    return origin ? { ...finding, origin } : finding;
  };
  return {
    errors: [...clashes, ...checkStack(model)].filter((f) => !reportedAtProp(stack, constructs.get(f.path), f.attribute)).map(located),
    warnings: stackWarnings(model).map((finding) => ({ construct: constructs.get(finding.path) ?? stack, finding: located(finding) })),
  };
}

/** The stack's model, with what only its constructs know (paths, opt-ins, existing zones), and its address clashes. */
function modelOf(stack: TerraformStack, elsewhere: Pick<StackContext, 'accountsElsewhere' | 'stacksBefore'>): { model: StackModel; clashes: Finding[]; constructs: Map<string, IConstruct> } {
  const paths = new Map<string, string>();
  const sharing = new Map<string, TerraformElement[]>();
  const constructs = new Map<string, IConstruct>();
  const optIns = new Set<string>();
  const allOptIns = new Map<string, ReadonlySet<OptIn>>();
  const existingZoneIds = new Map<string, string>();
  const clashes: Finding[] = [];
  for (const node of stack.node.findAll()) {
    constructs.set(node.node.path, node);
    // isTerraformElement, not instanceof: a consumer may hold a second copy of cdktf (or cdktn).
    if (!TerraformElement.isTerraformElement(node)) continue;
    const address = addressOf(node);
    if (address !== undefined) {
      const others = sharing.get(address) ?? [];
      if (others.length > 0) clashes.push(clashFinding(node, address, others[0].node.path));
      else paths.set(address, node.node.path);
      sharing.set(address, [...others, node]);
    }
    if (hasOptedIn(node, 'publicNetworkAccess')) optIns.add(node.node.path);
    if (optInsOf(node).size > 0) allOptIns.set(node.node.path, optInsOf(node));
    const zoneId = zoneWriteOf(node);
    if (zoneId !== undefined) existingZoneIds.set(node.node.path, zoneId);
  }
  const json = stack.toTerraform();
  if (clashes.length > 0) separateClashes(stack, json, sharing, paths);
  const model = stackModel(json, { paths, publicAccessOptIns: optIns, optIns: allOptIns, existingZoneIds, ...elsewhere });
  return { model, clashes, constructs };
}

/**
 * The Batch accounts created by the stacks that come before `stack` in its app, so that an account name taken
 * twice in one region is reported once, in the later stack.
 */
function accountsBefore(stacks: readonly TerraformStack[], stack: TerraformStack): AccountElsewhere[] {
  return stacks.slice(0, stacks.indexOf(stack)).flatMap((other) => other.node.findAll().flatMap((node) => {
    if (!TerraformResource.isTerraformResource(node) || node.terraformResourceType !== 'azurerm_batch_account') return [];
    const { nameInput: name, locationInput: location } = node as unknown as { nameInput?: unknown; locationInput?: unknown };
    return typeof name === 'string' && typeof location === 'string' ? [{ stack: other.node.id, path: node.node.path, name, location }] : [];
  }));
}

/**
 * Whether the attribute was made from a prop that its construct reports a problem with already ("US East" as the
 * account's location): the user sees the problem once, at the prop, with the value as typed.
 */
function reportedAtProp(stack: TerraformStack, construct: IConstruct | undefined, attribute: string): boolean {
  if (!construct) return false;
  const at = locate(construct, { field: attribute, problem: '' });
  if (at.owner === construct) return false;
  return problemsIn(stack).some((p) => p.owner === at.owner && p.source === at.source && p.field === at.field);
}
