/**
 * The plugins under a real `terraform apply`, through the world runner, with the tests' own engine
 * (memory-engine.ts: IDs, state kept in the world file, "already exists"): what the plugins carry between
 * Terraform and an engine, not Azure's rules (world/engine has its own tests).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { cliConfig } from '../../world/plugin/tfrc';
import { WorldRun } from '../../world/run';
import { terraformEnv } from '../../world/run/env';
import { describeWithTerraform } from '../helpers/terraform';

const ENGINE = resolve(__dirname, 'memory-engine.ts');

/** A stack as cdktf writes it (backend included), to a dir of its own. */
function stack(dir: string, resources: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({
    terraform: { backend: { local: { path: 'x.tfstate' } }, required_providers: { azurerm: { source: 'hashicorp/azurerm' }, azapi: { source: 'azure/azapi' } } },
    provider: { azurerm: [{ features: [{}] }], azapi: [{}] },
    resource: resources,
    ...extra,
  }, null, 2));
  return dir;
}

const RG = { azurerm_resource_group: { rg: { name: 'rg1', location: 'eastus' } } };
const NETWORK = {
  ...RG,
  azurerm_virtual_network: { vnet: { name: 'vnet1', location: 'eastus', resource_group_name: '${azurerm_resource_group.rg.name}', address_space: ['10.0.0.0/16'] } },
  azapi_resource_action: { act: { type: 'Microsoft.Network/virtualNetworks@2024-05-01', resource_id: '${azurerm_virtual_network.vnet.id}', method: 'PATCH', body: { tags: { a: ['b', 'c'] } } } },
};

describeWithTerraform('the provider plugins under terraform apply (a test engine)', () => {
  let dir: string;
  let world: string;
  let run: WorldRun;
  const ids = (): string[] => (JSON.parse(readFileSync(world, 'utf8')) as { id: string }[]).map((e) => e.id.replace(/.*\//, ''));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'world-plugin-'));
    world = join(dir, 'world.json');
    run = new WorldRun({ worldFile: world, workDir: join(dir, 'work'), engineModule: ENGINE });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates through the engine, which keeps the resources; the second apply changes nothing', () => {
    const first = run.applyStack('network', stack(join(dir, 'network'), NETWORK));
    expect(first).toMatchObject({ ok: true, added: 3, changed: 0, destroyed: 0, errors: [] });
    expect(ids().sort()).toEqual(['rg1', 'undefined', 'vnet1']);
    const second = run.applyStack('network', join(dir, 'network'));
    expect(second).toMatchObject({ ok: true, added: 0, changed: 0, destroyed: 0, planned: [] });
  }, 120_000);

  it('passes the engine\'s error on: another stack creating what exists fails as azurerm does', () => {
    const result = run.applyStack('other', stack(join(dir, 'other'), RG));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.summary)).toEqual([expect.stringMatching(/^a resource with the ID ".*\/rg1" already exists - to be managed via Terraform/)]);
  }, 120_000);

  it('replaces what the engine says must be replaced (and updates what refers to it)', () => {
    const renamed = { ...NETWORK, azurerm_virtual_network: { vnet: { ...NETWORK.azurerm_virtual_network.vnet, name: 'vnet2' } } };
    const result = run.applyStack('network', stack(join(dir, 'network'), renamed));
    expect(result).toMatchObject({ ok: true, added: 1, changed: 1, destroyed: 1 });
    expect(result.planned).toEqual(expect.arrayContaining([{ address: 'azurerm_virtual_network.vnet', action: 'replace' }]));
    expect(ids().sort()).toEqual(['rg1', 'undefined', 'vnet2']);
  }, 120_000);

  it('imports what the world has, and refuses in Terraform\'s words to import what it has not', () => {
    const id = (name: string): string => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/World.Test/azurerm_resource_group/${name}`;
    const adopt = run.applyStack('adopt', stack(join(dir, 'adopt'), RG, { import: [{ to: 'azurerm_resource_group.rg', id: id('rg1') }] }));
    expect(adopt).toMatchObject({ ok: true, added: 0, imported: 1 });
    const missing = { azurerm_resource_group: { rg: { name: 'rg9', location: 'eastus' } } };
    const result = run.applyStack('missing', stack(join(dir, 'missing'), missing, { import: [{ to: 'azurerm_resource_group.rg', id: id('rg9') }] }));
    expect(result.errors.map((e) => e.summary)).toEqual(['Cannot import non-existent remote object']);
  }, 120_000);

  it('destroys through the engine', () => {
    run.applyStack('adopt', join(dir, 'adopt'), 'destroy');
    expect(run.applyStack('network', join(dir, 'network'), 'destroy')).toMatchObject({ ok: true, destroyed: 2 });
    expect(ids()).toEqual([]);
  }, 120_000);

  it('refuses to apply without a world, as tfshim did', () => {
    const work = join(dir, 'no-world');
    mkdirSync(work);
    writeFileSync(join(work, 'main.tf.json'), JSON.stringify({ provider: { azurerm: [{ features: [{}] }] }, resource: RG }));
    writeFileSync(join(dir, 'tfrc'), cliConfig());
    const r = spawnSync('terraform', ['apply', '-auto-approve', '-no-color', '-lock=false'], { cwd: work, env: terraformEnv(join(dir, 'tfrc')), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('No Azure world to apply to');
  }, 120_000);
});
