/**
 * The tfplugin6.Provider handlers. Without a world (AZURE_WORLD_FILE unset) they answer as tfshim did: validate
 * and plan against the schema, reads of placeholders, no apply or import (mock providers in `terraform test` only
 * take the schema). With a world, ConfigureProvider loads the engine (world/engine/) and plan, apply, refresh,
 * import and data source reads go to it.
 */
import type { Engine, EngineDiagnostic } from '../engine';
import type { Obj } from '../engine/values';
import { DynamicTypes, DynamicValue, fromDynamic, toDynamic } from './cty';
import { fillPlaceholders, planResource, settle, withoutUnknowns } from './plan';
import { Block, blockOf, Kind, ProviderSchema, protoSchema, protoSchemas } from './schema';

export interface PluginOptions {
  readonly provider: 'azurerm' | 'azapi';
  readonly schema: ProviderSchema;
  /** Answer as an SDKv2 provider (azurerm): Terraform then reports plan and apply inconsistencies as log warnings. */
  readonly legacyTypeSystem: boolean;
  /** AZURE_WORLD_FILE: with it, the engine answers. */
  readonly worldFile?: string;
  /** Loads the engine (called once, at ConfigureProvider). */
  readonly loadEngine: () => Engine;
}

type Request = Record<string, any>;
type Handler = (req: Request) => object;

interface ProtoDiagnostic { severity: 'ERROR' | 'WARNING'; summary: string; detail: string; attribute?: object }

const CAPABILITIES = { plan_destroy: false, get_provider_schema_optional: true, move_resource_state: false };
const error = (summary: string, detail = ''): ProtoDiagnostic => ({ severity: 'ERROR', summary, detail });
const noDiagnostics = (): object => ({ diagnostics: [] });

const attributePath = (path: (string | number)[]): object => ({
  steps: path.map((step) => (typeof step === 'number' ? { element_key_int: step } : { attribute_name: step })),
});

function protoDiagnostics(diagnostics: EngineDiagnostic[]): ProtoDiagnostic[] {
  return diagnostics.map((d) => ({
    severity: d.severity === 'warning' ? 'WARNING' : 'ERROR', summary: d.summary, detail: d.detail,
    ...(d.attribute && { attribute: attributePath(d.attribute) }),
  }));
}

