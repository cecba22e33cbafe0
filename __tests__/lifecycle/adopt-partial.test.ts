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
import {
  accountLookup, describeWithTerraform, endpointDnsConfig, existing, expectStoriesPassed, importable, LifecycleResult, LifecycleRun, plannedActions,
  plannedImports, runLifecycleTests, storyRun, zoneRecords,
} from '../helpers/terraform';

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

/** What Azure holds: the lists `adopt` reads, the zone's records, and the account's node management name. */
function azure(has: { endpoints: string[]; links: string[]; pools: string[]; records: string[] }): string {
  return [
    existing(`exists_resourcegroups_${SUB.replace(/-/g, '_')}`, ['rg-batch', 'rg-net']),
    existing('exists_batchaccounts_rg_batch', ['contosobatch01']),
    existing('exists_privateendpoints_rg_batch', has.endpoints),
    existing('exists_privatednszones_rg_batch', ['privatelink.batch.azure.com']),
    existing('exists_virtualnetworklinks_privatelink_batch_azure_com', has.links),
    existing('exists_pools_contosobatch01', has.pools),
    zoneRecords(has.records.map((name) => [name, ['10.20.1.4']] as const)),
    accountLookup('contosobatch01', [['eastus', `${NODE_NAME}.batch.azure.com`]]),
  ].join('');
}


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
mock_provider "azurerm" {${endpointDnsConfig(PE_NODES, `${NODE_NAME}.batch.azure.com`, '10.20.1.5')}
}`;

const run = (result: LifecycleResult, name: string): LifecycleRun => storyRun(result, 'adopt_partial_portal_setup', name);

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
    expect(plannedImports(plan)).toEqual({
      [ACCOUNT]: `${RG}/providers/Microsoft.Batch/batchAccounts/contosobatch01`,
      [PE_BATCH]: `${RG}/providers/Microsoft.Network/privateEndpoints/pe-contosobatch01-batchaccount`,
      [ZONE]: ZONE_ID,
      [BATCH_RECORD]: `${ZONE_ID}/A/contosobatch01.eastus`,
      [POOL]: `${RG}/providers/Microsoft.Batch/batchAccounts/contosobatch01/pools/small`,
    });
    const planned = plannedActions(plan);
    for (const created of [PE_NODES, NODE_RECORD, LINK]) expect(planned[created]).toBe('create');
    for (const imported of THERE) expect(planned[imported]).not.toBe('create');
  });

  it('applies, and the next plan changes nothing', () => {
    expect(run(result, 'apply').status).toBe('pass');
    const next = run(result, 'next_plan');
    expect(Object.entries(plannedActions(next)).filter(([, a]) => a !== 'no-op')).toEqual([]);
    expect(plannedImports(next)).toEqual({});
  });
});
