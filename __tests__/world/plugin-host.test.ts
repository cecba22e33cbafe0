/**
 * The plugin host (world/plugin/host.ts, reattach.ts): Terraform attaches to one process instead of starting the
 * plugins for every command. What it must keep from started plugins: each provider configuration's own settings,
 * one host per configuration, and no process left behind.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { PluginHost } from '../../world/plugin/reattach';
import { describeWithTerraform } from '../helpers/terraform';
import { scratch, stackDir } from './stories';

const SUB_A = '11111111-1111-1111-1111-111111111111';
const SUB_B = '22222222-2222-2222-2222-222222222222';

describeWithTerraform('the plugin host', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'plugin-host-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps each provider configuration\'s settings to its own connection: two subscriptions, a group of one name in each', () => {
    const { dir: storyDir, run, world } = scratch();
    try {
      const folder = stackDir(storyDir, 'two-subscriptions', {
        terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm' } } },
        provider: { azurerm: [{ features: [{}], subscription_id: SUB_A }, { alias: 'b', features: [{}], subscription_id: SUB_B }] },
        resource: { azurerm_resource_group: {
          a: { name: 'rg1', location: 'eastus' },
          b: { provider: 'azurerm.b', name: 'rg1', location: 'eastus' },
        } },
      });
      expect(run.applyStack('two-subscriptions', folder)).toMatchObject({ ok: true, added: 2 });
      expect([...world().resources.values()].map((r) => r.id).sort()).toEqual([
        `/subscriptions/${SUB_A}/resourceGroups/rg1`, `/subscriptions/${SUB_B}/resourceGroups/rg1`,
      ]);
    } finally {
      run.dispose();
      rmSync(storyDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('is shared by the runs of one configuration, and another configuration gets its own', () => {
    const env = { PATH: process.env.PATH, AZURE_WORLD_AZURERM_VERSION: '4.55.0' };
    const first = PluginHost.sharedFor(env);
    expect(PluginHost.sharedFor({ ...env, UNRELATED: 'x' })).toBe(first);
    expect(PluginHost.sharedFor({ ...env, AZURE_WORLD_AZURERM_VERSION: '4.74.0' })).not.toBe(first);
    expect(PluginHost.sharedFor({ ...env, ARM_SUBSCRIPTION_ID: SUB_A })).not.toBe(first);
  }, 60_000);

  it('exits, and removes its sockets, when the process that started it is killed', () => {
    const script = `require(${JSON.stringify(require.resolve('../../app/register.js'))});
      const { PluginHost } = require(${JSON.stringify(require.resolve('../../world/plugin/reattach.ts'))});
      const host = new PluginHost({ PATH: process.env.PATH });
      const azurerm = JSON.parse(host.reattach)['registry.terraform.io/hashicorp/azurerm'];
      process.stdout.write(JSON.stringify({ pid: azurerm.Pid, socket: azurerm.Addr.String }));
      process.kill(process.pid, 'SIGKILL');`;
    const parent = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const { pid, socket } = JSON.parse(parent.stdout) as { pid: number; socket: string };
    expect(pid).toBeGreaterThan(0);
    const gone = (): boolean => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    for (const start = Date.now(); !gone() && Date.now() - start < 5000;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(gone()).toBe(true);
    expect(existsSync(dirname(socket))).toBe(false);
  }, 60_000);
});
