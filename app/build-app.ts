import { App, TerraformStack } from 'cdktf';
import { AppConfig } from './config-schema';
import { PrivateBatchStack } from './private-batch-stack';

/**
 * Builds one stack per config entry and runs every stack's validations before anything is written, so a
 * bad stack never leaves its valid siblings half-synthesized in cdktf.out.
 */
export function buildApp(config: AppConfig, outdir?: string): App {
  // Validations run below, once, for all stacks; synth skips them so they are not run twice.
  const app = new App({ outdir, skipValidation: true });
  const stacks: TerraformStack[] = config.stacks.map((stack) => new PrivateBatchStack(app, stack));
  stacks.forEach((stack) => stack.runAllValidations());
  return app;
}
