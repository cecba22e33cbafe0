import { PropProblem } from './problems';

/**
 * A `ReadOnly` lock on an account that has pools, refused: pools are child resources of the account and inherit its
 * lock (Learn, "Lock your Azure resources": "When you apply a lock at a parent scope, all resources within that scope
 * inherit the same lock"), so every resize, every pool update and the pool's own creation after the lock fail with
 * 409 ScopeLocked. `CanNotDelete` leaves pools free to change. Pure: the kind and the pools' names come in as values.
 * @param field where the lock's kind was written, e.g. `lock.kind`
 */
export function readOnlyLockWithPoolsProblem(kind: string | undefined, pools: readonly string[], field = 'lock.kind'): PropProblem | undefined {
  if (kind !== 'ReadOnly' || pools.length === 0) return undefined;
  return {
    field,
    problem: `is ReadOnly, but the account has pools (${pools.join(', ')}): pools inherit the lock, so their creation after it and every resize or update fail with 409 ScopeLocked; use CanNotDelete, which still prevents deletes`,
  };
}
