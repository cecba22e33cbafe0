/**
 * `adopt: true` over a portal setup that lacks some parts (issue #22, defect 4): existence is read at plan, so the
 * plan imports what is there, creates the rest, and the next plan changes nothing. `terraform test` with mock
 * providers; `override_data` says what Azure's lists hold.
 *
 * What mocks cannot show: a mock provider imports whatever has an `override_resource` (so an import of something that
 * is not there shows as "Invalid import request", where Azure says "Cannot import non-existent remote object"); that
 * listing under a missing parent fails (404), which the lists' `for_each` gating avoids; the real list response shape
 * (`value[].name`, all pages joined by azapi); that ARM lists only the resource groups the caller may read.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../../lib/private-batch/private-batch';
import { describeWithTerraform, expectStoriesPassed, LifecycleResult, LifecycleRun, runLifecycleTests } from '../helpers/terraform';

const SUB = '11111111-1111-1111-1111-111111111111';
const RG = `/subscriptions/${SUB}/resourceGroups/rg-batch`;
const ZONE_ID = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
const NODE_NAME = 'a1b2c3d4.eastus.service';
const ACCOUNT = 'azurerm_batch_account.batch_contosobatch01';
const PE_BATCH = 'azurerm_private_endpoint.pe_contosobatch01_batchaccount';
const PE_NODES = 'azurerm_private_endpoint.pe_contosobatch01_nodemanagement';
const ZONE = 'azurerm_private_dns_zone.zone_privatelink_batch_azure_com';
const LINK = 'azurerm_private_dns_zone_virtual_network_link.link_vnet_spoke';
const POOL = 'azurerm_batch_pool.pool_contosobatch01_small';
const BATCH_RECORD = 'azurerm_private_dns_a_record.dns_contosobatch01_batchaccount';
const NODE_RECORD = 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement';

/** The portal-made setup adopted: the default endpoints, a zone made (adopted) here, one pool. */
function portalStack(): Record<string, unknown> {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'portal');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  const batch = new PrivateBatch(stack, 'batch', {
    account: { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB },
    subnet: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`,
    adopt: true,
  });
  batch.addPool({
    name: 'small', vmSize: 'Standard_D2s_v3', fixedScale: { dedicatedNodes: 1 },
    image: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', nodeAgentSkuId: 'batch.node.ubuntu 22.04' },
  });
  stack.runAllValidations();
  return JSON.parse(Testing.synth(stack));
}

const list = (address: string, names: string[]): string => `
  override_data {
    target = data.azapi_resource_list.${address}
    values = { output = { names = ${JSON.stringify(names)} } }
  }`;

/** What Azure holds: the lists `adopt` reads, the zone's records, and the account's node management name. */
function azure(has: { endpoints: string[]; links: string[]; pools: string[]; records: string[] }): string {
  return [
    list(`exists_resourcegroups_${SUB.replace(/-/g, '_')}`, ['rg-batch', 'rg-net']),
    list('exists_batchaccounts_rg_batch', ['contosobatch01']),
    list('exists_privateendpoints_rg_batch', has.endpoints),
    list('exists_privatednszones_rg_batch', ['privatelink.batch.azure.com']),
    list('exists_virtualnetworklinks_privatelink_batch_azure_com', has.links),
    list('exists_pools_contosobatch01', has.pools),
    `
  override_data {
    target = data.azapi_resource_list.zone_records_privatelink_batch_azure_com
    values = { output = { records = [${has.records.map((name) => `{ name = "${name}", ips = ["10.20.1.4"] }`).join(', ')}] } }
  }
  override_data {
    target = data.azapi_resource_list.account_lookup_contosobatch01
    values = { output = { accounts = [{ location = "eastus", endpoint = "${NODE_NAME}.batch.azure.com" }] } }
  }`,
  ].join('');
}

/** Mock imports: a mock provider imports only a resource it has an `override_resource` for. */
const importable = (targets: string[]): string => targets.map((target) => `
  override_resource {
    target = ${target}
  }`).join('');

// The portal made the account, its batchAccount endpoint (whose zone group wrote the record), the zone with a link
// of its own name, and a pool; no nodeManagement endpoint, no link named as the stack names it.
const PORTAL = azure({ endpoints: ['pe-contosobatch01-batchaccount'], links: ['1a2b3c4d5e6f'], pools: ['small'], records: ['contosobatch01.eastus'] });
const ALL = azure({
  endpoints: ['pe-contosobatch01-batchaccount', 'pe-contosobatch01-nodemanagement'], links: ['1a2b3c4d5e6f', 'link-vnet-spoke'], pools: ['small'],
  records: ['contosobatch01.eastus', NODE_NAME],
});
const THERE = [ACCOUNT, PE_BATCH, ZONE, POOL, BATCH_RECORD];

const MOCKS = `
mock_provider "azapi" {}
mock_provider "azurerm" {
  override_resource {
    target = ${PE_NODES}
    values = { custom_dns_configs = [{ fqdn = "${NODE_NAME}.batch.azure.com", ip_addresses = ["10.20.1.5"] }] }
  }
}`;

const run = (result: LifecycleResult, name: string): LifecycleRun => {
  const found = result.stories.adopt_partial_portal_setup?.find((r) => r.run === name);
  if (!found) throw new Error(`no run ${name}:\n${result.output}`);
  return found;
};
const imports = (r: LifecycleRun): Record<string, string | undefined> =>
  Object.fromEntries((r.plannedChanges ?? []).filter((c) => c.change.importing).map((c) => [c.address, c.change.importing?.id]));
const actions = (r: LifecycleRun): Record<string, string> =>
  Object.fromEntries((r.plannedChanges ?? []).filter((c) => !c.address.startsWith('data.')).map((c) => [c.address, c.change.actions.join(',')]));

describeWithTerraform('adopt imports only what exists (terraform test)', () => {
  let result: LifecycleResult;
  beforeAll(async () => {
    result = await runLifecycleTests(portalStack(), [{
      name: 'adopt_partial_portal_setup',
      hcl: `${MOCKS}
run "plan" {
  command = plan
  ${PORTAL}
  ${importable(THERE)}
}
run "apply" {
  ${PORTAL}
  ${importable(THERE)}
}
run "next_plan" {
  command = plan
  ${ALL}
}`,
    }], { plans: true });
  }, 240_000);

  it('plans: imports the account, the batchAccount endpoint, the zone, its record and the pool; creates the nodeManagement endpoint, its record and the link', () => {
    expectStoriesPassed(result);
    const plan = run(result, 'plan');
    expect(imports(plan)).toEqual({
      [ACCOUNT]: `${RG}/providers/Microsoft.Batch/batchAccounts/contosobatch01`,
      [PE_BATCH]: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-contosobatch01-batchaccount`,
      [ZONE]: ZONE_ID,
      [BATCH_RECORD]: `${ZONE_ID}/A/contosobatch01.eastus`,
      [POOL]: `${RG}/providers/Microsoft.Batch/batchAccounts/contosobatch01/pools/small`,
    });
    const planned = actions(plan);
    for (const created of [PE_NODES, NODE_RECORD, LINK]) expect(planned[created]).toBe('create');
    for (const imported of THERE) expect(planned[imported]).not.toBe('create');
  });

  it('applies, and the next plan changes nothing', () => {
    expect(run(result, 'apply').status).toBe('pass');
    const next = run(result, 'next_plan');
    expect(Object.entries(actions(next)).filter(([, a]) => a !== 'no-op')).toEqual([]);
    expect(imports(next)).toEqual({});
  });
});
