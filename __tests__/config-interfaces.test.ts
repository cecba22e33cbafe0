/**
 * The config fields that reach PrivateBatch's AVM-style interfaces: what they make, and how a problem the library
 * finds is named at the config field the user wrote.
 */
import { exampleStack, resources, synthConfig, validConfig } from './helpers/config';
import { userSetup } from './fixtures/user-setups';
import { buildApp } from '../app/build-app';
import { evaluateStackExpressions } from './helpers/hcl-eval';

function build(change: (stack: any) => void): () => unknown {
  const stack = exampleStack();
  change(stack);
  return () => buildApp(validConfig({ stacks: [stack] }), { file: 'test.json' });
}

describe('the config\'s AVM-style fields', () => {
  it('lock, assign roles, send diagnostics and name endpoints as written', () => {
    const json = synthConfig({ stacks: [userSetup('fixture-avm-interfaces')] })['fixture-avm-interfaces'];
    expect(Object.keys(resources(json, 'azurerm_management_lock')).sort()).toEqual(['lock_contosobatch01', 'lock_contosobatch01_batchaccount', 'lock_contosobatch01_nodemanagement']);
    expect(Object.keys(resources(json, 'azurerm_role_assignment')).sort()).toEqual(['role_contosobatch01_batchaccount_network', 'role_contosobatch01_submitters']);
    expect(Object.keys(resources(json, 'azurerm_monitor_diagnostic_setting'))).toEqual(['diag_contosobatch01_to_workspace']);
    expect(Object.keys(resources(json, 'azurerm_private_endpoint_application_security_group_association'))).toEqual(['asg_contosobatch01_batchaccount_asg_batch']);
    const endpoint = resources(json, 'azurerm_private_endpoint').pe_contosobatch01_batchaccount;
    expect(endpoint).toMatchObject({ resource_group_name: 'rg-network', custom_network_interface_name: 'nic-batch', private_dns_zone_group: { name: 'default' } });
  });

  it('leave the zone group of a policyZoneGroup endpoint to Azure Policy, and make no zone for it', () => {
    const json = synthConfig({ stacks: [userSetup('fixture-policy-zone-group')] })['fixture-policy-zone-group'];
    expect(resources(json, 'azurerm_private_dns_zone')).toEqual({});
    expect(Object.values(resources(json, 'azurerm_private_endpoint')).map((e) => e.lifecycle)).toEqual([
      { ignore_changes: ['private_dns_zone_group'] }, { ignore_changes: ['private_dns_zone_group'] },
    ]);
  });

  it('adopt a portal-made setup in an existing subnet: import blocks for everything the stack would make', () => {
    const json = synthConfig({ stacks: [userSetup('fixture-adopt')] })['fixture-adopt'];
    expect(json.import.map((i: any) => i.to).sort()).toEqual([
      'azurerm_batch_account.batch_contosobatch01',
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com',
      'azurerm_private_dns_zone_virtual_network_link.link_a1b2c3d4e5f6g',
      'azurerm_private_endpoint.pe_portal_batch',
      'azurerm_resource_group.ResourceGroup',
    ]);
    expect(resources(json, 'azurerm_virtual_network')).toEqual({});
    expect(resources(json, 'azurerm_private_endpoint').pe_portal_batch.subnet_id).toMatch(/virtualNetworks\/vnet-portal\/subnets\/snet-pe$/);
  });

  it('adopt the example\'s own network too', () => {
    const stack = exampleStack();
    stack.adopt = true;
    const json = synthConfig({ stacks: [stack] })[stack.name];
    expect(json.import.map((i: any) => i.to)).toEqual(expect.arrayContaining(['azurerm_virtual_network.Vnet', 'azurerm_subnet.EndpointSubnet']));
    // Imported when the plan finds it (the VNet listed in the group, the subnet in the VNet), else created.
    expect(json.import.find((i: any) => i.to === 'azurerm_subnet.EndpointSubnet')).toEqual({ for_each: '${local.adopt_endpointsubnet}', to: 'azurerm_subnet.EndpointSubnet', id: '${each.value}' });
    // The subnet's ID once the plan finds the group, the VNet and the subnet (names in any casing), else nothing.
    const subnetId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-private-eastus/providers/Microsoft.Network/virtualNetworks/vnet-batch-eastus/subnets/snet-private-endpoints';
    const adopted = (subnets: string[]) => evaluateStackExpressions(json.locals, { ids: '${local.adopt_endpointsubnet}' }, {
      'local.exists_resourcegroups_11111111_2222_3333_4444_555555555555': ['rg-batch-private-eastus'],
      'local.exists_virtualnetworks_rg_batch_private_eastus': ['vnet-batch-eastus'],
      'local.exists_subnets_vnet_batch_eastus': subnets,
    }).ids;
    expect(adopted(['snet-other', 'snet-private-endpoints'])).toEqual([subnetId]);
    expect(adopted(['snet-other'])).toEqual([]);
  });

  // Each passed every check before (#22): Azure refuses them at apply with 409 or "already exists".
  it('refuse what Azure refuses twice, at the later field the user wrote: a role for one principal, a setting name, a category to one destination', () => {
    const workspace = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-ops';
    const principal = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    expect(build((s) => {
      s.accounts[0].roleAssignments = {
        team: { roleDefinitionIdOrName: 'Azure Batch Job Submitter', principalId: principal },
        again: { roleDefinitionIdOrName: '48e5e92e-a480-4e71-aa9c-2778f4c13781', principalId: principal.toUpperCase() },
      };
      s.accounts[0].diagnosticSettings = {
        logs: { workspaceId: workspace },
        audit: { name: 'LOGS', workspaceId: workspace, logCategories: ['AuditLog'], metricCategories: [] },
      };
    })).toThrow(new RegExp(['3 problems found',
      '  stacks\\[0\\]\\.accounts\\[0\\]\\.roleAssignments\\.again: assigns role 48e5e92e-a480-4e71-aa9c-2778f4c13781 to principal 3F2504E0-4F89-11D3-9A0C-0305E82C3301 again, as team does \\(Azure Batch Job Submitter\\): Azure refuses a second assignment of one role to one principal at one scope \\(409 RoleAssignmentExists\\)',
      '  stacks\\[0\\]\\.accounts\\[0\\]\\.diagnosticSettings\\.audit\\.name: names the diagnostic setting LOGS again, as logs does',
      '  stacks\\[0\\]\\.accounts\\[0\\]\\.diagnosticSettings\\.audit\\.workspaceId: sends AuditLog to .* again, as logs does: Azure refuses one category to one destination twice',
    ].join('[\\s\\S]*')));
  });

  it('name the config field of every problem the library finds in them, all at once (8 here)', () => {
    expect(build((s) => {
      s.accounts[0].lock = { kind: 'ReadOnly', name: 'lock.' };
      s.accounts[0].connections = [{ action: 'approve', endpoint: 'batchAccount', description: 'ok' }];
      s.accounts[0].roleAssignments = { team: { roleDefinitionIdOrName: 'Batch Superuser', principalId: 'someone' } };
      s.accounts[0].diagnosticSettings = { logs: { workspaceId: '/x', logCategories: ['ServiceLogs'] } };
      s.accounts[0].endpoints[1].zoneGroupName = 'default';
    })).toThrow(new RegExp(['8 problems found',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.lock\\.kind: ReadOnly blocks the connection rules',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.lock\\.kind: is ReadOnly, but the account has pools \\(small\\)',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.roleAssignments\\.team\\.roleDefinitionIdOrName: must be a role definition GUID or ID',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.roleAssignments\\.team\\.principalId: must be the principal\'s object ID',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.diagnosticSettings\\.logs\\.workspaceId: must be a Log Analytics workspace ID',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.diagnosticSettings\\.logs\\.logCategories\\[0\\]: is the deprecated ServiceLogs category; use ServiceLog',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.lock\\.name: must be 1-90 letters',
      'stacks\\[0\\]\\.accounts\\[0\\]\\.endpoints\\[1\\]\\.zoneGroupName: only applies with dns\\.mode zoneGroup',
    ].join('[^]*')));
  });

  it('take either the example network or an existing subnet', () => {
    expect(build((s) => { s.existingSubnet = { id: `/subscriptions/${s.subscriptionId}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s` }; }))
      .toThrow(/stacks\[0\]\.existingSubnet: give either network \(the example makes a VNet and subnet\) or existingSubnet/);
    expect(build((s) => { delete s.network; })).toThrow(/stacks\[0\]\.network: give either network/);
    expect(build((s) => { delete s.network; s.existingSubnet = { id: 'snet-pe' }; })).toThrow(/stacks\[0\]\.existingSubnet\.id: must be a Microsoft\.Network\/virtualNetworks\/subnets ID, \/subscriptions\/<subscription>\/resourceGroups\/[^]*got "snet-pe"/);
  });
});
