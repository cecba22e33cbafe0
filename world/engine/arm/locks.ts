import { ArmError } from './errors';
import { isUnder, parseId, sameType } from './ids';
import { World } from './world';

export const LOCK_TYPE = 'Microsoft.Authorization/locks';

/**
 * Management locks (Learn: azure-resource-manager/management/lock-resources): a lock applies to its scope and
 * everything below it, child resources included. `ReadOnly` refuses writes and deletes, `CanNotDelete` refuses
 * deletes; both answer 409 `ScopeLocked`. Locks themselves are managed with `Microsoft.Authorization/locks/*`, which
 * a lock does not block.
 */
export function checkLocks(world: World, id: string, operation: 'write' | 'delete'): void {
  if (sameType(parseId(id).type, LOCK_TYPE)) return;
  const blocking = world.ofType(LOCK_TYPE).filter((l) => {
    const level = String(l.properties.level);
    return isUnder(id, parseId(l.id).parentId) && (level === 'ReadOnly' || (operation === 'delete' && level === 'CanNotDelete'));
  });
  if (blocking.length === 0) return;
  const scopes = blocking.map((l) => `'${parseId(l.id).parentId}'`).join(', ');
  throw new ArmError(409, 'ScopeLocked', `The scope '${id}' cannot perform ${operation} operation because following scope(s) are locked: ` +
    `${scopes}. Please remove the lock and try again.`);
}
