import { isToken } from './tokens';
import { PropProblem } from './problems';
import { utf8Length } from './tags';
import { everyMember } from './every-member';

/** Every {@link LockKind}, in the order messages list them. */
export const LOCK_KINDS = everyMember<LockKind>()(['CanNotDelete', 'ReadOnly', 'None']);

/**
 * Management lock levels. `CanNotDelete`: the resource and its children can be read and changed, not deleted.
 * `ReadOnly`: not changed either (and every POST, e.g. listing keys, is blocked). `None` turns off a lock that
 * would be inherited (AVM Bicep's `kind: 'None'`).
 */
export type LockKind = 'CanNotDelete' | 'ReadOnly' | 'None';

/** A management lock on a resource, in AVM's shape (`lock: { kind, name }`). */
export interface LockSettings {
  /** `CanNotDelete`, `ReadOnly`, or `None` for no lock (to opt out of an inherited one). */
  readonly kind: LockKind;
  /**
   * The lock's name: 1-90 letters, digits and `. _ ( ) -`, not ending in a period.
   * @default `lock-<resource name>` (AVM Bicep's default)
   */
  readonly name?: string;
  /**
   * Notes on the lock, at most 512 bytes.
   * @default AVM's text for the kind: "Cannot delete resource or child resources." or "Cannot delete or modify the
   * resource or child resources."
   */
  readonly notes?: string;
}

/** The notes AVM Bicep writes on a lock of each kind. */
export function defaultLockNotes(kind: Exclude<LockKind, 'None'>): string {
  return kind === 'CanNotDelete' ? 'Cannot delete resource or child resources.' : 'Cannot delete or modify the resource or child resources.';
}

/** The lock's name when none is given: `lock-<resource name>`. */
export function defaultLockName(resourceName: string): string {
  return `lock-${resourceName}`;
}

/** The lock in force: the resource's own when it has one, else the inherited one; undefined for none or `None`. */
export function effectiveLock(own: LockSettings | undefined, inherited: LockSettings | undefined): LockSettings | undefined {
  const lock = own ?? inherited;
  return lock && lock.kind !== 'None' ? lock : undefined;
}

// Azure's rule for lock names (Learn, resource-name-rules, Microsoft.Authorization/locks): 1-90 alphanumerics,
// periods, underscores, hyphens and parentheses, not ending in a period. azurerm's own check is looser.
const LOCK_NAME = /^[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]$/;

/** Every problem with a lock's settings, each naming its field. */
export function lockProblems(lock: LockSettings): PropProblem[] {
  const problems: PropProblem[] = [];
  if (!(LOCK_KINDS as readonly string[]).includes(lock.kind)) {
    problems.push({ field: 'kind', problem: `must be one of ${LOCK_KINDS.join(', ')}, got ${JSON.stringify(lock.kind)}` });
  }
  if (lock.name !== undefined && !isToken(lock.name) && !LOCK_NAME.test(lock.name)) {
    problems.push({ field: 'name', problem: `must be 1-90 letters, digits and . _ ( ) -, not ending in a period (an Azure lock name), got ${JSON.stringify(lock.name)}` });
  }
  if (lock.notes !== undefined && utf8Length(lock.notes) > 512) {
    problems.push({ field: 'notes', problem: `must be at most 512 bytes, got ${utf8Length(lock.notes)}` });
  }
  return problems;
}
