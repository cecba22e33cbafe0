import '../resources';
import './azurerm';
import { callerFor } from '../arm/access';
import { ArmError } from '../arm/errors';
import { armDelete, armFind, armGet, armPut } from '../arm/operations';
import { ArmContext } from '../arm/type-rules';
import { loadWorld, withWorld } from '../arm/world-file';
import { World } from '../arm/world';
import { Engine, EngineDiagnostic, ProviderEnv } from '../index';
import { isUnknown, Obj } from '../values';
import { azapiList, exportValues, typeOf } from './azapi';
import { applyAzapiAction, applyAzapiResource } from './azapi-apply';
import { armDiagnostic, errorDiagnostic, guard, importAsExists } from './diagnostics';
import { TF_TYPES, TfResourceType } from './handler';
import { ProviderSettings, settingsOf } from './settings';
import { fillUnknowns, refreshed, s, sameValue } from './values';
import { childId } from '../arm/ids';

type Result = { state: Obj | null; diagnostics: EngineDiagnostic[] };


/** azapi attributes that replace the resource when they change (azapi v2.5.0: RequiresReplace). */
const AZAPI_FORCE_NEW: Record<string, string[]> = {
  azapi_resource: ['type', 'parent_id', 'name', 'location'],
  azapi_resource_action: ['type', 'resource_id', 'action'],
};

/** The engine the provider plugins delegate to: every operation reads the world file, applies Azure's rules, writes it back. */
export class WorldEngine implements Engine {
  private settings?: ProviderSettings;

  /** Takes the provider block; a world file that cannot be read fails here, before any plan. */
  configure(env: ProviderEnv): EngineDiagnostic[] {
    this.settings = settingsOf(env);
    try {
      loadWorld(env.worldFile);
      return [];
    } catch (e) {
      return [errorDiagnostic(`the Azure world file ${env.worldFile} cannot be read`, e instanceof Error ? e.message : String(e))];
    }
  }

  planResource(type: string, req: { prior: Obj | null; proposed: Obj | null; config: Obj | null; planned: Obj | null }) {
    const { prior, config } = req;
    const planned = req.planned && config ? withDefaults(req.planned, config, TF_TYPES.get(type)?.defaults) : req.planned;
    if (!prior || !planned) return { planned, requiresReplace: [], diagnostics: [] };
    const forceNew = TF_TYPES.get(type)?.forceNew ?? AZAPI_FORCE_NEW[type] ?? [];
    const out: Obj = { ...planned };
    // azurerm normalizes locations (`East US` = `eastus`): no diff for a spelling.
    if (typeof out.location === 'string' && typeof prior.location === 'string' &&
      out.location.replace(/\s+/g, '').toLowerCase() === prior.location.replace(/\s+/g, '').toLowerCase()) out.location = prior.location;
    const requiresReplace = forceNew.filter((k) => !isUnknown(out[k]) && !sameValue(prior[k], out[k]) || isUnknown(out[k]) && prior[k] !== null).map((k) => [k]);
    return { planned: out, requiresReplace, diagnostics: [] };
  }

  applyResource(type: string, req: { prior: Obj | null; planned: Obj | null; config: Obj | null }): Result {
    return this.run((ctx, st) => {
      if (type === 'azapi_resource') return applyAzapiResource(ctx, req);
      if (type === 'azapi_resource_action') return applyAzapiAction(ctx, req);
      const h = this.handler(type);
      if (!req.planned) return this.destroy(ctx, h, req.prior!);
      const id = req.prior ? h.idOfState?.(String(req.prior.id)) ?? String(req.prior.id) : h.armId(req.planned, st, ctx);
      if (!req.prior && ctx.world.get(id)) return { state: null, diagnostics: [importAsExists(id, type)] };
      try {
        const stored = armPut(ctx, h.toArm(req.planned, id, st, ctx));
        return { state: fillUnknowns(req.planned, h.toState(stored, st, ctx)) as Obj, diagnostics: [] };
      } catch (e) {
        return { state: req.prior, diagnostics: [armDiagnostic(e, `${req.prior ? 'updating' : 'creating'} ${h.label}`, id)] };
      }
    });
  }

