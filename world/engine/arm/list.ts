import { authorize, isAllowed, operationFor } from './access';
import { ArmError } from './errors';
import { keyOf, parseId, sameType } from './ids';
import { requireParent } from './operations';
import { ArmContext } from './type-rules';
import { ArmResource } from './world';

/**
 * LIST of the resources of `type` under `parentId`: children of a resource, the top-level resources of a resource
 * group, or of a whole subscription (ARM's `/subscriptions/{s}/providers/{type}` list). ARM authorizes the request at
 * its own scope, and roles are inherited downwards only (Learn role-based-access-control/scope-overview): a caller
 * without `<type>/read` at the parent gets 403 even if it may read some of the items (a spoke holding roles on the hub
 * zone only, listing the hub resource group's zones: hub-safety issue #22, defect 6). A missing parent is a 404.
 */
export function armList(ctx: ArmContext, parentId: string, type: string): ArmResource[] {
  authorize(ctx.world, ctx.caller, `${type}/read`, parentId);
  if (!ctx.world.exists(parentId)) {
    // A child type (`Microsoft.Network/privateDnsZones/A`) lists under its parent's ID; a top-level type under a scope.
    const segments = type.split('/');
    requireParent(ctx, segments.length > 2 ? `${parentId}/${segments[segments.length - 1]}/x` : `${parentId}/providers/${type}/x`);
    throw new ArmError(404, 'ResourceNotFound', `Resource '${parentId}' was not found.`);
  }
  const parent = parseId(parentId);
  const topLevel = type.split('/').length === 2;
  const items = sameType(parent.type, 'Microsoft.Resources/subscriptions') && topLevel
    ? ctx.world.ofType(type).filter((r) => keyOf(`/subscriptions/${parseId(r.id).subscriptionId}`) === keyOf(parentId))
    : ctx.world.children(parentId, type);
  return items.filter((r) => isAllowed(ctx.world, ctx.caller, operationFor(r.id, 'read'), r.id));
}
