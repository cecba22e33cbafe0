import { Token } from 'cdktf';
import { defaultLockName, defaultLockNotes, effectiveLock, lockProblems } from '../../lib/rules/locks';

describe('management locks', () => {
  it('are named and described as AVM Bicep does', () => {
    expect(defaultLockName('contosobatch01')).toBe('lock-contosobatch01');
    expect(defaultLockNotes('CanNotDelete')).toBe('Cannot delete resource or child resources.');
    expect(defaultLockNotes('ReadOnly')).toBe('Cannot delete or modify the resource or child resources.');
  });

  it('are inherited unless the resource has its own, and None means none', () => {
    expect(effectiveLock(undefined, { kind: 'ReadOnly' })).toEqual({ kind: 'ReadOnly' });
    expect(effectiveLock({ kind: 'CanNotDelete' }, { kind: 'ReadOnly' })).toEqual({ kind: 'CanNotDelete' });
    expect(effectiveLock({ kind: 'None' }, { kind: 'ReadOnly' })).toBeUndefined();
    expect(effectiveLock(undefined, undefined)).toBeUndefined();
  });

  it.each(['lock', 'lock-(batch)_1.x', 'a'.repeat(90)])('accept the name %j', (name) => {
    expect(lockProblems({ kind: 'CanNotDelete', name })).toEqual([]);
  });

  it.each(['', 'lock.', 'a'.repeat(91), 'my lock', 'lock/1'])('refuse the name %j, saying what Azure allows', (name) => {
    const problems = lockProblems({ kind: 'CanNotDelete', name });
    expect(problems.map((p) => p.field)).toEqual(['name']);
    expect(problems[0].problem).toContain('1-90 letters, digits and . _ ( ) -');
    expect(problems[0].problem).toContain('not ending in a period');
    expect(problems[0].problem).toContain(`got ${JSON.stringify(name)}`);
  });

  it('leave a name known only at apply to Azure', () => {
    expect(lockProblems({ kind: 'ReadOnly', name: Token.asString({ ref: 'lock_name' }) })).toEqual([]);
  });

  it('accept notes of exactly 512 bytes', () => {
    expect(lockProblems({ kind: 'CanNotDelete', notes: 'é'.repeat(256) })).toEqual([]);
  });

  it('refuse an unknown kind and notes over 512 bytes', () => {
    expect(lockProblems({ kind: 'canNotDelete' as never, notes: 'é'.repeat(257) })).toEqual([
      { field: 'kind', problem: 'must be one of CanNotDelete, ReadOnly, None, got "canNotDelete"' },
      { field: 'notes', problem: 'must be at most 512 bytes, got 514' },
    ]);
  });
});
