/**
 * A spoke in a hub zone never deletes what other stacks rely on (issue #22), told over several runs with Terraform's
 * own `terraform test`: mock providers, and `override_data` for what Azure's reads hold in each run.
 *
 * What mocks cannot show: that Azure refuses or accepts a request (a mock accepts every create and delete), that a
 * DELETE sent by azapi reaches the record it names, and what a real hub holds. The stories show what Terraform plans
 * and sends; the requests Azure would refuse are covered by the facts cited in the code.
 */
import {
  accountLookup, describeWithTerraform, endpointDnsConfig, LifecycleResult, LifecycleRun, plannedActions, runLifecycleTests, storyRun,
} from './helpers/terraform';
import { healingStack, HUB } from './helpers/healing-stack';
import { rawConfig, synthConfig } from './helpers/config';

const NODE_NAME = 'a1b2c3d4.eastus.service';

const planned = (r: LifecycleRun, prefix: string): Record<string, string> => plannedActions(r, (address) => address.startsWith(prefix));

/**
 * The hub zone of issue #22's story: this stack's own leftover (`contosobatch01.eastus`, the account now writes only
 * its nodeManagement record) and another subscription's live account of the same name in westus.
 */
const hubMocks = (lookup: boolean) => `
mock_provider "azurerm" {${endpointDnsConfig('azurerm_private_endpoint.pe_contosobatch01_nodemanagement', `${NODE_NAME}.batch.azure.com`, '10.20.1.5')}
}
mock_provider "azurerm" {
  alias = "hub"
}
mock_provider "azapi" {${lookup ? accountLookup('contosobatch01', [['eastus', `${NODE_NAME}.batch.azure.com`]]) : ''}
}
mock_provider "azapi" {
  alias = "hub"
  override_data {
    target = data.azapi_resource_list.zone_records_privatelink_batch_azure_com
    values = { output = { records = [
      { name = "contosobatch01.eastus", ips = ["10.9.9.9"] },
      { name = "contosobatch01.westus", ips = ["10.60.0.4"] },
      { name = "otherteam.eastus", ips = ["10.30.0.4"] },
    ] } }
  }
}`;

const removalStory = (lookup: boolean): string => `${hubMocks(lookup)}
run "plan" {
  command         = plan
  expect_failures = [check.stale_records_contosobatch01]
}
run "apply" {
  expect_failures = [check.stale_records_contosobatch01]
  assert {
    condition     = keys(azapi_resource_action.remove_stale_contosobatch01) == ["contosobatch01.eastus"]
    error_message = "deleted: \${jsonencode(keys(azapi_resource_action.remove_stale_contosobatch01))}"
  }
}
# Without expect_failures the plan fails on the warning, whose text the jest test reads.
run "warning" {
  command = plan
}`;

describeWithTerraform('stale-record removal in a hub zone deletes only what proves to be this stack\'s (terraform test)', () => {
  let withLookup: LifecycleResult;
  let withoutLookup: LifecycleResult;
  beforeAll(async () => {
    const stack = (lookUpAccounts: boolean) => healingStack({ hub: true, subResources: ['nodeManagement'], healing: { removeStaleRecords: true, lookUpAccounts } });
    [withLookup, withoutLookup] = await Promise.all([
      runLifecycleTests(stack(true), [{ name: 'foreign_record', hcl: removalStory(true) }], { plans: true }),
      runLifecycleTests(stack(false), [{ name: 'foreign_record', hcl: removalStory(false) }], { plans: true }),
    ]);
  }, 900_000);

  it.each([['with the account lookup', () => withLookup], ['with lookUpAccounts: false', () => withoutLookup]])(
    '%s: deletes its own leftover, leaves another subscription\'s contosobatch01.westus and warns about it',
    (_, result) => {
      const plan = storyRun(result(), 'foreign_record', 'plan');
      const apply = storyRun(result(), 'foreign_record', 'apply');
      expect([apply.status, apply.diagnostics.map((d) => d.detail)]).toEqual(['pass', []]);
      expect(planned(plan, 'azapi_resource_action.')).toEqual({ 'azapi_resource_action.remove_stale_contosobatch01["contosobatch01.eastus"]': 'create' });
      const warning = storyRun(result(), 'foreign_record', 'warning');
      expect(warning.diagnostics.filter((d) => d.severity === 'error').map((d) => d.context)).toEqual(['check.stale_records_contosobatch01.assert[0]']);
      const detail = warning.diagnostics[0]?.detail ?? '';
      expect(detail).toContain('cannot prove are its own, so it leaves them');
      expect(detail).toContain(`\n  contosobatch01.westus -> 10.60.0.4\n    az network private-dns record-set a delete --subscription ${HUB} `);
      expect(detail).not.toMatch(/otherteam|contosobatch01\.eastus ->/);
    },
  );
});

