/**
 * Lifecycle stories of a zone that heals (issue #13), with Terraform's own `terraform test`: mock providers, and
 * `override_data` for what Azure's lists hold in each run. Each story ends in assertions that fail if the behaviour
 * breaks: in HCL (values), and here on the plans Terraform made (imported or created, what is deleted).
 */
import {
  accountLookup, describeWithTerraform, endpointDnsConfig, existing, expectStoriesPassed, importable, LifecycleResult, LifecycleRun, plannedActions,
  plannedImports, runLifecycleTests, storyRun, zoneRecords,
} from './helpers/terraform';
import { healingStack, SUB, zoneId } from './helpers/healing-stack';
import { rawConfig, synthConfig } from './helpers/config';
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../lib/private-batch/private-batch';

const ZONE_ID = zoneId(SUB, 'rg-dns');
const BATCH_RECORD = 'azurerm_private_dns_a_record.dns_contosobatch01_batchaccount';
const NODE_RECORD = 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement';
const NODE_NAME = 'a1b2c3d4.eastus.service';

const accounts = (list: [string, string][]): string => accountLookup('contosobatch01', list);
const ACCOUNT_EXISTS = accounts([['eastus', `${NODE_NAME}.batch.azure.com`]]);
const NEW_ACCOUNT = accounts([]);

/** The default mocks: the new nodeManagement endpoint reports its FQDN as Azure does. */
const MOCKS = `
mock_provider "azapi" {}
mock_provider "azurerm" {${endpointDnsConfig('azurerm_private_endpoint.pe_contosobatch01_nodemanagement', `${NODE_NAME}.batch.azure.com`, '10.20.1.5')}
}`;

const change = (r: LifecycleRun, address: string) => {
  const found = r.plannedChanges?.find((c) => c.address === address);
  if (!found) throw new Error(`${r.story}/${r.run} plans nothing for ${address}: ${r.plannedChanges?.map((c) => c.address).join(', ')}`);
  return found.change;
};
const allNoOp = (r: LifecycleRun): void => {
  expect(Object.entries(plannedActions(r)).filter(([, actions]) => actions !== 'no-op')).toEqual([]);
  expect(plannedImports(r)).toEqual({});
};

