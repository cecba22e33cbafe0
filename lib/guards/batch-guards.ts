import { IConstruct } from 'constructs';
import { Annotations, TerraformElement, TerraformResource, TerraformStack } from 'cdktf';
import { useBareHclReferences } from '../hcl/stack-hcl';
import { requireTerraformVersion } from '../terraform/required-version';
import { addressOf, clashFinding, separateClashes } from './clashes';
import { checkStack, stackWarnings } from './check-stack';
import { Finding, formatFinding } from './finding';
import { OptIn, hasOptedIn, optInsOf } from './opt-ins';
import { StacksBefore } from './cross-stack';
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
  /**
   * Adds the guards to the stack of `scope`, once, makes its HCL output write bare references (`useBareHclReferences`)
   * and writes the Terraform version it needs (`requireTerraformVersion`).
   */
  public static of(scope: IConstruct): void {
    const stack = TerraformStack.of(scope);
    if (GUARDED.has(stack)) return;
    GUARDED.add(stack);
    stack.node.addValidation({
      validate: () => {
        const { errors, warnings } = evaluate(stack, true);
        warnings.forEach(({ construct, finding }) => warnOnce(construct, formatFinding(finding)));
        return errors.map(formatFinding);
      },
    });
    // Every construct comes here once per stack, so this is also where its output is made Terraform-ready: bare
    // references in HCL, and the Terraform version its features need.
    useBareHclReferences(stack);
    requireTerraformVersion(stack);
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
function evaluate(stack: TerraformStack, incremental = false): { errors: Finding[]; warnings: { construct: IConstruct; finding: Finding }[] } {
  const pass = stacksBefore(stack, incremental);
  const { model, clashes, constructs, accounts } = modelOf(stack, { before: pass.index });
  const located = (finding: Finding): Finding => {
    const construct = constructs.get(finding.path);
    const origin = construct && attributeOrigin(construct, finding.attribute);
    return origin ? { ...finding, origin } : finding;
  };
  const errors = [...clashes, ...checkStack(model)].filter((f) => !reportedAtProp(stack, constructs.get(f.path), f.attribute)).map(located);
  const warnings = stackWarnings(model).map((finding) => ({ construct: constructs.get(finding.path) ?? stack, finding: located(finding) }));
  // Only now: the index is the stacks before this one while its guards run.
  if (incremental) pass.add(stack, model, accounts);
  return { errors, warnings };
}

/** The stack's model, with what only its constructs know (paths, opt-ins, existing zones), its address clashes and its Batch accounts. */
function modelOf(stack: TerraformStack, elsewhere: Pick<StackContext, 'before'>): { model: StackModel; clashes: Finding[]; constructs: Map<string, IConstruct>; accounts: AccountElsewhere[] } {
  const paths = new Map<string, string>();
  const sharing = new Map<string, TerraformElement[]>();
  const constructs = new Map<string, IConstruct>();
  const optIns = new Set<string>();
  const allOptIns = new Map<string, ReadonlySet<OptIn>>();
  const existingZoneIds = new Map<string, string>();
  const clashes: Finding[] = [];
  const accounts: AccountElsewhere[] = [];
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
    const account = accountOf(stack, node);
    if (account) accounts.push(account);
  }
  const json = stack.toTerraform();
  if (clashes.length > 0) separateClashes(stack, json, sharing, paths);
  const model = stackModel(json, { paths, publicAccessOptIns: optIns, optIns: allOptIns, existingZoneIds, ...elsewhere });
  return { model, clashes, constructs, accounts };
}

/** A Batch account the stack creates, by the name and region its construct was given (unknown at synth: none). */
function accountOf(stack: TerraformStack, node: IConstruct): AccountElsewhere | undefined {
  if (!TerraformResource.isTerraformResource(node) || node.terraformResourceType !== 'azurerm_batch_account') return undefined;
  const { nameInput: name, locationInput: location } = node as unknown as { nameInput?: unknown; locationInput?: unknown };
  return typeof name === 'string' && typeof location === 'string' ? { stack: stack.node.id, path: node.node.path, name, location } : undefined;
}

/** The stacks of an app indexed so far, in app order, and their index (see `stacksBefore`). */
class Pass {
  public readonly stacks: TerraformStack[] = [];
  public readonly index = new StacksBefore();

  /**
   * Adds a stack: its Batch accounts, so that an account name taken twice in one region is reported once, in the
   * later stack, and for a guarded stack (one with a construct of this library) what its model holds.
   */
  public add(stack: TerraformStack, model: StackModel | undefined, accounts: readonly AccountElsewhere[]): void {
    this.stacks.push(stack);
    this.index.addAccounts(accounts);
    if (model) this.index.addModel(stack.node.id, model);
  }

  /** Adds a stack that was not evaluated in this pass, reading it now. */
  public read(stack: TerraformStack): void {
    if (!GUARDED.has(stack)) {
      this.add(stack, undefined, stack.node.findAll().flatMap((node) => accountOf(stack, node) ?? []));
      return;
    }
    const { model, accounts } = modelOf(stack, {});
    this.add(stack, model, accounts);
  }
}

/** The pass of each app's validation run, while it runs (see `stacksBefore`). */
const PASSES = new WeakMap<IConstruct, Pass>();

/**
 * The index of the stacks before `stack` in its app. A validation run (synth, or `node.validate()`) goes through the
 * stacks in app order: each stack's guards then add that stack to the index, and the next stack's guards reuse it,
 * so that each stack is synthesized for the guards once, not once per stack after it. The index lasts as long as
 * the run: until the current task ends, or until a stack is validated out of order. A direct call (`check`,
 * `findings`, `warnings`) reads the stacks before anew, as they are now.
 */
function stacksBefore(stack: TerraformStack, incremental: boolean): Pass {
  const root = stack.node.root;
  const stacks = root.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const before = stacks.slice(0, Math.max(0, stacks.indexOf(stack)));
  let pass = incremental ? PASSES.get(root) : undefined;
  if (!pass || pass.stacks.length > before.length || pass.stacks.some((other, i) => other !== before[i])) {
    const fresh = new Pass();
    pass = fresh;
    if (incremental) {
      PASSES.set(root, fresh);
      void Promise.resolve().then(() => { if (PASSES.get(root) === fresh) PASSES.delete(root); });
    }
  }
  for (const other of before.slice(pass.stacks.length)) pass.read(other);
  return pass;
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
