import { authorize, operationFor } from './access';
import { ArmError, badRequest, notFound } from './errors';
import { checkFaults } from './faults';
import { parseId, sameType } from './ids';
import { checkLocks } from './locks';
import { ArmContext, rulesOf } from './type-rules';
import { ArmResource } from './world';

/**
 * The ARM operations the providers make, with the rules every type shares. azurerm and azapi both go through these,
 * so a rule holds whichever provider writes.
 */

/** GET: the resource, or a 404. */
export function armGet(ctx: ArmContext, id: string): ArmResource {
  authorize(ctx.world, ctx.caller, operationFor(id, 'read'), id);
  const found = ctx.world.get(id);
  if (!found) throw notFound(id);
  checkFaults(ctx.world, 'read', found);
  return found;
}

/** GET that answers undefined for a 404 (a refresh of something deleted). */
export function armFind(ctx: ArmContext, id: string): ArmResource | undefined {
  try {
    return armGet(ctx, id);
  } catch (e) {
    if (e instanceof ArmError && e.status === 404) return undefined;
    throw e;
  }
}

/**
 * PUT (create or replace). Generic rules: access (write), declared faults, the parent exists (404), locks
 * (ScopeLocked), then the type's own rules. `mustNotExist` is the provider's create check (azurerm and azapi both
 * GET first and refuse to adopt what exists; see `terraform/errors.ts`).
 */
export function armPut(ctx: ArmContext, resource: ArmResource): ArmResource {
  const rules = rulesOf(resource.type);
  const prior = ctx.world.get(resource.id);
  authorize(ctx.world, ctx.caller, operationFor(resource.id, 'write'), resource.id);
  if (rules.noPut) throw new ArmError(405, 'MethodNotAllowed', rules.noPut);
  checkFaults(ctx.world, prior ? 'update' : 'create', resource);
  requireParent(ctx, resource.id);
  checkLocks(ctx.world, resource.id, 'write');
  const stored = rules.put ? rules.put(ctx, resource, prior) : resource;
  ctx.world.put(stored);
  rules.afterPut?.(ctx, stored, prior);
  return stored;
}

/** PATCH: the type's patch, else a merge of `properties` then the PUT rules. */
export function armPatch(ctx: ArmContext, id: string, body: Record<string, any>): ArmResource {
  const prior = armGet(ctx, id);
  authorize(ctx.world, ctx.caller, operationFor(id, 'write'), id);
  checkFaults(ctx.world, 'update', prior);
  checkLocks(ctx.world, id, 'write');
  const rules = rulesOf(prior.type);
  if (rules.patch) {
    const patched = rules.patch(ctx, prior, body);
    ctx.world.put(patched);
    return patched;
  }
  return armPut(ctx, { ...prior, ...body, properties: { ...prior.properties, ...(body.properties ?? {}) } });
}

/**
 * DELETE: access, faults, locks (ReadOnly and CanNotDelete), the type's refusals, then the resource and everything
 * below it (child and extension resources go with their parent: Learn azure-resource-manager/management/
 * delete-resource-group, "deletes all resources in the group"; a zone's record sets go with the zone). A missing
 * resource is no error (ARM answers 204 to a DELETE of nothing).
 */
export function armDelete(ctx: ArmContext, id: string): void {
  const found = ctx.world.get(id);
  authorize(ctx.world, ctx.caller, operationFor(id, 'delete'), id);
  if (!found) return;
  checkFaults(ctx.world, 'delete', found);
  checkLocks(ctx.world, id, 'delete');
  for (const r of ctx.world.under(id)) {
    if (r !== found) checkLocks(ctx.world, r.id, 'delete');
  }
  rulesOf(found.type).beforeDelete?.(ctx, found);
  for (const r of ctx.world.under(id)) {
    ctx.world.remove(r.id);
    rulesOf(r.type).afterDelete?.(ctx, r);
  }
}

/** A 404 naming the missing parent when the parent of `id` is not there (ARM checks the parent first). */
export function requireParent(ctx: ArmContext, id: string): void {
  const parent = parseId(id).parentId;
  if (parent === '' || ctx.world.exists(parent)) return;
  const p = parseId(parent);
  if (sameType(p.type, 'Microsoft.Resources/resourceGroups')) {
    throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${p.name}' could not be found.`);
  }
  throw new ArmError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${p.name}' not found.`);
}

/** A 400 for a request the world does not model. */
export function unsupported(what: string): ArmError {
  return badRequest('UnsupportedByWorld', `The offline Azure world does not model ${what}.`);
}
