/**
 * Offline `terraform validate` / `terraform plan` for synthesized stacks.
 *
 * Providers are the project's own fake plugins (world/bin: `terraform-provider-azurerm`, `-azapi`), serving the
 * real azurerm/azapi schemas of the types the library uses (world/schemas), wired in through a CLI config with
 * `dev_overrides` (TF_CLI_CONFIG_FILE), so no `terraform init`, registry or other checkout is needed: only
 * `terraform` on PATH.
 *
 * The pieces live in ./terraform/: availability (terraform on PATH), env and
 * workspace (running terraform in a temp dir), copy-stack, stack-groups, diagnostics and validate
 * (validateStacks), plan (planStack), graph (terraformGraph: the order Terraform gives the resources), story-blocks
 * (the mock blocks and run readers the stories share),
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
export {
  accountLookup, endpointDnsConfig, existing, importable, plannedActions, plannedImports, storyRun, zoneRecords,
} from './terraform/story-blocks';
