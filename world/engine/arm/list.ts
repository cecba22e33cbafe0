import { isAllowed, operationFor } from './access';
import { ArmError } from './errors';
import { keyOf, parseId, sameType } from './ids';
import { requireParent } from './operations';
import { ArmContext } from './type-rules';
import { ArmResource } from './world';

/**
 * LIST of the resources of `type` under `parentId`: children of a resource, the top-level resources of a resource
 * group, or of a whole subscription (ARM's `/subscriptions/{s}/providers/{type}` list). A caller sees only what it may
 * read (ARM filters lists by the caller's access). A missing parent is a 404.
 */
export function armList(ctx: ArmContext, parentId: string, type: string): ArmResource[] {
  if (!ctx.world.exists(parentId)) {
    requireParent(ctx, `${parentId}/providers/${type}/x`);
    throw new ArmError(404, 'ResourceNotFound', `Resource '${parentId}' was not found.`);
  }
  const parent = parseId(parentId);
  const topLevel = type.split('/').length === 2;
  const items = sameType(parent.type, 'Microsoft.Resources/subscriptions') && topLevel
    ? ctx.world.ofType(type).filter((r) => keyOf(`/subscriptions/${parseId(r.id).subscriptionId}`) === keyOf(parentId))
    : ctx.world.children(parentId, type);
  return items.filter((r) => isAllowed(ctx.world, ctx.caller, operationFor(r.id, 'read'), r.id));
}