describeWithTerraform('a zone that heals, over several applies (terraform test)', () => {
  describe('an existing zone in the stack\'s subscription, both endpoints writing records', () => {
    let result: LifecycleResult;
    beforeAll(async () => {
      result = await runLifecycleTests(healingStack({ nodeManagementIp: '10.20.1.11', healing: { lookUpAccounts: true } }), [
        {
          // An empty zone: the records are created, nothing is imported, nothing is reported.
          name: 'empty_zone',
          hcl: `${MOCKS}
run "plan" {
  command = plan
  ${zoneRecords([])}
  ${NEW_ACCOUNT}
  assert {
    condition     = length(local.adopt_dns_contosobatch01_batchaccount) == 0 && length(local.adopt_dns_contosobatch01_nodemanagement) == 0
    error_message = "nothing to adopt in an empty zone"
  }
}
run "first_apply" {
  ${zoneRecords([])}
  ${NEW_ACCOUNT}
  assert {
    condition     = ${BATCH_RECORD}.records == toset(["10.20.1.10"]) && ${BATCH_RECORD}.name == "contosobatch01.eastus"
    error_message = "the batchAccount record: \${${BATCH_RECORD}.name} \${jsonencode(${BATCH_RECORD}.records)}"
  }
  assert {
    condition     = ${NODE_RECORD}.name == "${NODE_NAME}"
    error_message = "a new account's nodeManagement record takes its name from the endpoint: \${${NODE_RECORD}.name}"
  }
}
run "next_plan" {
  command = plan
  ${zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], [NODE_NAME, ['10.20.1.5']]])}
  ${ACCOUNT_EXISTS}
  assert {
    condition     = ${NODE_RECORD}.name == "${NODE_NAME}" && length(local.stale_records_contosobatch01) == 0
    error_message = "once the account exists, the name it reports is the same, and the stack's own records are no leftovers"
  }
}`,
        },
        {
          // The account's records exist with wrong IPs (an old endpoint's): both are imported and corrected.
          name: 'wrong_ip',
          hcl: `${MOCKS}
run "plan" {
  command = plan
  ${zoneRecords([['contosobatch01.eastus', ['10.9.9.9']], [NODE_NAME, ['10.9.9.8']]])}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD, NODE_RECORD])}
  assert {
    condition     = local.adopt_dns_contosobatch01_batchaccount == ["contosobatch01.eastus"] && local.adopt_dns_contosobatch01_nodemanagement == ["${NODE_NAME}"]
    error_message = "both records are adopted"
  }
}
run "apply" {
  ${zoneRecords([['contosobatch01.eastus', ['10.9.9.9']], [NODE_NAME, ['10.9.9.8']]])}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD, NODE_RECORD])}
  assert {
    condition     = ${BATCH_RECORD}.records == toset(["10.20.1.10"])
    error_message = "the adopted record carries the endpoint's IP: \${jsonencode(${BATCH_RECORD}.records)}"
  }
}
run "next_plan" {
  command = plan
  ${zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], [NODE_NAME, ['10.20.1.5']]])}
  ${ACCOUNT_EXISTS}
}`,
        },
        {
          // Other teams' records, including a name that starts like ours and an account of our name in another region.
          name: 'other_accounts',
          hcl: `${MOCKS}
run "plan" {
  command = plan
  ${zoneRecords([['otherteam.eastus', ['10.30.0.4']], ['ffff0000.eastus.service', ['10.30.0.5']], ['contosobatch010.eastus', ['10.30.0.6']],
    ['contosobatch01.westus', ['10.40.0.4']], ['x.contosobatch01', ['10.30.0.7']]])}
  ${accounts([['eastus', `${NODE_NAME}.batch.azure.com`], ['westus', 'beef0000.westus.service.batch.azure.com']])}
  assert {
    condition     = local.stale_records_contosobatch01 == []
    error_message = "other accounts' records are no leftovers of this stack: \${jsonencode(local.stale_records_contosobatch01)}"
  }
}`,
        },
      ], { plans: true });
    }, 180_000);

    it('passes every story', () => expectStoriesPassed(result));

    it('creates the records in an empty zone, imports nothing, and the next plan changes nothing', () => {
      const plan = storyRun(result, 'empty_zone', 'plan');
      expect(change(plan, BATCH_RECORD).actions).toEqual(['create']);
      expect(change(plan, NODE_RECORD).actions).toEqual(['create']);
      expect(plannedImports(plan)).toEqual({});
      allNoOp(storyRun(result, 'empty_zone', 'next_plan'));
    });

    it('imports the account\'s existing records instead of creating them, by their exact IDs, and then leaves them', () => {
      const plan = storyRun(result, 'wrong_ip', 'plan');
      expect(plannedImports(plan)).toEqual({
        [BATCH_RECORD]: `${ZONE_ID}/A/contosobatch01.eastus`,
        [NODE_RECORD]: `${ZONE_ID}/A/${NODE_NAME}`,
      });
      expect(change(plan, BATCH_RECORD).actions).not.toContain('create');
      expect(change(plan, NODE_RECORD).actions).not.toContain('create');
      // The nodeManagement name is known at plan, from the account: the import and the record agree on it.
      expect(change(plan, NODE_RECORD).after).toMatchObject({ name: NODE_NAME });
      allNoOp(storyRun(result, 'wrong_ip', 'next_plan'));
    });

    it('leaves other accounts\' records alone: no import, no warning (the run would fail on one)', () => {
      const plan = storyRun(result, 'other_accounts', 'plan');
      expect(plan.status).toBe('pass');
      expect(plannedImports(plan)).toEqual({});
    });
  });

  describe('a stale nodeManagement record of an account whose stack writes only its batchAccount record', () => {
    const zone = zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], [NODE_NAME, ['10.20.1.5']], ['contosobatch01.westus', ['10.9.9.7']]]);
    let reported: LifecycleResult;
    let removed: LifecycleResult;
    beforeAll(async () => {
      [reported, removed] = await Promise.all([
        runLifecycleTests(healingStack({ subResources: ['batchAccount'], healing: { lookUpAccounts: true } }), [
          {
            name: 'stale_reported',
            hcl: `${MOCKS}
run "plan" {
  command         = plan
  expect_failures = [check.stale_records_contosobatch01]
  ${zone}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD])}
  assert {
    condition     = local.stale_records_contosobatch01 == [{ name = "${NODE_NAME}", ips = ["10.20.1.5"] }, { name = "contosobatch01.westus", ips = ["10.9.9.7"] }]
    error_message = "stale: \${jsonencode(local.stale_records_contosobatch01)}"
  }
}
# The same plan without expect_failures fails on the warning, whose text is checked by the jest test.
run "warning_text" {
  command = plan
  ${zone}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD])}
}`,
          },
        ], { plans: true }),
        runLifecycleTests(healingStack({ subResources: ['batchAccount'], healing: { removeStaleRecords: true, lookUpAccounts: true } }), [{
          name: 'stale_removed',
          // contosobatch01.westus may be another subscription's account (names are unique per region only): it is
          // reported, never deleted, so every run expects the warning.
          hcl: `${MOCKS}
run "plan" {
  command         = plan
  expect_failures = [check.stale_records_contosobatch01]
  ${zone}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD])}
}
run "apply" {
  expect_failures = [check.stale_records_contosobatch01]
  ${zone}
  ${ACCOUNT_EXISTS}
  ${importable([BATCH_RECORD])}
  assert {
    condition     = keys(azapi_resource_action.remove_stale_contosobatch01) == ["${NODE_NAME}"]
    error_message = "deleted: \${jsonencode(keys(azapi_resource_action.remove_stale_contosobatch01))}"
  }
}
run "plan_after_removal" {
  command         = plan
  expect_failures = [check.stale_records_contosobatch01]
  ${zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], ['contosobatch01.westus', ['10.9.9.7']]])}
  ${ACCOUNT_EXISTS}
  assert {
    condition     = length(azapi_resource_action.remove_stale_contosobatch01) == 0
    error_message = "nothing left to delete"
  }
}
run "apply_after_removal" {
  expect_failures = [check.stale_records_contosobatch01]
  ${zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], ['contosobatch01.westus', ['10.9.9.7']]])}
  ${ACCOUNT_EXISTS}
}
run "plan_converged" {
  command = plan
  ${zoneRecords([['contosobatch01.eastus', ['10.20.1.10']], ['otherteam.eastus', ['10.30.0.4']], ['ffff0000.eastus.service', ['10.30.0.5']]])}
  ${accounts([['eastus', `${NODE_NAME}.batch.azure.com`], ['westus', 'beef0000.westus.service.batch.azure.com']])}
}`,
        }], { plans: true }),
      ]);
    }, 180_000);

    it('warns, naming each record, its IPs and the command that deletes it, and deletes nothing', () => {
      const plan = storyRun(reported, 'stale_reported', 'plan');
      expect(plan.status).toBe('pass');
      expect(Object.keys(plannedActions(plan)).filter((a) => a.startsWith('azapi_resource_action.'))).toEqual([]);
      expect(plannedImports(plan)).toEqual({ [BATCH_RECORD]: `${ZONE_ID}/A/contosobatch01.eastus` });
      const text = storyRun(reported, 'stale_reported', 'warning_text');
      // A failed check fails a run (Terraform reports it as an error of the run), and nothing else fails it.
      expect(text.status).toBe('error');
      expect(text.diagnostics.filter((d) => d.severity === 'error').map((d) => d.context)).toEqual(['check.stale_records_contosobatch01.assert[0]']);
      const warning = text.diagnostics.find((d) => d.context === 'check.stale_records_contosobatch01.assert[0]');
      expect(warning?.detail).toContain('Batch account contosobatch01: private DNS zone privatelink.batch.azure.com (resource group rg-dns');
      expect(warning?.detail).toContain(`\n  ${NODE_NAME} -> 10.20.1.5\n    az network private-dns record-set a delete --subscription ${SUB} `
        + `--resource-group rg-dns --zone-name privatelink.batch.azure.com --name ${NODE_NAME} --yes`);
      expect(warning?.detail).toContain('\n  contosobatch01.westus -> 10.9.9.7\n');
      expect(warning?.detail).not.toContain('contosobatch01.eastus ->');
    });

    it('with removeStaleRecords, deletes only its own stale record in the apply, reports another region\'s, then plans nothing', () => {
      expectStoriesPassed(removed);
      const plan = storyRun(removed, 'stale_removed', 'plan');
      const remove = change(plan, `azapi_resource_action.remove_stale_contosobatch01["${NODE_NAME}"]`);
      expect(remove.actions).toEqual(['create']);
      expect(remove.after).toMatchObject({ method: 'DELETE', resource_id: `${ZONE_ID}/A/${NODE_NAME}`, when: 'apply' });
      // Another region's record of the same name may be another subscription's account: never deleted.
      expect(Object.keys(plannedActions(plan)).filter((a) => a.startsWith('azapi_resource_action.'))).toEqual([`azapi_resource_action.remove_stale_contosobatch01["${NODE_NAME}"]`]);
      // The next plan drops the spent action from state (no request: an action sends nothing on destroy).
      expect(Object.entries(plannedActions(storyRun(removed, 'stale_removed', 'plan_after_removal'))).filter(([, a]) => a !== 'no-op'))
        .toEqual([[`azapi_resource_action.remove_stale_contosobatch01["${NODE_NAME}"]`, 'delete']]);
      // Other teams' records and a live account of the same name in another region are never deleted.
      allNoOp(storyRun(removed, 'stale_removed', 'plan_converged'));
    });
  });

  describe('config/hub-zone.json: a hub zone in another subscription, with leftovers and a VNet still linked to the legacy zone', () => {
    const HUB_SUB = '99999999-8888-7777-6666-555555555555';
    const SHIPPED_ZONE_ID = `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
    const HUB_VNET_ID = `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
    const RECORD = 'azurerm_private_dns_a_record.dns_teambatch01_batchaccount';
    const TEAM_NODE = 'azurerm_private_dns_a_record.dns_teambatch01_nodemanagement';
    const legacyZone = (name: string) => `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
    // The zone's reads and the imports are served only by the hub's providers ("dns"): through the default ones, the
    // reads would find nothing and the import would fail ("Cannot import resources from mock providers").
    const mocks = () => `
mock_provider "azurerm" {${endpointDnsConfig('azurerm_private_endpoint.pe_teambatch01_nodemanagement', 'c0ffee00.eastus.service.batch.azure.com', '10.40.1.5')}
}
mock_provider "azurerm" {
  alias = "dns"
  mock_resource "azurerm_private_dns_a_record" {
    defaults = { fqdn = "written-through-the-hub-provider" }
  }
  override_resource {
    target = ${RECORD}
    values = { fqdn = "written-through-the-hub-provider" }
  }
}
mock_provider "azapi" {${accountLookup('teambatch01', [['eastus', 'c0ffee00.eastus.service.batch.azure.com']])}
}
mock_provider "azapi" {
  alias = "dns"
  override_data {
    target = data.azapi_resource_list.zone_records_privatelink_batch_azure_com
    values = { output = { records = [
      { name = "teambatch01.eastus", ips = ["10.9.9.9"] },
      { name = "teambatch01.westus", ips = ["10.8.8.8"] },
      { name = "otherteam.eastus", ips = ["10.30.0.4"] },
    ] } }
  }
  override_data {
    target = data.azapi_resource_list.legacy_zones_privatelink_batch_azure_com
    values = { output = { zones = [
      { id = "${SHIPPED_ZONE_ID}", name = "privatelink.batch.azure.com" },
      { id = "${legacyZone('privatelink.eastus.batch.azure.com')}", name = "privatelink.eastus.batch.azure.com" },
      { id = "${legacyZone('privatelink.westus.batch.azure.com')}", name = "privatelink.westus.batch.azure.com" },
    ] } }
  }
  override_data {
    target = data.azapi_resource_list.expected_link_vnet_hub
    values = { output = { links = [{ name = "link-vnet-hub", vnet = "${HUB_VNET_ID}" }] } }
  }
}`;
    let result: LifecycleResult;
    beforeAll(async () => {
      const stack = synthConfig(rawConfig('hub-zone.json'))['batch-hub-dns-eastus'];
      result = await runLifecycleTests(stack, [
        {
          name: 'hub_zone',
          hcl: `${mocks()}
run "plan" {
  command         = plan
  expect_failures = [check.stale_records_teambatch01, check.legacy_zones_privatelink_batch_azure_com]
}
run "apply" {
  expect_failures = [check.stale_records_teambatch01, check.legacy_zones_privatelink_batch_azure_com]
  assert {
    condition     = ${RECORD}.fqdn == "written-through-the-hub-provider" && ${TEAM_NODE}.fqdn == "written-through-the-hub-provider"
    error_message = "the records are managed through the hub's provider"
  }
  assert {
    condition     = ${RECORD}.records == toset(["10.40.1.10"]) && ${TEAM_NODE}.name == "c0ffee00.eastus.service"
    error_message = "the adopted record carries the endpoint's IP; the nodeManagement record has the account's name"
  }
}`,
        },
        // Without expect_failures the plan fails on its warnings, whose text is checked below.
        { name: 'hub_warnings', hcl: `${mocks()}\nrun "plan" {\n  command = plan\n}\n` },
      ], { plans: true });
    }, 180_000);

    it('reads the hub zone and imports through the hub\'s providers, by the hub zone\'s record ID', () => {
      expect(result.stories.hub_zone.map((r) => [r.run, r.status])).toEqual([['plan', 'pass'], ['apply', 'pass']]);
      const plan = storyRun(result, 'hub_zone', 'plan');
      expect(plannedImports(plan)).toEqual({ [RECORD]: `${SHIPPED_ZONE_ID}/A/teambatch01.eastus` });
      expect(change(plan, TEAM_NODE).actions).toEqual(['create']);
    });

    it('warns about the stale record and the legacy zone link, naming each and how to delete it, and about nothing else', () => {
      const plan = storyRun(result, 'hub_warnings', 'plan');
      expect(plan.status).toBe('error');
      expect(plan.diagnostics.filter((d) => d.severity === 'error').map((d) => d.context).sort())
        .toEqual(['check.legacy_zones_privatelink_batch_azure_com.assert[0]', 'check.stale_records_teambatch01.assert[0]']);
      const detail = (check: string) => plan.diagnostics.find((d) => d.context === `check.${check}.assert[0]`)?.detail;
      expect(detail('stale_records_teambatch01')).toContain(`\n  teambatch01.westus -> 10.8.8.8\n    az network private-dns record-set a delete --subscription ${HUB_SUB} `
        + '--resource-group rg-hub-dns --zone-name privatelink.batch.azure.com --name teambatch01.westus --yes');
      expect(detail('stale_records_teambatch01')).not.toMatch(/otherteam|teambatch01\.eastus ->/);
      // Only the legacy zone of the account's region (eastus), with the command that lists its links.
      expect(detail('legacy_zones_privatelink_batch_azure_com')).toContain('\n  privatelink.eastus.batch.azure.com: list its links with\n    az network private-dns link vnet list '
        + `--subscription ${HUB_SUB} --resource-group rg-hub-dns --zone-name privatelink.eastus.batch.azure.com`);
      expect(detail('legacy_zones_privatelink_batch_azure_com')).not.toContain('privatelink.westus.batch.azure.com: list');
    });
  });
});

/**
 * A portal-made setup adopted with `adopt: true` and Terraform-owned records (the default DNS mode): the zone is
 * imported, and it heals like a zone by ID, so the records the portal's zone groups wrote are imported too. Without
 * it, azurerm refuses to create a record that exists and the first apply fails.
 */
describeWithTerraform('an adopted zone heals (terraform test)', () => {
  const ADOPTED_ZONE_ID = zoneId(SUB, 'rg-batch');
  const portalSetup = (): Record<string, unknown> => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'adopt-records');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    new PrivateBatch(stack, 'batch', {
      account: { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB },
      subnet: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`,
      adopt: true,
    });
    stack.runAllValidations();
    return JSON.parse(Testing.synth(stack));
  };
  const adopted = importable([
    'azurerm_batch_account.batch_contosobatch01', 'azurerm_private_dns_zone.zone_privatelink_batch_azure_com',
    'azurerm_private_dns_zone_virtual_network_link.link_vnet_spoke', 'azurerm_private_endpoint.pe_contosobatch01_batchaccount',
    'azurerm_private_endpoint.pe_contosobatch01_nodemanagement', BATCH_RECORD, NODE_RECORD,
  ]);
  const portalRecords = zoneRecords([['contosobatch01.eastus', ['10.20.1.4']], [NODE_NAME, ['10.20.1.5']]]);
  // What adopt lists at plan: every part of the portal's setup is there.
  const portalLists = Object.entries({
    [`exists_resourcegroups_${SUB.replace(/-/g, '_')}`]: ['rg-batch'], exists_batchaccounts_rg_batch: ['contosobatch01'],
    exists_privateendpoints_rg_batch: ['pe-contosobatch01-batchaccount', 'pe-contosobatch01-nodemanagement'],
    exists_privatednszones_rg_batch: ['privatelink.batch.azure.com'], exists_virtualnetworklinks_privatelink_batch_azure_com: ['link-vnet-spoke'],
  }).map(([address, names]) => existing(address, names)).join('');
  let result: LifecycleResult;
  beforeAll(async () => {
    result = await runLifecycleTests(portalSetup(), [{
      name: 'adopt_portal_records',
      hcl: `${MOCKS}
run "plan" {
  command = plan
  ${portalRecords}
  ${portalLists}
  ${ACCOUNT_EXISTS}
  ${adopted}
}
run "apply" {
  ${portalRecords}
  ${portalLists}
  ${ACCOUNT_EXISTS}
  ${adopted}
}
run "next_plan" {
  command = plan
  ${portalRecords}
  ${portalLists}
  ${ACCOUNT_EXISTS}
}`,
    }], { plans: true });
  }, 180_000);

  it('imports the zone and the records its zone groups wrote, applies, and the next plan is clean', () => {
    expectStoriesPassed(result);
    const plan = storyRun(result, 'adopt_portal_records', 'plan');
    expect(plannedImports(plan)).toEqual(expect.objectContaining({
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com': ADOPTED_ZONE_ID,
      [BATCH_RECORD]: `${ADOPTED_ZONE_ID}/A/contosobatch01.eastus`,
      [NODE_RECORD]: `${ADOPTED_ZONE_ID}/A/${NODE_NAME}`,
    }));
    expect(Object.entries(plannedActions(plan)).filter(([, actions]) => actions === 'create')).toEqual([]);
    allNoOp(storyRun(result, 'adopt_portal_records', 'next_plan'));
  });
});
