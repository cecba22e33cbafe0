/**
 * The AVM-style interfaces of PrivateBatch (lock, roleAssignments, diagnosticSettings, per-endpoint names and ASGs,
 * endpoints in another resource group, Policy-managed zone groups, adopt): each on the synthesized JSON, with its
 * refusals, and each stack through real `terraform validate` (and its HCL, for the import blocks).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { BatchGuards } from '../lib/guards/batch-guards';
import { MOVED_FROM_V01_CONTEXT } from '../lib/core/addresses';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { resources } from './helpers/config';
import { describeWithTerraform, expectStoriesPassed, runLifecycleTests, StackValidation, validateStacks } from './helpers/terraform';

const SUB = '11111111-1111-1111-1111-111111111111';
const HUB = '22222222-2222-2222-2222-222222222222';
const PRINCIPAL = '33333333-3333-3333-3333-333333333333';
const RG = `/subscriptions/${SUB}/resourceGroups`;
const SUBNET_ID = `${RG}/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
const WORKSPACE_ID = `${RG}/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops`;
const STORAGE_ID = `${RG}/rg-ops/providers/Microsoft.Storage/storageAccounts/stopslogs`;
const ASG_ID = `${RG}/rg-net/providers/Microsoft.Network/applicationSecurityGroups/asg-batch`;
const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };

/** What each interface's stack gets, beside the account and subnet: also what `terraform validate` checks. */
const INTERFACES: Record<string, (stack: TerraformStack) => Partial<PrivateBatchProps>> = {
  lock: () => ({ lock: { kind: 'CanNotDelete' }, endpoints: [{ subResource: 'batchAccount' }, { subResource: 'nodeManagement', lock: { kind: 'None' } }] }),
  'role-assignments': () => ({
    roleAssignments: {
      submitters: { roleDefinitionIdOrName: 'Azure Batch Job Submitter', principalId: PRINCIPAL, principalType: 'Group', description: 'Team analytics submits jobs' },
      readers: { roleDefinitionIdOrName: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: PRINCIPAL, condition: "@Resource[Microsoft.Batch/batchAccounts:name] StringEquals 'contosobatch'" },
    },
    endpoints: [{ subResource: 'batchAccount', roleAssignments: { network: { roleDefinitionIdOrName: 'Network Contributor', principalId: PRINCIPAL } } }],
  }),
  'diagnostic-settings': () => ({
    diagnosticSettings: {
      'to-workspace': { workspaceId: WORKSPACE_ID },
      // AuditLog goes to the workspace already (allLogs above): Azure refuses it there twice, so it goes to storage.
      audit: { storageAccountId: STORAGE_ID, logCategories: ['AuditLog'], metricCategories: [] },
    },
  }),
  'endpoint-names': () => ({
    endpoints: [
      { subResource: 'batchAccount', name: 'pe-portal-batch', networkInterfaceName: 'pe-portal-batch.nic.1a2b', connectionName: 'pe-portal-batch', applicationSecurityGroupIds: [ASG_ID], dns: 'zoneGroup', zoneGroupName: 'default' },
      { subResource: 'nodeManagement', resourceGroupName: 'rg-network' },
    ],
    endpointResourceGroupName: 'rg-endpoints',
  }),
  'policy-zone-groups': () => ({ dns: { mode: 'policyZoneGroup' } }),
  adopt: (stack) => ({
    adopt: true,
    endpoints: [{ subResource: 'batchAccount', name: 'pe-portal-batch', networkInterfaceName: 'pe-portal-batch.nic.1a2b', connectionName: 'pe-portal-batch', dns: 'zoneGroup', zoneGroupName: 'default' }],
    dns: { linkName: 'a1b2c3d4e5f6', provider: new AzurermProvider(stack, 'dns', { alias: 'dns', features: [{}], subscriptionId: HUB }) },
  }),
};

function stackFor(name: string, app = new App({ skipValidation: true })): TerraformStack {
  const stack = new TerraformStack(app, name);
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  new PrivateBatch(stack, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, ...INTERFACES[name](stack) });
  return stack;
}

function synth(name: string): any {
  const stack = stackFor(name);
  stack.runAllValidations();
  return JSON.parse(Testing.synth(stack));
}

