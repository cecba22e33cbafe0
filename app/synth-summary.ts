import { relative, resolve } from 'path';
import { App, TerraformStack } from 'cdktf';

/**
 * What `npm run synth` prints once the stacks are written, in the cdktf CLI's words ("Generated Terraform code for
 * the stacks: a, b"), then where each stack's file is, relative to the working folder (a path the user can open).
 */
export function synthSummary(app: App, cwd: string = process.cwd()): string {
  const stacks = app.node.children.filter((c): c is TerraformStack => TerraformStack.isStack(c)).map((s) => s.node.id);
  const where = (stack: string) => relative(cwd, resolve(cwd, app.outdir, 'stacks', stack, app.hclOutput ? 'cdk.tf' : 'cdk.tf.json'));
  return [
    `Generated Terraform code for the stacks: ${stacks.join(', ')}`,
    ...stacks.map((stack) => `  ${stack}: ${where(stack)}`),
  ].join('\n');
}
