/**
 * Every shipped config, played into the offline Azure world by real `terraform apply` runs: deploy, a second apply
 * that changes nothing, another team's endpoint to the account appearing and going (their own stack, applied
 * between ours), then destroy. The world refuses what Azure refuses (docs/azure-world.md), so a stack that owns
 * what it should not, writes before what it points at exists, or fails on another team's objects fails here.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { buildApp } from '../../app/build-app';
import { loadConfig } from '../../app/load-config';
import { loadWorld } from '../../world/engine/arm/world-file';
import { describeWithTerraform } from '../helpers/terraform';
import { expectNoOp, failures, scratch, stackDir } from './stories';

const ROOT = join(__dirname, '..', '..');
/** The world each config starts from: the hub zone, its hub VNet link and another team's record for the hub config. */
const SEEDS: Record<string, string | undefined> = { 'hub-zone.json': 'world/examples/hub-with-foreign-record.json' };
/**
 * Applies until the app converges. The manual-approval config approves, in its first stack, the endpoint that its
 * second stack creates: the connection exists only once the second stack has applied, so the second apply approves
 * it and the third changes nothing.
 */
const CONVERGES_AFTER: Record<string, number> = { 'manual-approval.json': 2 };

const FOREIGN_SUB = '77777777-6666-5555-4444-333333333333';

/** Another team's stack: its own network and a manual endpoint to `accountId` (a request the account owner decides). */
function foreignStack(dir: string, accountId: string, location: string): string {
  const rg = '${azurerm_resource_group.rg.name}';
  const json = {
    provider: { azurerm: [{ features: [{}], subscription_id: FOREIGN_SUB }] },
    terraform: { required_providers: { azurerm: { source: 'hashicorp/azurerm' } } },
    resource: {
      azurerm_resource_group: { rg: { name: 'rg-other-team', location } },
      azurerm_virtual_network: { vnet: { name: 'vnet-other-team', location, resource_group_name: rg, address_space: ['10.90.0.0/16'] } },
      azurerm_subnet: { pe: { name: 'snet-pe', resource_group_name: rg, virtual_network_name: '${azurerm_virtual_network.vnet.name}', address_prefixes: ['10.90.1.0/24'] } },
      azurerm_private_endpoint: {
        pe: {
          name: 'pe-other-team', location, resource_group_name: rg, subnet_id: '${azurerm_subnet.pe.id}',
          private_service_connection: { name: 'pe-other-team-connection', private_connection_resource_id: accountId, subresource_names: ['batchAccount'], is_manual_connection: true, request_message: 'team other' },
        },
      },
    },
  };
  return stackDir(dir, 'foreign', json);
}


describeWithTerraform('shipped configs in the Azure world', () => {
  const configs = readdirSync(join(ROOT, 'config')).filter((f) => f.endsWith('.json')).sort();

  it.each(configs)('%s deploys, converges, lives with another team\'s endpoint, and is destroyed leaving what it found', (name) => {
    const seed = SEEDS[name] ? loadWorld(join(ROOT, SEEDS[name]!)) : undefined;
    const { dir, run, world } = scratch(seed);
    const config = loadConfig(join(ROOT, 'config', name));
    const app = buildApp(config, { file: name, outdir: join(dir, 'out') });
    app.synth();
    try {
      expect(failures(run.apply(app.outdir))).toEqual([]);
      for (let i = 0; i < (CONVERGES_AFTER[name] ?? 1) - 1; i++) expect(failures(run.apply(app.outdir))).toEqual([]);
      expectNoOp(run.apply(app.outdir));

      // Another team's endpoint to the account comes and goes: the app's next apply neither fails nor changes.
      const stack = config.stacks.find((s) => s.accounts.length > 0)!;
      const accountId = `/subscriptions/${stack.subscriptionId}/resourceGroups/${stack.resourceGroup.name}/providers/Microsoft.Batch/batchAccounts/${stack.accounts[0].name}`;
      const foreign = foreignStack(dir, accountId, 'eastus');
      expect(failures([run.applyStack('other-team', foreign)])).toEqual([]);
      expectNoOp(run.apply(app.outdir));
      expect(failures([run.applyStack('other-team', foreign, 'destroy')])).toEqual([]);
      expectNoOp(run.apply(app.outdir));

      expect(failures(run.destroy(app.outdir))).toEqual([]);
      // What the world held before the app came is still there, as it was; nothing of the app is left.
      expect(world().sorted()).toEqual(seed?.sorted() ?? []);
    } finally {
      run.dispose();
    }
  }, 600_000);
});

