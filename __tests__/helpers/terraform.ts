/**
 * Offline `terraform validate` / `terraform plan` for synthesized stacks.
 *
 * Providers come from tfshim (../shared/tools/tfshim, or env TFSHIM): fake plugins serving the real
 * azurerm/azapi schemas, wired in through a CLI config with `dev_overrides` (TF_CLI_CONFIG_FILE),
 * so no `terraform init` is needed. Without tfshim, outside CI, the helper falls back to
 * `terraform init -backend=false` and the public registry.
 *
 * The pieces live in ./terraform/: availability (terraform, tfshim or the registry), env and
 * workspace (running terraform in a temp dir), copy-stack, stack-groups, diagnostics and validate
 * (validateStacks), plan (planStack), graph (terraformGraph: the order Terraform gives the resources),
 * synth-app (synthApp) and upgrade (runUpgradeStories: an old stack's state
 * meets today's code in `terraform test`).
 */
export { describeWithTerraform, terraformAvailability, type TerraformAvailability } from './terraform/availability';
export type { SourceRange, StackValidation, TerraformDiagnostic } from './terraform/diagnostics';
export { terraformGraph, type ResourceGraph } from './terraform/graph';
export { planStack, type PlannedChange, type StackPlan } from './terraform/plan';
export { synthApp, type SynthesizedApp } from './terraform/synth-app';
export { validateStacks, type ValidateOptions } from './terraform/validate';
export {
  expectStoriesPassed, runLifecycleTests, type LifecycleDiagnostic, type LifecycleOptions, type LifecycleResult, type LifecycleRun, type LifecycleStory,
  type PlannedResourceChange,
  type StackSource,
} from './terraform/lifecycle';
export { runUpgradeStories, type StackJson, type UpgradeMocks, type UpgradeResult, type UpgradeStory } from './terraform/upgrade';