function problems(props: Partial<PrivateBatchProps>): string[] {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  new PrivateBatch(stack, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, ...props });
  return stack.node.findAll().flatMap((c) => c.node.validate());
}

describe('PrivateBatch lock', () => {
  const json = synth('lock');
  const locks = resources(json, 'azurerm_management_lock');

  it('locks the account, and the endpoints that do not opt out, after what the lock would block', () => {
    expect(Object.keys(locks).sort()).toEqual(['lock_contosobatch', 'lock_contosobatch_batchaccount']);
    expect(locks.lock_contosobatch).toMatchObject({
      name: 'lock-contosobatch',
      lock_level: 'CanNotDelete',
      notes: 'Cannot delete resource or child resources.',
      scope: '${azurerm_batch_account.batch_contosobatch.id}',
    });
    expect(locks.lock_contosobatch.depends_on).toEqual(expect.arrayContaining(['azurerm_private_endpoint.pe_contosobatch_batchaccount']));
    expect(locks.lock_contosobatch_batchaccount).toMatchObject({ name: 'lock-pe-contosobatch-batchaccount', scope: '${azurerm_private_endpoint.pe_contosobatch_batchaccount.id}' });
  });

  it('adds no moved block for a kind of resource 0.1 never made, even when asked for moved blocks', () => {
    const stack = stackFor('lock', new App({ skipValidation: true, context: { [MOVED_FROM_V01_CONTEXT]: true } }));
    const moved = JSON.parse(Testing.synth(stack)).moved as { to: string }[];
    expect(moved.map((m) => m.to)).toContain('azurerm_batch_account.batch_contosobatch');
    expect(moved.map((m) => m.to)).not.toEqual(expect.arrayContaining([expect.stringMatching(/management_lock/)]));
  });

  it('refuses what the lock would break at apply, and a bad lock, naming the prop', () => {
    expect(problems({ lock: { kind: 'ReadOnly' }, connections: [{ action: 'approve', connectionName: 'pe-x.1', description: 'ok' }] }))
      .toEqual([expect.stringMatching(/^stack\/batch: lock\.kind ReadOnly blocks the connection rules/)]);
    expect(problems({ lock: { kind: 'CanNotDelete' }, connections: [{ action: 'remove', connectionName: 'pe-x.1' }] }))
      .toEqual([expect.stringMatching(/^stack\/batch: connections\[0\]\.action remove deletes a private endpoint connection/)]);
    expect(problems({ lock: { kind: 'ReadOnly' }, dns: { mode: 'policyZoneGroup' } }))
      .toEqual([
        expect.stringMatching(/^stack\/batch: lock\.kind ReadOnly on endpoint batchAccount would stop Azure Policy from adding its zone group/),
        expect.stringMatching(/^stack\/batch: lock\.kind ReadOnly on endpoint nodeManagement would stop Azure Policy/),
      ]);
    expect(problems({ lock: { kind: 'Forever' as never, name: 'lock.' } })).toEqual([
      'stack/batch: lock.kind must be one of CanNotDelete, ReadOnly, None, got "Forever"',
      'stack/batch: lock.name must be 1-90 letters, digits and . _ ( ) -, not ending in a period (an Azure lock name), got "lock."',
    ]);
    expect(problems({ endpoints: [{ subResource: 'batchAccount', lock: { kind: 'ReadOnly', notes: 'x'.repeat(513) } }] }))
      .toEqual(['stack/batch: endpoints[0].lock.notes must be at most 512 bytes, got 513']);
  });
});

