import jmespath from 'jmespath';
import { childId, parseId } from '../arm/ids';
import { armList } from '../arm/list';
import { armDelete, armGet, armPatch, armPut, unsupported } from '../arm/operations';
import { ArmContext } from '../arm/type-rules';
import { ArmResource } from '../arm/world';
import { Obj } from '../values';
import { s } from './values';

/** `Microsoft.X/y@2024-07-01` → the type (the world serves every api-version alike). */
export function typeOf(typeWithVersion: string): string {
  return typeWithVersion.split('@')[0];
}

/**
 * azapi's `output`: `response_export_values` as a list of paths (`["*"]` for everything, `["properties.x"]` for a
 * part, kept at its path) or as a map of names to JMESPath queries (azapi v2.5.0 docs, "response_export_values").
 * Unset: an empty object.
 */
export function exportValues(response: unknown, rev: unknown): unknown {
  if (rev === null || rev === undefined) return {};
  if (Array.isArray(rev)) {
    if (rev.includes('*')) return response;
    const out: Record<string, unknown> = {};
    for (const path of rev as string[]) {
      const parts = path.split('.');
      let from: any = response;
      for (const p of parts) from = from?.[p];
      if (from === undefined) continue;
      let to: any = out;
      parts.slice(0, -1).forEach((p) => (to = to[p] ??= {}));
      to[parts[parts.length - 1]] = from;
    }
    return out;
  }
  return Object.fromEntries(Object.entries(rev as Record<string, string>).map(([k, q]) => [k, jmespath.search(response, q) ?? null]));
}

/** The ID `azapi_resource` manages: `parent_id` + type + name. */
export function azapiResourceId(values: Obj): string {
  return childId(s(values, 'parent_id')!, typeOf(s(values, 'type')!), s(values, 'name')!);
}

/** The resource `azapi_resource` PUTs: its `body` (the ARM JSON), with `location`, `tags` and `identity`. */
export function azapiBody(values: Obj, id: string): ArmResource {
  const body = (values.body && typeof values.body === 'object' ? values.body : {}) as Record<string, any>;
  const identity = Array.isArray(values.identity) && values.identity.length ? values.identity[0] as Obj : undefined;
  return { ...body, id, type: typeOf(s(values, 'type')!), name: parseId(id).name, properties: body.properties ?? {},
    ...(s(values, 'location') ? { location: s(values, 'location') } : {}),
    ...(values.tags && typeof values.tags === 'object' ? { tags: values.tags as Record<string, string> } : {}),
    ...(identity ? { identity: { type: s(identity, 'type') } } : {}) };
}

/**
 * One request of `azapi_resource_action`: GET reads, PATCH updates (Batch connections: their state machine), DELETE
 * removes (nothing there is no error), PUT writes. POST actions are not modelled.
 */
export function azapiAction(ctx: ArmContext, values: Obj): unknown {
  const id = s(values, 'resource_id')!;
  const method = (s(values, 'method') ?? 'POST').toUpperCase();
  const body = (values.body && typeof values.body === 'object' ? values.body : {}) as Record<string, any>;
  if (s(values, 'action')) throw unsupported(`POST ${id}/${s(values, 'action')}`);
  switch (method) {
    case 'GET': return armGet(ctx, id);
    case 'PATCH': return armPatch(ctx, id, body);
    case 'DELETE': armDelete(ctx, id); return {};
    case 'PUT': return armPut(ctx, { ...body, id, type: typeOf(s(values, 'type')!), name: parseId(id).name, properties: body.properties ?? {} } as ArmResource);
    default: throw unsupported(`${method} ${id}`);
  }
}

/** `data azapi_resource_list`: `{ value: [...] }` of the children of `type` under `parent_id`. */
export function azapiList(ctx: ArmContext, values: Obj): { value: ArmResource[] } {
  return { value: armList(ctx, s(values, 'parent_id')!, typeOf(s(values, 'type')!)) };
}