  readResource(type: string, state: Obj): Result {
    return this.run((ctx, st) => {
      if (type === 'azapi_resource_action') return { state, diagnostics: [] };
      if (type === 'azapi_resource') {
        const found = armFind(ctx, String(state.id));
        return { state: found ? { ...state, output: exportValues(found, state.response_export_values) } : null, diagnostics: [] };
      }
      const h = this.handler(type);
      const id = h.idOfState?.(String(state.id)) ?? String(state.id);
      try {
        const found = armFind(ctx, id);
        return { state: found ? refreshed(state, h.toState(found, st, ctx), h.defaults) : null, diagnostics: [] };
      } catch (e) {
        return { state, diagnostics: [armDiagnostic(e, `reading ${h.label}`, id)] };
      }
    }, false);
  }

  importResource(type: string, id: string): Result {
    return this.run((ctx, st) => {
      if (type === 'azapi_resource') {
        const found = armFind(ctx, id.split('?')[0]);
        return { state: found ? { id: found.id, type: `${found.type}@${id.split('?api-version=')[1] ?? ''}`.replace(/@$/, ''), name: found.name, parent_id: null, body: { properties: found.properties } } : null, diagnostics: [] };
      }
      const h = this.handler(type);
      const found = armFind(ctx, h.idOfState?.(id) ?? id);
      return { state: found ? h.toState(found, st, ctx) : null, diagnostics: [] };
    }, false);
  }

  readDataSource(type: string, config: Obj): Result {
    return this.run((ctx) => {
      if (type === 'azapi_resource_list') {
        let response;
        try {
          response = azapiList(ctx, config);
        } catch (e) {
          return { state: null, diagnostics: [armDiagnostic(e, 'listing', `${s(config, 'parent_id')} (${s(config, 'type')})`)] };
        }
        return { state: { ...config, id: s(config, 'parent_id'), output: exportValues(response, config.response_export_values) }, diagnostics: [] };
      }
      if (type === 'azapi_resource') {
        const id = s(config, 'resource_id') ?? childId(s(config, 'parent_id')!, typeOf(s(config, 'type')!), s(config, 'name')!);
        let found;
        try {
          found = armGet(ctx, id);
        } catch (e) {
          return { state: null, diagnostics: [armDiagnostic(e, 'reading', id)] };
        }
        return { state: { ...config, id: found.id, name: found.name, location: found.location ?? null, tags: found.tags ?? null,
          identity: found.identity ? [found.identity] : [], output: exportValues(found, config.response_export_values) }, diagnostics: [] };
      }
      return { state: null, diagnostics: [errorDiagnostic(`the offline Azure world serves no data source ${type}`)] };
    }, false);
  }

  private destroy(ctx: ArmContext, h: TfResourceType, prior: Obj): Result {
    const id = h.idOfState?.(String(prior.id)) ?? String(prior.id);
    const refusal = h.beforeDelete?.(id, ctx);
    if (refusal) return { state: prior, diagnostics: [errorDiagnostic(refusal)] };
    return guard(() => { armDelete(ctx, id); return null; }, `deleting ${h.label}`, id, prior);
  }

  private handler(type: string): TfResourceType {
    const h = TF_TYPES.get(type);
    if (!h) throw new Error(`the offline Azure world serves no resource type ${type}`);
    return h;
  }

  /** Runs an operation on the world file as the configured principal; errors become diagnostics. */
  private run(fn: (ctx: ArmContext, st: ProviderSettings) => Result, write = true): Result {
    const st = this.settings;
    if (!st) return { state: null, diagnostics: [errorDiagnostic('the provider was not configured')] };
    try {
      return withWorld(st.worldFile, (world: World) => fn(contextOf(world, st), st), { write });
    } catch (e) {
      return { state: null, diagnostics: [e instanceof ArmError ? armDiagnostic(e, 'reading', '') : errorDiagnostic(e instanceof Error ? e.message : String(e))] };
    }
  }
}

/** The ARM context of a provider configuration in a world. */
export function contextOf(world: World, st: ProviderSettings): ArmContext {
  return { world, caller: callerFor(world, st.clientId, st.principalName), cloud: st.cloud };
}

/** A new engine (one per plugin process). */
export function createEngine(): Engine {
  return new WorldEngine();
}

/** `planned` with azurerm's schema defaults for what the configuration leaves null. */
function withDefaults(planned: Obj, config: Obj, defaults: Readonly<Record<string, unknown>> = {}): Obj {
  const out: Obj = { ...planned };
  for (const [key, value] of Object.entries(defaults)) if (config[key] === null || config[key] === undefined) out[key] = value as Obj[string];
  return out;
}
