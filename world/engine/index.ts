import { Obj } from './values';

export { Obj, UNKNOWN, isUnknown } from './values';

/** The provider configuration one plugin process serves (Terraform starts a process per configuration). */
export interface ProviderEnv {
  readonly provider: 'azurerm' | 'azapi';
  /** The decoded provider block. */
  readonly config: Record<string, unknown>;
  /** The world file (AZURE_WORLD_FILE). */
  readonly worldFile: string;
}

/** A diagnostic for Terraform; `attribute` points into the resource's configuration. */
export interface EngineDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  attribute?: (string | number)[];
}

/** What the plugin asks of the world. See /work/notes/world-design.md and docs/azure-world.md. */
export interface Engine {
  /** Called once per process, with the provider block (ConfigureProvider). */
  configure(env: ProviderEnv): EngineDiagnostic[];
  /**
   * After the generic planner (a create: computed and null -> UNKNOWN; an update: the proposed new state). May refine
   * `planned` (mark dependent computed values unknown) and says which changed attribute paths force replacement.
   */
  planResource(type: string, req: { prior: Obj | null; proposed: Obj | null; config: Obj | null; planned: Obj | null }):
    { planned: Obj | null; requiresReplace: (string | number)[][]; diagnostics: EngineDiagnostic[] };
  /** Creates, updates or deletes (planned null); the state it returns holds no UNKNOWN. Null: deleted. */
  applyResource(type: string, req: { prior: Obj | null; planned: Obj | null; config: Obj | null }):
    { state: Obj | null; diagnostics: EngineDiagnostic[] };
  /** Refresh: the resource as the world has it now; null when it is gone. */
  readResource(type: string, state: Obj): { state: Obj | null; diagnostics: EngineDiagnostic[] };
  /** `terraform import`: the state for an ID (null, or a state whose read gives null, when nothing is there). */
  importResource(type: string, id: string): { state: Obj | null; diagnostics: EngineDiagnostic[] };
  /** A data source's read. */
  readDataSource(type: string, config: Obj): { state: Obj | null; diagnostics: EngineDiagnostic[] };
}

/** The engine the plugins use: the ARM world of `world/engine` (see docs/azure-world.md). */
export { createEngine } from './engine';
