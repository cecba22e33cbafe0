import { readOnlyLockWithPoolsProblem } from '../../lib/rules/lock-pools';

describe('readOnlyLockWithPoolsProblem', () => {
  it('refuses a ReadOnly lock on an account with pools, naming them and the way out', () => {
    expect(readOnlyLockWithPoolsProblem('ReadOnly', ['small', 'large'])).toEqual({
      field: 'lock.kind',
      problem: expect.stringMatching(/^is ReadOnly, but the account has pools \(small, large\): pools inherit the lock, .*409 ScopeLocked; use CanNotDelete/),
    });
  });

  it('allows CanNotDelete, and ReadOnly on an account without pools', () => {
    expect(readOnlyLockWithPoolsProblem('CanNotDelete', ['small'])).toBeUndefined();
    expect(readOnlyLockWithPoolsProblem('ReadOnly', [])).toBeUndefined();
  });
});
