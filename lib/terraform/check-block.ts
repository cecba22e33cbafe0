import { Construct, IConstruct } from 'constructs';
import { TerraformDataSource, TerraformElement, TerraformStack } from 'cdktf';
import { resolveInStack as resolve } from '../core/resolve';
import { renderDatasource } from 'cdktf/lib/hcl/render';
import { addHclStep } from '../hcl/stack-hcl';
import { reportProblems } from '../core/problems';
import { hclExpression, hclQuotedTemplate } from './hcl-string';

/** One `assert` of a check: Terraform warns with `errorMessage` when `condition` is false. */
export interface CheckAssertion {
  /** A Terraform expression in `${…}` (usually a token built from references), true when all is well. */
  readonly condition: string;
  /** The warning; it may interpolate values (`${…}`) so that it names what is wrong and what to do. */
  readonly errorMessage: string;
}

/** Props of {@link CheckBlock}. */
export interface CheckBlockProps {
  /**
   * The check's name, its address is `check.<name>`: lower case letters, digits and `_`, starting with a letter,
   * unique in the stack. Name it for what it watches (e.g. `approve_sharedbatch01_analytics`), never for where the
   * construct sits, so that the address stays the same when the code moves.
   */
  readonly name: string;
  /**
   * The assertions; more can be added with {@link CheckBlock.addAssertion}. A check needs at least one by synth.
   * @default none
   */
  readonly assertions?: readonly CheckAssertion[];
}

const CHECK_SYMBOL = Symbol.for('cdktf-azure-private-batch/CheckBlock');
const HCL_PATCHED = Symbol.for('cdktf-azure-private-batch/CheckBlock.hcl');
const CHECK_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A Terraform `check` block (Terraform 1.5+), which cdktf 0.21 has no construct for. Each failed assertion is a
 * warning in `terraform plan` and `apply` output, never an error: the run goes on. (`terraform test` counts it as a
 * failure unless the run lists the check in `expect_failures`.)
 *
 * A data source created with the check as its scope and passed to {@link CheckBlock.scope} becomes the check's
 * scoped data source: it is written inside the check block, so a failure to read it (a record or a resource that
 * is not there) is a warning too, and only this check's assertions may refer to it.
 *
 * Synthesizes to `check.<name>` in `cdk.tf.json` and to a `check "<name>" { … }` block in `cdktf synth --hcl`
 * (cdktf's HCL renderer drops top-level keys it does not know, so the check appends itself to its stack's HCL).
 */
export class CheckBlock extends TerraformElement {
  /** Whether `x` is a CheckBlock, also across two copies of this library or of cdktf. */
  public static isCheckBlock(x: unknown): x is CheckBlock {
    return typeof x === 'object' && x !== null && CHECK_SYMBOL in x;
  }

  /** The check's name; its address is `check.<name>`. */
  public readonly name: string;
  private readonly assertions: CheckAssertion[];
  private scopedData?: TerraformDataSource;

  constructor(scope: Construct, id: string, props: CheckBlockProps) {
    super(scope, id, 'check');
    Object.defineProperty(this, CHECK_SYMBOL, { value: true });
    if (!CHECK_NAME.test(props.name)) {
      reportProblems(this, [{ field: 'name', problem: `must be lower case letters, digits and _, starting with a letter (it is the address check.<name>), got "${props.name}"` }]);
    }
    this.name = props.name;
    this.assertions = [...(props.assertions ?? [])];
    this.overrideLogicalId(props.name);
    this.node.addValidation({ validate: () => this.problems() });
    renderChecksInHcl(this.cdktfStack);
  }

  /** `check.<name>`, as `expect_failures` in a `terraform test` run names it. */
  public get address(): string {
    return `check.${this.name}`;
  }

  /** Adds an assertion. */
  public addAssertion(assertion: CheckAssertion): void {
    this.assertions.push(assertion);
  }

  /**
   * Makes `dataSource`, created with this check as its scope, the check's scoped data source: it is written inside
   * the check block instead of at the top level. At most one per check (Terraform's rule).
   * @returns the data source, for references in assertions
   */
  public scope<T extends TerraformDataSource>(dataSource: T): T {
    if (dataSource.node.scope !== this) throw new Error(`${this.node.path}: a scoped data source must be created with the check as its scope, got ${dataSource.node.path}`);
    if (this.scopedData) throw new Error(`${this.node.path}: a check has at most one scoped data source; ${this.scopedData.node.path} is already one`);
    this.scopedData = dataSource;
    // The stack writes every element it finds at the top level; this one is written by the check instead.
    for (const method of ['toTerraform', 'toHclTerraform'] as const) {
      Object.defineProperty(dataSource, method, { value: () => ({}) });
    }
    return dataSource;
  }

  /** The check for `cdk.tf.json`: `{ check: { <name>: { data?, assert: [...] } } }`. */
  public toTerraform(): any {
    return { check: { [this.name]: this.block(protoCall(this.scopedData, 'toTerraform')?.data) } };
  }

  /** The check as HCL, e.g. `check "name" { assert { … } }`. */
  public toHcl(): string {
    const stack = this.cdktfStack;
    const data = protoCall(this.scopedData, 'toHclTerraform')?.data;
    const lines = [`check "${this.name}" {`];
    if (data) lines.push(renderDatasource(resolve(stack, data)).hcl);
    for (const assertion of this.assertions) {
      const { condition, errorMessage } = resolve(stack, assertion);
      lines.push('  assert {', `    condition     = ${hclExpression(condition)}`, `    error_message = ${hclQuotedTemplate(errorMessage)}`, '  }');
    }
    return [...lines, '}'].join('\n');
  }

  private block(data: unknown): Record<string, unknown> {
    return {
      ...(data ? { data } : {}),
      assert: this.assertions.map((a) => ({ condition: a.condition, error_message: a.errorMessage })),
    };
  }

  private problems(): string[] {
    const problems = this.assertions.length === 0 ? [`check ${this.name} has no assertion; add one with addAssertion`] : [];
    const twins = this.cdktfStack.node.findAll().filter((c) => c !== this && CheckBlock.isCheckBlock(c) && c.name === this.name);
    if (twins.length > 0) problems.push(`check name ${this.name} is also used by ${twins.map((c) => c.node.path).join(', ')}; check names must be unique in a stack`);
    return problems;
  }
}

/** The data source's own synthesis, under the instance override that hides it from the stack. */
function protoCall(dataSource: TerraformDataSource | undefined, method: 'toTerraform' | 'toHclTerraform'): any {
  return dataSource ? Object.getPrototypeOf(dataSource)[method].call(dataSource) : undefined;
}

/** Appends every check of the stack to its HCL (`cdktf synth --hcl`), once per stack. */
function renderChecksInHcl(stack: TerraformStack): void {
  if (HCL_PATCHED in stack) return;
  Object.defineProperty(stack, HCL_PATCHED, { value: true });
  addHclStep(stack, (hcl) => {
    const checks = stack.node.findAll().filter((c: IConstruct): c is CheckBlock => CheckBlock.isCheckBlock(c) && TerraformStack.of(c) === stack);
    if (checks.length === 0) return hcl;
    return resolve(stack, [hcl, ...checks.map((c) => c.toHcl())].join('\n\n'));
  });
}
