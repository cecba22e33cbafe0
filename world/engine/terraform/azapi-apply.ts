import { armDelete, armPut } from '../arm/operations';
import { ArmContext } from '../arm/type-rules';
import { EngineDiagnostic } from '../index';
import { Obj } from '../values';
import { azapiAction, azapiBody, azapiResourceId, exportValues } from './azapi';
import { guard, importAsExists } from './diagnostics';
import { fillUnknowns, s } from './values';

type Result = { state: Obj | null; diagnostics: EngineDiagnostic[] };

/** `azapi_resource`: PUT of `body` at `parent_id`/type/name, through the world's rules; DELETE on destroy. */
export function applyAzapiResource(ctx: ArmContext, req: { prior: Obj | null; planned: Obj | null }): Result {
  if (!req.planned) return guard(() => { armDelete(ctx, String(req.prior!.id)); return null; }, 'deleting', String(req.prior!.id), req.prior);
  const id = req.prior ? String(req.prior.id) : azapiResourceId(req.planned);
  if (!req.prior && ctx.world.get(id)) return { state: null, diagnostics: [importAsExists(id, 'azapi_resource')] };
  return guard(() => {
    const stored = armPut(ctx, azapiBody(req.planned!, id));
    return fillUnknowns({ ...req.planned, output: exportValues(stored, req.planned!.response_export_values) },
      { id, location: stored.location ?? null, tags: stored.tags ?? null, body: req.planned!.body }) as Obj;
  }, req.prior ? 'updating' : 'creating', id, req.prior);
}

/** `azapi_resource_action`: the request is sent on create and update when `when` is `apply`, on destroy when it is `destroy`. */
export function applyAzapiAction(ctx: ArmContext, req: { prior: Obj | null; planned: Obj | null }): Result {
  const values = req.planned ?? req.prior!;
  const when = s(values, 'when') ?? 'apply';
  const send = req.planned ? when === 'apply' : when === 'destroy';
  const id = `${s(values, 'resource_id')}${s(values, 'action') ? `/${s(values, 'action')}` : ''}`;
  return guard(() => {
    const response = send ? azapiAction(ctx, values) : {};
    return req.planned ? fillUnknowns({ ...req.planned, output: exportValues(response, req.planned.response_export_values) }, { id, sensitive_output: null }) as Obj : null;
  }, `performing action ${s(values, 'method') ?? 'POST'} of`, s(values, 'resource_id') ?? '', req.prior);
}
