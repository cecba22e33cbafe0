/**
 * `npm run simulate` as a user runs it: the default example applied into an empty world, and what its account's
 * names resolve to from its VNet.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { describeWithTerraform } from '../helpers/terraform';

const ROOT = join(__dirname, '..', '..');
const simulate = (...args: string[]) => spawnSync(process.execPath, ['-r', './app/register.js', 'scripts/simulate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describeWithTerraform('npm run simulate', () => {
  it('applies the example and resolves its account\'s name to the endpoint\'s static IP in the example\'s VNet', () => {
    const run = simulate('config/example.json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('apply 1 batch-private-eastus: ok, 0 imported, 12 added, 0 changed, 0 destroyed');
    expect(run.stdout).toMatch(/VNet rg-batch-private-eastus\/vnet-batch-eastus:\n {2}ok batchAccount contosobatch01\.eastus\.batch\.azure\.com -> 10\.20\.1\.10\n/);
  }, 600_000);

  it('says how to call it when the arguments are wrong', () => {
    const run = simulate('config/example.json', '--applies', 'zero');
    expect([run.status, run.stderr.trim()]).toEqual([2, 'usage: npm run simulate -- <config.json> [--world <world.json>] [--applies N] [--destroy] [--world-out <file>]']);
  });
});
