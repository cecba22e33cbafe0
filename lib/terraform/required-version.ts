import { TerraformStack } from 'cdktf';
import { addHclStep } from '../hcl/stack-hcl';
import { requiredVersion } from '../rules/terraform-versions';

const INSTALLED = new WeakSet<TerraformStack>();

/**
 * Writes `terraform { required_version = ">= x.y.z" }` into the stack, x.y.z the oldest Terraform that has every
 * language feature the synthesized stack uses (`lib/rules/terraform-versions.ts`): an `import` with `for_each` needs
 * 1.7, `check` and `import` blocks 1.5. It is worked out from the stack as synthesized, so raw resources added beside
 * the constructs count too. A `required_version` the stack sets itself (`stack.addOverride`) is left as it is.
 * The stack guards call it for every stack that uses this library; calling it twice changes nothing.
 */
export function requireTerraformVersion(stack: TerraformStack): void {
  if (INSTALLED.has(stack)) return;
  INSTALLED.add(stack);
  // Wrapping keeps any override of toTerraform the stack has.
  const synthesize = stack.toTerraform.bind(stack);
  const added = (tf: any): string | undefined => (tf.terraform?.required_version === undefined ? requiredVersion(tf) : undefined);
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      const tf = synthesize();
      const version = added(tf);
      return version === undefined ? tf : { ...tf, terraform: { required_version: version, ...tf.terraform } };
    },
  });
  // cdktf renders the HCL from the same elements (and writes a required_version of the stack's own).
  addHclStep(stack, (hcl) => {
    const version = added(synthesize());
    return version === undefined ? hcl : hcl.replace(/^terraform \{\n/m, `terraform {\n  required_version = "${version}"\n`);
  });
}
