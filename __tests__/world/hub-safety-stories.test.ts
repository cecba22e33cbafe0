/**
 * The hub-safety defects as stories of real `terraform apply` runs in the offline Azure world, which refuses what
 * Azure refuses (docs/azure-world.md). Each story failed on the code before its fix: a record written although its
 * endpoint failed, an adopt that imported what was not there, a spoke that linked (and on destroy unlinked) the
 * hub's VNet, a stale-record removal that took another subscription's record.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { buildApp } from '../../app/build-app';
import { PrivateBatch } from '../../lib/private-batch/private-batch';
import { parseWorld } from '../../world/engine/arm/world-file';
import { World } from '../../world/engine/arm/world';
import { rawConfig, validConfig } from '../helpers/config';
import { describeWithTerraform } from '../helpers/terraform';
import { changesOf, failures, scratch, stackDir } from './stories';

const ROOT = join(__dirname, '..', '..');
const ids = (world: World, type: string) => world.ofType(type).map((r) => r.id);

/** Synthesizes a config (the raw JSON of a config file) into `dir`; returns the app's output folder. */
function synthConfig(raw: unknown, dir: string): string {
  const app = buildApp(validConfig(raw), { outdir: join(dir, 'out') });
  app.synth();
  return app.outdir;
}

describeWithTerraform('hub-safety stories in the Azure world', () => {
  it('a record is not written when its endpoint fails: the shared zone never answers with an address that serves nothing', () => {
    const world = new World([], [], [{ type: 'Microsoft.Network/privateEndpoints', name: 'pe-contosobatch01-batchaccount', status: 409, code: 'PrivateIPAddressIsAllocated',
      message: 'Private static IP address 10.20.1.10 is already allocated.' }], 'azure-world', false);
    const { dir, run, world: after } = scratch(world);
    try {
      const summaries = run.apply(synthConfig(rawConfig('example.json'), dir));
      expect(failures(summaries)).toEqual([expect.stringContaining('batch-private-eastus')]);
      expect(ids(after(), 'Microsoft.Network/privateDnsZones/A').map((id) => id.split('/').pop())).not.toContain('contosobatch01.eastus');
    } finally {
      run.dispose();
    }
  }, 600_000);

  it('adopt imports the parts a portal setup has and creates the rest; the next apply changes nothing', () => {
    const SUB = '11111111-1111-1111-1111-111111111111';
    const subnet = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
    const stack = new TerraformStack(new App({ skipValidation: true }), 'adopted');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    new PrivateBatch(stack, 'batch', { account: { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB }, subnet, adopt: true });
    stack.runAllValidations();
    const adopted = JSON.parse(Testing.synth(stack));
    // The portal made the network, the account and its batchAccount endpoint, as the library would have.
    const account = adopted.resource.azurerm_batch_account;
    const endpoint = Object.fromEntries(Object.entries<any>(adopted.resource.azurerm_private_endpoint).filter(([key]) => key.endsWith('batchaccount'))
      .map(([key, value]) => [key, { ...value, depends_on: undefined, lifecycle: undefined }]));
    const portal = {
      provider: adopted.provider, terraform: { required_providers: adopted.terraform.required_providers },
      resource: {
        azurerm_resource_group: { batch: { name: 'rg-batch', location: 'eastus' }, net: { name: 'rg-net', location: 'eastus' } },
        azurerm_virtual_network: { spoke: { name: 'vnet-spoke', location: 'eastus', resource_group_name: '${azurerm_resource_group.net.name}', address_space: ['10.20.0.0/16'] } },
        azurerm_subnet: { pe: { name: 'snet-pe', resource_group_name: '${azurerm_resource_group.net.name}', virtual_network_name: '${azurerm_virtual_network.spoke.name}', address_prefixes: ['10.20.1.0/24'] } },
        azurerm_batch_account: Object.fromEntries(Object.entries<any>(account).map(([key, value]) => [key, { ...value, depends_on: ['azurerm_resource_group.batch'] }])),
        azurerm_private_endpoint: Object.fromEntries(Object.entries<any>(endpoint).map(([key, value]) => [key, { ...value, depends_on: ['azurerm_subnet.pe'] }])),
      },
    };
    const { dir, run } = scratch();
    try {
      expect(failures([run.applyStack('portal', stackDir(dir, 'portal', portal))])).toEqual([]);
      const app = stackDir(dir, 'adopted', adopted);
      const first = run.applyStack('adopted', app);
      expect(failures([first])).toEqual([]);
      expect(first.imported).toBe(2);
      expect(changesOf([run.applyStack('adopted', app)])).toEqual([]);
    } finally {
      run.dispose();
    }
  }, 600_000);

  describe('a spoke in the hub zone of config/hub-zone.json', () => {
    const seed = () => parseWorld(readFileSync(join(ROOT, 'world/examples/hub-with-foreign-record.json'), 'utf8'));
    const HUB_LINK = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
    const RECORD = 'Microsoft.Network/privateDnsZones/A';

    it.each([['linked already', false], ['not linked (yet)', true]])('applies and is destroyed whether the hub VNet is %s, and never touches its link', (_name, unlink) => {
      const world = seed();
      const hubLinks = ids(world, HUB_LINK);
      if (unlink) for (const id of hubLinks) world.remove(id);
      const { dir, run, world: after } = scratch(world);
      try {
        const out = synthConfig(rawConfig('hub-zone.json'), dir);
        // The links of the hub VNet, whoever made them; the spoke's own VNet link is the spoke's.
        const hubVnetLinks = () => after().ofType(HUB_LINK).filter((r) => /\/virtualNetworks\/vnet-hub$/i.test(String((r.properties.virtualNetwork as { id?: string } | undefined)?.id))).map((r) => r.id);
        expect(failures(run.apply(out))).toEqual([]);
        expect(hubVnetLinks()).toEqual(unlink ? [] : hubLinks);
        expect(failures(run.destroy(out))).toEqual([]);
        expect(ids(after(), HUB_LINK)).toEqual(unlink ? [] : hubLinks);
      } finally {
        run.dispose();
      }
    }, 600_000);

    it('removing stale records leaves another subscription\'s same-named account\'s record in another region', () => {
      const raw = rawConfig('hub-zone.json');
      raw.stacks[0].dns.healing.removeStaleRecords = true;
      const { dir, run, world: after } = scratch(seed());
      try {
        const out = synthConfig(raw, dir);
        expect(failures(run.apply(out))).toEqual([]);
        expect(failures(run.apply(out))).toEqual([]);
        expect(ids(after(), RECORD).map((id) => id.split('/').pop())).toContain('teambatch01.westus');
      } finally {
        run.dispose();
      }
    }, 600_000);
  });
});