/**
 * config/hub-zone.json: the spoke relies on the hub VNet's link to the hub zone, and never owns it. Mocks cannot show
 * Azure's 409 for a second link of the same VNet, nor a real destroy; they show that the stack plans no link of the
 * hub VNet, so it has none in state to delete, and that the apply goes on whether or not the link is there.
 */
describeWithTerraform('the hub VNet\'s link is expected, not owned (terraform test)', () => {
  const HUB_SUB = '99999999-8888-7777-6666-555555555555';
  const HUB_VNET_ID = `/subscriptions/${HUB_SUB}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
  const links = (vnets: string[]) => `
  override_data {
    target = data.azapi_resource_list.expected_link_vnet_hub
    values = { output = { links = [${vnets.map((v, i) => `{ name = "link-${i}", vnet = "${v}" }`).join(', ')}] } }
  }`;
  const mocks = (hubLinked: boolean) => `
mock_provider "azurerm" {${endpointDnsConfig('azurerm_private_endpoint.pe_teambatch01_nodemanagement', 'c0ffee00.eastus.service.batch.azure.com', '10.40.1.5')}
}
mock_provider "azurerm" {
  alias = "dns"
}
mock_provider "azapi" {}
mock_provider "azapi" {
  alias = "dns"
  ${links(hubLinked ? [HUB_VNET_ID.toLowerCase()] : [])}
}`;
  // Stale-record and legacy checks are left out: this story is about the link only.
  const healingOff = { adoptExistingRecords: false, reportStaleRecords: false, checkLegacyZones: false };
  const hubStack = (ownVnetLinks?: boolean): Record<string, any> => {
    const raw = rawConfig('hub-zone.json');
    raw.stacks[0].dns = { ...raw.stacks[0].dns, healing: healingOff, ...(ownVnetLinks ? { ownVnetLinks } : {}) };
    return synthConfig(raw)['batch-hub-dns-eastus'];
  };
  let expected: LifecycleResult;
  let owned: LifecycleResult;
  beforeAll(async () => {
    [expected, owned] = await Promise.all([
      runLifecycleTests(hubStack(), [
        { name: 'hub_not_linked', hcl: `${mocks(false)}\nrun "plan" {\n  command = plan\n  expect_failures = [check.expected_link_vnet_hub]\n}\nrun "apply" {\n  expect_failures = [check.expected_link_vnet_hub]\n}\n# Without expect_failures, for the warning's text.\nrun "warning" {\n  command = plan\n}\n` },
        { name: 'hub_linked', hcl: `${mocks(true)}\nrun "apply" {}\nrun "next_plan" {\n  command = plan\n}\n` },
      ], { plans: true }),
      runLifecycleTests(hubStack(true), [{ name: 'owned', hcl: `${mocks(true)}\nrun "plan" {\n  command = plan\n}\n` }], { plans: true }),
    ]);
  }, 900_000);

  it('plans no link of the hub VNet, only the spoke VNet\'s own, and applies whether or not the hub link exists', () => {
    const plan = storyRun(expected, 'hub_not_linked', 'plan');
    expect(plan.status).toBe('pass');
    expect(planned(plan, 'azurerm_private_dns_zone_virtual_network_link.')).toEqual({ 'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch_spoke': 'create' });
    expect(storyRun(expected, 'hub_not_linked', 'apply').status).toBe('pass');
    expect(storyRun(expected, 'hub_linked', 'apply')).toMatchObject({ status: 'pass', diagnostics: [] });
    expect(storyRun(expected, 'hub_linked', 'next_plan').status).toBe('pass');
  });

  it('warns when the hub VNet is not linked, naming the VNet and what the platform team must do', () => {
    const warning = storyRun(expected, 'hub_not_linked', 'warning');
    expect(warning.diagnostics.filter((d) => d.severity === 'error').map((d) => d.context)).toEqual(['check.expected_link_vnet_hub.assert[0]']);
    const detail = warning.diagnostics.find((d) => d.context === 'check.expected_link_vnet_hub.assert[0]')?.detail ?? '';
    expect(detail).toContain(`has no link to VNet ${HUB_VNET_ID}`);
    expect(detail).toContain(`az network private-dns link vnet create --subscription ${HUB_SUB} --resource-group rg-hub-dns --zone-name privatelink.batch.azure.com --name link-vnet-hub --virtual-network ${HUB_VNET_ID}`);
  });

  it('with dns.ownVnetLinks, owns the hub VNet\'s link (the opt-in)', () => {
    const plan = storyRun(owned, 'owned', 'plan');
    expect(plan.status).toBe('pass');
    expect(planned(plan, 'azurerm_private_dns_zone_virtual_network_link.')).toEqual({
      'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch_spoke': 'create',
      'azurerm_private_dns_zone_virtual_network_link.link_vnet_hub': 'create',
    });
  });
});
