/**
 * Real `terraform validate` on every stack the project ships (each config under config/ and the user-setup
 * fixtures) and `terraform plan` on the default example, against the real provider schemas.
 */
import { readdirSync } from 'fs';
import { join } from 'path';
import { PrivateBatchStack } from '../app/private-batch-stack';
import { USER_SETUPS, userSetup } from './fixtures/user-setups';
import { REPO, rawConfig, validConfig } from './helpers/config';
import { describeWithTerraform, planStack, StackValidation, synthApp, SynthesizedApp, validateStacks } from './helpers/terraform';

/**
 * One app holds every stack here, and the guards compare what Azure keeps unique across an app's stacks, so each
 * fixture gets names of its own: its accounts (a name is taken once per region) and its VNets (a VNet is linked to
 * one zone of a name, and a static IP is taken once in a subnet).
 */
const fixtureStack = (name: string, i: number) => {
  const stack = JSON.parse(JSON.stringify(userSetup(name)).replace(/\/virtualNetworks\/([\w-]+)/g, `/virtualNetworks/$1-f${i}`));
  stack.accounts.forEach((account: any) => { account.name = `${account.name}f${i}`; });
  if (stack.network) stack.network.vnetName = `${stack.network.vnetName}-f${i}`;
  return stack;
};

const CONFIGS = readdirSync(join(REPO, 'config')).filter((f) => f.endsWith('.json')).sort();

describeWithTerraform('terraform accepts every shipped stack (offline, real schemas)', () => {
  let synth: SynthesizedApp;
  let results: StackValidation[];

  beforeAll(async () => {
    synth = synthApp((app) => {
      for (const file of CONFIGS) validConfig(rawConfig(file)).stacks.forEach((stack) => new PrivateBatchStack(app, stack));
      validConfig({ stacks: Object.keys(USER_SETUPS).map(fixtureStack) }).stacks.forEach((stack) => new PrivateBatchStack(app, stack));
    });
    results = await validateStacks(Object.values(synth.stackDirs));
  }, 90_000);

  afterAll(() => synth?.cleanup());

  it('validates every config under config/ and every user-setup fixture', () => {
    const expected = [
      ...CONFIGS.flatMap((file) => rawConfig(file).stacks.map((s: any) => s.name)),
      ...Object.keys(USER_SETUPS),
    ].sort();
    expect(results.map((r) => r.stack).sort()).toEqual(expected);
  });

  it('finds no error in any of them', () => {
    expect(results.filter((r) => !r.valid).map((r) => ({ stack: r.stack, errors: r.errors }))).toEqual([]);
  });

  it('plans the default example: the expected resources, all created', async () => {
    const { resourceChanges, json } = await planStack(synth.stackDirs['batch-private-eastus']);
    const countByType = resourceChanges.reduce<Record<string, number>>((counts, c) => ({ ...counts, [c.type]: (counts[c.type] ?? 0) + 1 }), {});
    expect(countByType).toEqual({
      azurerm_batch_account: 1,
      azurerm_batch_pool: 1,
      azurerm_private_dns_a_record: 2,
      azurerm_private_dns_zone: 1,
      azurerm_private_dns_zone_virtual_network_link: 1,
      azurerm_private_endpoint: 2,
      azurerm_resource_group: 1,
      azurerm_subnet: 2,
      azurerm_virtual_network: 1,
    });
    // Readable addresses, derived from what each resource is (README "Terraform addresses").
    expect(resourceChanges.map((c) => c.address).sort()).toEqual([
      'azurerm_batch_account.batch_contosobatch01',
      'azurerm_batch_pool.pool_contosobatch01_small',
      'azurerm_private_dns_a_record.dns_contosobatch01_batchaccount',
      'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement',
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com',
      'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch_eastus',
      'azurerm_private_endpoint.pe_contosobatch01_batchaccount',
      'azurerm_private_endpoint.pe_contosobatch01_nodemanagement',
      'azurerm_resource_group.ResourceGroup',
      'azurerm_subnet.EndpointSubnet',
      'azurerm_subnet.PoolSubnet',
      'azurerm_virtual_network.Vnet',
    ]);
    expect(resourceChanges.every((c) => c.actions.join() === 'create')).toBe(true);
    // A zone the stack creates has nothing from before it: nothing is read.
    expect(JSON.stringify(json.prior_state ?? {})).not.toContain('"mode":"data"');
  }, 60_000);

  it('plans the hub-zone example: the hub zone and the account are read during plan, nothing is deferred to apply', async () => {
    const { resourceChanges, json } = await planStack(synth.stackDirs['batch-hub-dns-eastus']);
    const read = (json.prior_state?.values?.root_module?.resources ?? []).filter((r) => r.mode === 'data').map((r) => r.address).sort();
    expect(read).toEqual([
      'data.azapi_resource_list.account_lookup_teambatch01',
      'data.azapi_resource_list.expected_link_vnet_hub',
      'data.azapi_resource_list.legacy_zones_privatelink_batch_azure_com',
      'data.azapi_resource_list.zone_records_privatelink_batch_azure_com',
    ]);
    // Reads without a world answer as an empty list would: no record to adopt, so every resource is created. The reads inside
    // checks are read again in every plan (a `read` change).
    expect(resourceChanges.filter((c) => !c.address.startsWith('data.') && c.actions.join() !== 'create')).toEqual([]);
    const addresses = resourceChanges.map((c) => c.address);
    expect(addresses).toEqual(expect.arrayContaining([
      'azurerm_private_dns_a_record.dns_teambatch01_batchaccount', 'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch_spoke',
    ]));
    // The hub VNet's link is the hub's: expected, never planned here.
    expect(addresses).not.toContain('azurerm_private_dns_zone_virtual_network_link.link_vnet_hub');
  }, 60_000);
});
