import { Construct } from 'constructs';
import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformProvider, TerraformResource, Tokenization } from 'cdktf';
import { hclExpression } from './hcl-string';

/** Props of {@link ImportBlock}. */
export interface ImportBlockProps {
  /** The resource to import into: one instance, without `count` or `for_each`. */
  readonly to: TerraformResource;
  /**
   * The ID to import, a Terraform template that may use `${each.value}` (or `${each.key}`) with `forEach`. It must be
   * known at plan time: literals, and references to data sources and locals whose inputs are known.
   */
  readonly id: string;
  /**
   * A reference (a token, e.g. a `TerraformLocal`) to a list or map with at most one element: the import happens when
   * it has one, and nothing happens when it is empty. Must be known at plan time. Terraform 1.7 or later.
   * @default none: the import always happens (Terraform 1.5 or later)
   */
  readonly forEach?: string;
  /**
   * The provider configuration that imports (an alias for another subscription).
   * @default the resource's own provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A Terraform `import` block (1.5+, `for_each` 1.7+) that cdktf 0.21 cannot write: `TerraformResource.importFrom`
 * has no `for_each`, so it cannot import only when something exists.
 *
 * What Terraform 1.11 accepts (tried, see docs/dns-healing.md): `for_each` over a list or map whose elements all
 * import into the same single-instance address `to = type.name`; `to = type.name[each.key]` fails at plan ("The
 * target resource does not use for_each"). Two elements import twice into one address, the last one winning, so the
 * `forEach` given must hold at most one. A `for_each` unknown at plan fails the plan. An import whose target is
 * already in state is skipped, so the block can stay after the first apply.
 *
 * In `cdk.tf.json` it is an entry of the top-level `import` list; in `cdktf synth --hcl` an `import { … }` block
 * with bare references, written by cdktf's own renderer.
 */
export class ImportBlock extends TerraformElement {
  private readonly props: ImportBlockProps;

  constructor(scope: Construct, id: string, props: ImportBlockProps) {
    super(scope, id, 'import');
    this.props = props;
  }

  /** The block for `cdk.tf.json`: `{ import: [{ for_each?, to, id, provider? }] }`. */
  public toTerraform(): any {
    const { forEach, id, provider } = this.props;
    return {
      import: [{
        ...(forEach !== undefined ? { for_each: forEach } : {}),
        to: this.target,
        id,
        ...(provider ? { provider: provider.fqn } : {}),
      }],
    };
  }

  /** The block for `cdktf synth --hcl`, in the form cdktf's renderer writes as it is. */
  public toHclTerraform(): any {
    const { forEach, id, provider } = this.props;
    // Every value is rendered here, so cdktf's renderer writes it as it is: a bare reference, or a quoted template.
    const raw = (value: string) => ({ value, isBlock: false, type: 'simple', storageClassType: 'reference' });
    return {
      import: [{
        ...(forEach !== undefined ? { for_each: raw(hclExpression(this.resolve(forEach))) } : {}),
        to: raw(this.target),
        id: { value: this.resolve(id), isBlock: false, type: 'simple', storageClassType: 'string' },
        ...(provider ? { provider: raw(this.resolve(provider.fqn)) } : {}),
      }],
    };
  }

  /** `type.name` of the target, from its logical ID at synth (after any `overrideLogicalId`). */
  private get target(): string {
    return `${this.props.to.terraformResourceType}.${this.props.to.friendlyUniqueId}`;
  }

  private resolve(value: string): string {
    return Tokenization.resolve(value, { scope: this.cdktfStack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
  }
}