export function providerHandlers(options: PluginOptions): Record<string, Handler> {
  const { schema, legacyTypeSystem: legacy } = options;
  const block = (kind: Kind, type: string): Block => blockOf(schema, kind, type);
  let engine: Engine | undefined;

  /** Decodes the named DynamicValues of a request with one type record, for the answer to reuse. */
  const decode = (b: Block, types: DynamicTypes, dv: DynamicValue | undefined): Obj | null => fromDynamic(b, dv, types);

  const mock: Record<string, Handler> = {
    ReadResource: (req) => ({ new_state: req.current_state, private: req.private, diagnostics: [] }),
    PlanResourceChange: (req) => {
      const b = block('resource', req.type_name);
      const types: DynamicTypes = new Map();
      const planned = planResource(b, decode(b, types, req.prior_state), decode(b, types, req.proposed_new_state));
      return { planned_state: toDynamic(b, planned, types), planned_private: req.prior_private, diagnostics: [], legacy_type_system: legacy };
    },
    ApplyResourceChange: () => ({
      diagnostics: [error('No Azure world to apply to', 'Set AZURE_WORLD_FILE to a world file (a JSON array of ARM resources) to apply.')],
    }),
    ImportResourceState: () => ({
      diagnostics: [error('No Azure world to import from', 'Set AZURE_WORLD_FILE to a world file (a JSON array of ARM resources) to import.')],
    }),
    ReadDataSource: (req) => {
      const b = block('data', req.type_name);
      const types: DynamicTypes = new Map();
      return { state: toDynamic(b, fillPlaceholders(b, decode(b, types, req.config) ?? {}), types), diagnostics: [] };
    },
  };

  const world: Record<string, Handler> = {
    ReadResource: (req) => {
      const b = block('resource', req.type_name);
      const types: DynamicTypes = new Map();
      const r = engine!.readResource(req.type_name, decode(b, types, req.current_state)!);
      return { new_state: toDynamic(b, withoutUnknowns(r.state), types), private: req.private, diagnostics: protoDiagnostics(r.diagnostics) };
    },
    PlanResourceChange: (req) => {
      const b = block('resource', req.type_name);
      const types: DynamicTypes = new Map();
      const prior = decode(b, types, req.prior_state);
      const config = decode(b, types, req.config);
      const proposed = decode(b, types, req.proposed_new_state);
      const planned = planResource(b, prior, decode(b, types, req.proposed_new_state));
      const r = engine!.planResource(req.type_name, { prior, proposed, config, planned });
      return {
        planned_state: toDynamic(b, r.planned, types), requires_replace: r.requiresReplace.map(attributePath),
        planned_private: req.prior_private, diagnostics: protoDiagnostics(r.diagnostics), legacy_type_system: legacy,
      };
    },
    ApplyResourceChange: (req) => {
      const b = block('resource', req.type_name);
      const types: DynamicTypes = new Map();
      const prior = decode(b, types, req.prior_state);
      const planned = decode(b, types, req.planned_state);
      const r = engine!.applyResource(req.type_name, { prior, planned, config: decode(b, types, req.config) });
      // A provider that is not SDKv2 must return what it planned where the plan was known.
      const state = r.state == null ? null : !legacy && planned ? (settle(planned, r.state) as Obj) : withoutUnknowns(r.state);
      return { new_state: toDynamic(b, state, types), private: req.planned_private, diagnostics: protoDiagnostics(r.diagnostics), legacy_type_system: legacy };
    },
    ImportResourceState: (req) => {
      const b = block('resource', req.type_name);
      const r = engine!.importResource(req.type_name, req.id);
      const diagnostics = protoDiagnostics(r.diagnostics);
      if (diagnostics.some((d) => d.severity === 'ERROR')) return { diagnostics };
      // Nothing there: a state with only the ID, whose read gives null, so that Terraform says "Cannot import
      // non-existent remote object" in its own words.
      const state = withoutUnknowns(r.state) ?? { id: req.id };
      return { imported_resources: [{ type_name: req.type_name, state: toDynamic(b, state) }], diagnostics };
    },
    ReadDataSource: (req) => {
      const b = block('data', req.type_name);
      const types: DynamicTypes = new Map();
      const r = engine!.readDataSource(req.type_name, decode(b, types, req.config)!);
      const diagnostics = protoDiagnostics(r.diagnostics);
      if (r.state == null && !diagnostics.some((d) => d.severity === 'ERROR')) {
        diagnostics.push(error(`The Azure world returned nothing for data ${req.type_name}`, 'The engine gave neither a state nor an error.'));
      }
      return { state: toDynamic(b, withoutUnknowns(r.state), types), diagnostics };
    },
  };

  /** The world's handler once the engine is configured, else the mock's. */
  const either = (name: string): Handler => (req) => (engine ? world : mock)[name](req);

  return {
    GetMetadata: () => ({
      server_capabilities: CAPABILITIES, diagnostics: [],
      resources: Object.keys(schema.resource_schemas ?? {}).map((type_name) => ({ type_name })),
      data_sources: Object.keys(schema.data_source_schemas ?? {}).map((type_name) => ({ type_name })),
      ephemeral_resources: Object.keys(schema.ephemeral_resource_schemas ?? {}).map((type_name) => ({ type_name })),
    }),
    GetProviderSchema: () => ({
      provider: protoSchema(schema.provider),
      resource_schemas: protoSchemas(schema.resource_schemas),
      data_source_schemas: protoSchemas(schema.data_source_schemas),
      ephemeral_resource_schemas: protoSchemas(schema.ephemeral_resource_schemas),
      diagnostics: [], server_capabilities: CAPABILITIES,
    }),
    GetFunctions: noDiagnostics, // no functions
    // Terraform core checks configuration against the schema itself; the real providers' extra validation
    // (value formats, conflicts, ...) is not reproduced here.
    ValidateProviderConfig: noDiagnostics,
    ValidateResourceConfig: noDiagnostics,
    ValidateDataResourceConfig: noDiagnostics,
    ValidateEphemeralResourceConfig: noDiagnostics,
    ConfigureProvider: (req) => {
      if (!options.worldFile) return noDiagnostics();
      try {
        engine = options.loadEngine();
      } catch (e) {
        return { diagnostics: [error('Cannot load the Azure world engine', String((e as Error).stack ?? e))] };
      }
      const config = fromDynamic(schema.provider.block, req.config) ?? {};
      return { diagnostics: protoDiagnostics(engine.configure({ provider: options.provider, config, worldFile: options.worldFile })) };
    },
    StopProvider: () => ({}), // nothing in flight to stop
    UpgradeResourceState: (req) => (req.raw_state?.json?.length
      ? { upgraded_state: { json: req.raw_state.json }, diagnostics: [] }
      : { diagnostics: [error('Cannot upgrade legacy flatmap state')] }),
    ReadResource: either('ReadResource'),
    PlanResourceChange: either('PlanResourceChange'),
    ApplyResourceChange: either('ApplyResourceChange'),
    ImportResourceState: either('ImportResourceState'),
    ReadDataSource: either('ReadDataSource'),
    OpenEphemeralResource: (req) => {
      const b = block('ephemeral', req.type_name);
      const types: DynamicTypes = new Map();
      return { result: toDynamic(b, fillPlaceholders(b, decode(b, types, req.config) ?? {}), types), diagnostics: [] };
    },
    CloseEphemeralResource: noDiagnostics,
  };
}