describe('PrivateBatch roleAssignments', () => {
  const json = synth('role-assignments');
  const roles = resources(json, 'azurerm_role_assignment');

  it('assigns roles on the account and on an endpoint, by built-in name or GUID, as subscription-scoped role IDs', () => {
    expect(Object.keys(roles).sort()).toEqual(['role_contosobatch_batchaccount_network', 'role_contosobatch_readers', 'role_contosobatch_submitters']);
    expect(roles.role_contosobatch_submitters).toEqual({
      scope: '${azurerm_batch_account.batch_contosobatch.id}',
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/48e5e92e-a480-4e71-aa9c-2778f4c13781`,
      principal_id: PRINCIPAL,
      principal_type: 'Group',
      description: 'Team analytics submits jobs',
    });
    expect(roles.role_contosobatch_readers).toMatchObject({
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
      condition_version: '2.0',
    });
    expect(roles.role_contosobatch_batchaccount_network).toMatchObject({
      scope: '${azurerm_private_endpoint.pe_contosobatch_batchaccount.id}',
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7`,
    });
  });

  it('rewrites a tenant-scoped role ID, and reads the subscription from the scope when it is unknown at synth', () => {
    const tenantForm = problems({ roleAssignments: { a: { roleDefinitionIdOrName: '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: PRINCIPAL } } });
    expect(tenantForm).toEqual([]);
    const stack = new TerraformStack(new App({ skipValidation: true }), 's');
    new PrivateBatch(stack, 'batch', { account: { ...ACCOUNT, subscriptionId: undefined }, subnet: SUBNET_ID, roleAssignments: { r: { roleDefinitionIdOrName: 'Reader', principalId: PRINCIPAL } } });
    const [role] = Object.values(resources(JSON.parse(Testing.synth(stack)), 'azurerm_role_assignment'));
    expect(role.role_definition_id).toBe('${format("%s/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7", regex("^/subscriptions/[^/]+", azurerm_batch_account.batch_contosobatch.id))}');
  });

  it('refuses an unknown role, a role ID of another subscription and what azurerm refuses, naming the prop', () => {
    expect(problems({
      roleAssignments: {
        a: { roleDefinitionIdOrName: 'Batch Superuser', principalId: 'someone', principalType: 'Device' as never, description: '' },
        b: { roleDefinitionIdOrName: `/subscriptions/${HUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: PRINCIPAL, conditionVersion: '2.0' },
      },
    })).toEqual([
      expect.stringMatching(/^stack\/batch: roleAssignments\.a\.roleDefinitionIdOrName must be a role definition GUID or ID, or a built-in role this library knows \(Owner, /),
      'stack/batch: roleAssignments.a.principalId must be the principal\'s object ID (a GUID), got "someone"',
      'stack/batch: roleAssignments.a.principalType must be one of User, Group, ServicePrincipal (azurerm refuses ForeignGroup and Device), got "Device"',
      'stack/batch: roleAssignments.a.description must not be empty; leave it out instead',
      expect.stringMatching(/^stack\/batch: roleAssignments\.b\.roleDefinitionIdOrName names a role definition in subscription 2222.*every plan would replace it/),
      'stack/batch: roleAssignments.b.conditionVersion only applies with a condition',
    ]);
  });
});

describe('PrivateBatch diagnosticSettings', () => {
  const settings = resources(synth('diagnostic-settings'), 'azurerm_monitor_diagnostic_setting');

  it('sends allLogs and AllMetrics by default, or the Batch categories named, with enabled_log and enabled_metric', () => {
    expect(settings.diag_contosobatch_to_workspace).toEqual({
      name: 'to-workspace',
      target_resource_id: '${azurerm_batch_account.batch_contosobatch.id}',
      log_analytics_workspace_id: WORKSPACE_ID,
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(settings.diag_contosobatch_audit).toMatchObject({ enabled_log: [{ category: 'AuditLog' }], enabled_metric: [] });
    expect(JSON.stringify(settings)).not.toMatch(/retention_policy|"metric"/);
  });

  it('refuses the deprecated category, a setting with no destination or nothing to send, and a sixth setting', () => {
    expect(problems({
      diagnosticSettings: {
        a: { workspaceId: WORKSPACE_ID.toLowerCase(), logCategories: ['ServiceLogs' as never] },
        'b:c': { logCategoryGroups: [], metricCategories: [], eventHubName: 'hub' },
      },
    })).toEqual([
      expect.stringMatching(/^stack\/batch: diagnosticSettings\.a\.workspaceId must be a Log Analytics workspace ID .*case-sensitively/),
      'stack/batch: diagnosticSettings.a.logCategories[0] is the deprecated ServiceLogs category; use ServiceLog',
      expect.stringMatching(/^stack\/batch: diagnosticSettings\.b:c\.name must be 1-260 characters without/),
      expect.stringMatching(/^stack\/batch: diagnosticSettings\.b:c\.workspaceId or storageAccountId, eventHubAuthorizationRuleId or marketplacePartnerId is required/),
      'stack/batch: diagnosticSettings.b:c.eventHubName only applies with eventHubAuthorizationRuleId',
      'stack/batch: diagnosticSettings.b:c.metricCategories is empty, as are the logs: a setting must send something',
    ]);
    const six = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((k) => [k, { workspaceId: WORKSPACE_ID.replace('law-ops', `law-${k}`) }]));
    expect(problems({ diagnosticSettings: six })).toEqual(['stack/batch: diagnosticSettings has 6 settings; Azure allows at most 5 per resource']);
  });
});

describe('PrivateBatch per-endpoint names, security groups and resource group', () => {
  const json = synth('endpoint-names');
  const endpoints = resources(json, 'azurerm_private_endpoint');

  it('takes the NIC name, the connection name and the zone group name of an endpoint made elsewhere', () => {
    expect(endpoints.pe_portal_batch).toMatchObject({
      name: 'pe-portal-batch',
      custom_network_interface_name: 'pe-portal-batch.nic.1a2b',
      private_service_connection: expect.objectContaining({ name: 'pe-portal-batch' }),
      private_dns_zone_group: expect.objectContaining({ name: 'default' }),
    });
    expect(endpoints.pe_contosobatch_nodemanagement).toMatchObject({
      custom_network_interface_name: 'pe-contosobatch-nodemanagement-nic',
      private_service_connection: expect.objectContaining({ name: 'pe-contosobatch-nodemanagement-connection' }),
    });
  });

  it('associates each security group with the endpoint, addressed by the group\'s name', () => {
    expect(resources(json, 'azurerm_private_endpoint_application_security_group_association')).toEqual({
      asg_portal_batch_asg_batch: { private_endpoint_id: '${azurerm_private_endpoint.pe_portal_batch.id}', application_security_group_id: ASG_ID },
    });
  });

  it('puts the endpoints in their own resource group, or each in its own', () => {
    expect(endpoints.pe_portal_batch.resource_group_name).toBe('rg-endpoints');
    expect(endpoints.pe_contosobatch_nodemanagement.resource_group_name).toBe('rg-network');
    expect(resources(json, 'azurerm_batch_account').batch_contosobatch.resource_group_name).toBe('rg-batch');
  });

  it('refuses a zone group name without a zone group, and names Azure would refuse', () => {
    expect(problems({ endpoints: [{ subResource: 'batchAccount', zoneGroupName: 'default' }] }))
      .toEqual(['stack/batch: endpoints[0].zoneGroupName only applies with dns.mode zoneGroup']);
    expect(problems({ endpoints: [{ subResource: 'batchAccount', networkInterfaceName: 'nic-', connectionName: 'a b', dns: 'zoneGroup', zoneGroupName: '-x' }] })).toEqual([
      expect.stringMatching(/^stack\/batch: endpoints\[0\]\.networkInterfaceName must be 1-80 letters, digits and _ \. -/),
      expect.stringMatching(/^stack\/batch: endpoints\[0\]\.connectionName must be 1-80 letters/),
      expect.stringMatching(/^stack\/batch: endpoints\[0\]\.zoneGroupName must be 1-80 letters/),
    ]);
  });
});

describe('PrivateBatch Policy-managed zone groups', () => {
  const json = synth('policy-zone-groups');

  it('makes no zone, no zone group and no record, and ignores the zone group Policy adds', () => {
    for (const type of ['azurerm_private_dns_zone', 'azurerm_private_dns_a_record', 'azurerm_private_dns_zone_virtual_network_link']) {
      expect(resources(json, type)).toEqual({});
    }
    for (const endpoint of Object.values(resources(json, 'azurerm_private_endpoint'))) {
      expect(endpoint.private_dns_zone_group).toBeUndefined();
      expect(endpoint.lifecycle).toEqual({ ignore_changes: ['private_dns_zone_group'] });
    }
  });

  it('refuses a Terraform-owned record for a name that Policy writes', () => {
    const stack = stackFor('policy-zone-groups');
    new PrivateDnsARecord(stack, 'leftover', { name: 'contosobatch.eastus', zoneName: 'privatelink.batch.azure.com', resourceGroupName: 'rg-hub', ttl: 10, records: ['10.0.0.9'] });
    expect(BatchGuards.check(stack)).toEqual([
      expect.stringMatching(/^policy-zone-groups\/leftover: records = \["10\.0\.0\.9"\]: the record answers for/),
      expect.stringMatching(/^policy-zone-groups\/leftover: name = "contosobatch\.eastus": writes contosobatch\.eastus, whose record Azure Policy writes through the zone group of policy-zone-groups\/batch\/batchAccount\/Resource/),
    ]);
  });

  it('lets a pool reach node management through the name Policy\'s zone group writes', () => {
    const stack = stackFor('policy-zone-groups');
    const [batch] = stack.node.children.filter((c): c is PrivateBatch => c instanceof PrivateBatch);
    batch.addPool({ name: 'small', vmSize: 'Standard_D2s_v3', fixedScale: { dedicatedNodes: 1 },
      image: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', nodeAgentSkuId: 'batch.node.ubuntu 22.04' } });
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('refuses a zone for it, which Policy picks', () => {
    expect(problems({ endpoints: [{ subResource: 'batchAccount', dns: 'policyZoneGroup', dnsTtl: 5 }] }))
      .toEqual(['stack/batch: endpoints[0].dnsTtl only applies with dns.mode records']);
  });
});

describe('PrivateBatch adopt', () => {
  const json = synth('adopt');

  it('imports the account, the endpoints, the zone and its link to the subnet\'s VNet when the plan finds them, by IDs built from their names', () => {
    const ids: Record<string, [string, string | undefined]> = {
      'azurerm_batch_account.batch_contosobatch': [`${RG}/rg-batch/providers/Microsoft.Batch/batchAccounts/contosobatch`, undefined],
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com': [`/subscriptions/${HUB}/resourceGroups/rg-batch/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`, 'azurerm.dns'],
      'azurerm_private_dns_zone_virtual_network_link.link_a1b2c3d4e5f6': [`/subscriptions/${HUB}/resourceGroups/rg-batch/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com/virtualNetworkLinks/a1b2c3d4e5f6`, 'azurerm.dns'],
      'azurerm_private_endpoint.pe_portal_batch': [`${RG}/rg-batch/providers/Microsoft.Network/privateEndpoints/pe-portal-batch`, undefined],
    };
    expect(json.import.map((i: any) => i.to).sort()).toEqual(Object.keys(ids).sort());
    for (const block of json.import) {
      const [id, provider] = ids[block.to];
      expect(block).toEqual({ for_each: expect.stringMatching(/^\$\{local\.adopt_/), to: block.to, id: '${each.value}', ...(provider ? { provider } : {}) });
      // The ID is imported only while the lists read at plan hold every level of it.
      expect(json.locals[block.for_each.slice(8, -1)]).toMatch(new RegExp(`\\? \\["${id.replace(/[.]/g, '\\.')}"\\] : \\[\\]\\}$`));
    }
  });

  it('needs the subscription its import IDs are built from', () => {
    expect(problems({ adopt: true, account: { ...ACCOUNT, subscriptionId: undefined } }))
      .toEqual(['stack/batch: account.subscriptionId is required with adopt: the import IDs are built from it']);
    expect(problems({ adopt: { account: false, endpoints: false, zone: false, vnetLink: false }, account: { ...ACCOUNT, subscriptionId: undefined } })).toEqual([]);
  });
});

describeWithTerraform('every interface through terraform validate (JSON and HCL)', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'tfcheck-interfaces-'));
  let json: StackValidation[];
  let hcl: StackValidation[];

  beforeAll(async () => {
    const app = new App({ outdir, skipValidation: true });
    const stacks = Object.keys(INTERFACES).map((name) => stackFor(name, app));
    app.synth();
    json = await validateStacks(stacks.map((stack) => join(outdir, 'stacks', stack.node.id)));
    hcl = await validateStacks(stacks.map((stack) => {
      const dir = join(outdir, 'hcl', stack.node.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'cdk.tf'), stack.toHclTerraform().hcl);
      return dir;
    }));
  }, 120_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it.each(Object.keys(INTERFACES))('accepts the %s stack', (name) => {
    for (const results of [json, hcl]) {
      const result = results.find((r) => r.stack === name)!;
      expect({ stack: name, errors: result.errors, warnings: result.warnings }).toEqual({ stack: name, errors: [], warnings: [] });
    }
  });
});

/**
 * A portal-made setup comes under the stack: `terraform test` with mock providers plans the four imports ("will be
 * imported" in Terraform's own plan), applies them, and the next plan is clean. Mock providers cannot import, except
 * into a resource with an `override_resource`: a story that leaves one out fails with "Invalid import request", so the
 * import blocks are what is being run.
 */
describeWithTerraform('PrivateBatch adopt, planned and applied by terraform test', () => {
  const imported: Record<string, string> = {
    'azurerm_batch_account.batch_contosobatch': `${RG}/rg-batch/providers/Microsoft.Batch/batchAccounts/contosobatch`,
    'azurerm_private_endpoint.pe_portal_batch': `${RG}/rg-batch/providers/Microsoft.Network/privateEndpoints/pe-portal-batch`,
    'azurerm_private_dns_zone.zone_privatelink_batch_azure_com': `/subscriptions/${HUB}/resourceGroups/rg-batch/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`,
    'azurerm_private_dns_zone_virtual_network_link.link_a1b2c3d4e5f6': `/subscriptions/${HUB}/resourceGroups/rg-batch/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com/virtualNetworkLinks/a1b2c3d4e5f6`,
  };
  const overrides = (targets: string[]) => targets.map((target) => `override_resource {
  target = ${target}
  values = { id = "${imported[target]}" }
}`).join('\n');
  // Everything is there: each list read at plan holds it.
  const lists = Object.entries({
    [`exists_resourcegroups_${SUB.replace(/-/g, '_')}`]: ['rg-batch'], [`exists_resourcegroups_${HUB.replace(/-/g, '_')}`]: ['rg-batch'],
    exists_batchaccounts_rg_batch: ['contosobatch'], exists_privateendpoints_rg_batch: ['pe-portal-batch'],
    exists_privatednszones_rg_batch: ['privatelink.batch.azure.com'], exists_virtualnetworklinks_privatelink_batch_azure_com: ['a1b2c3d4e5f6'],
  }).map(([address, names]) => `override_data {
  target = data.azapi_resource_list.${address}
  values = { output = { names = ${JSON.stringify(names)} } }
}`).join('\n');
  const story = (targets: string[]) => `mock_provider "azurerm" {}
mock_provider "azurerm" {
  alias = "dns"
}
mock_provider "azapi" {}
mock_provider "azapi" {
  alias = "dns"
}
${overrides(targets)}
${lists}
run "adopt" {
  command = plan
  assert {
    condition     = azurerm_batch_account.batch_contosobatch.public_network_access_enabled == false
    error_message = "the adopted account is planned private"
  }
}
run "apply" {
  assert {
    condition     = azurerm_private_endpoint.pe_portal_batch.id == "${imported['azurerm_private_endpoint.pe_portal_batch']}"
    error_message = "the endpoint keeps the ID it had"
  }
}
run "next_plan" {
  command = plan
}`;

  it('imports the account, the endpoint, the zone and the link, then converges', async () => {
    const json = synth('adopt');
    const all = Object.keys(imported);
    const result = await runLifecycleTests(json, [
      { name: 'adopt_portal_setup', hcl: story(all) },
      { name: 'no_override_for_the_link', hcl: story(all.filter((t) => !t.includes('link'))) },
    ]);
    expect(result.stories.adopt_portal_setup.map((r) => r.status)).toEqual(['pass', 'pass', 'pass']);
    const [negative] = result.stories.no_override_for_the_link;
    expect(negative.status).toBe('error');
    expect(negative.diagnostics).toContainEqual(expect.objectContaining({ summary: 'Invalid import request' }));
    expect(() => expectStoriesPassed(result)).toThrow(/no_override_for_the_link\/adopt: error/);
  }, 180_000);
});
