import { poolLogicalId } from '../../lib/rules/logical-ids';
import { POOL_NAME_RULE, natPoolNameProblem, poolNameProblem, samePoolName, vmSizeProblem } from '../../lib/rules/pool-names';

describe('pool names', () => {
  it.each(['small', 'a', 'GPU_pool-01', 'x'.repeat(64)])('accepts the pool name %s', (name) => {
    expect(poolNameProblem(name)).toBeUndefined();
  });

  it.each(['', 'x'.repeat(65), 'my pool', 'pool.1', 'pool/1', 'pöol'])('refuses the pool name %j, quoting the rule', (name) => {
    expect(poolNameProblem(name)).toBe(`must be ${POOL_NAME_RULE}, got ${JSON.stringify(name)}`);
  });

  it('states the rule', () => {
    expect(POOL_NAME_RULE).toBe('1-64 letters, digits, hyphens and underscores');
  });

  it('compares pool names ignoring case, as Batch does', () => {
    expect(samePoolName('Small', 'small')).toBe(true);
    expect(samePoolName('small', 'smalls')).toBe(false);
  });

  it.each(['ssh', 'a', 'rdp.in_1', 'x_', `a${'b'.repeat(75)}c`])('accepts the NAT pool name %s', (name) => {
    expect(natPoolNameProblem(name)).toBeUndefined();
  });

  it.each(['', '-ssh', '.ssh', 'ssh-', 'ssh.', 'my ssh', `a${'b'.repeat(76)}c`, undefined])('refuses the NAT pool name %j', (name) => {
    expect(natPoolNameProblem(name as string)).toBe(`must be 1-77 letters, digits, _ . -, starting with a letter or digit and ending with a letter, digit or _, got ${JSON.stringify(name)}`);
  });

  it.each(['Standard_D2s_v3', 'STANDARD_A1_V2', 'Standard_E4-2s_v3'])('accepts the VM size %s', (size) => {
    expect(vmSizeProblem(size)).toBeUndefined();
  });

  it.each(['', 'Standard D2s v3', 'Standard_D2s_v3 ', 'D2s/v3'])('refuses the VM size %j', (size) => {
    expect(vmSizeProblem(size)).toBe(`must be an Azure VM size such as Standard_D2s_v3, got ${JSON.stringify(size)}`);
  });
});

describe('pool addresses', () => {
  it('names a pool pool_<account>_<pool>, in lower case', () => {
    expect(poolLogicalId('contosobatch01', 'GPU-Pool_1')).toBe('pool_contosobatch01_gpu_pool_1');
  });
});
