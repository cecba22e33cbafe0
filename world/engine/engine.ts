/**
 * The module the provider plugins load (world/plugin/engine-module.ts): `createEngine()` gives an engine over the ARM
 * world of the file the provider configuration names (AZURE_WORLD_FILE).
 */
export { createEngine, WorldEngine } from './terraform/engine';
