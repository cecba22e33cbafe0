import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchConnectionApprovers } from '../lib/connections/batch-connection-approvers';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';

const SUB = '11111111-2222-3333-4444-555555555555';
const ACCOUNT = batchAccountFromId(`/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.Batch/batchAccounts/sharedbatch01`, 'eastus');
const CI = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OPS = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function synth(build: (stack: TerraformStack) => void): any {
  const stack = new TerraformStack(Testing.app(), 'owner');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

describe('BatchConnectionApprovers: delegated approval', () => {
  const json = synth((stack) => new BatchConnectionApprovers(stack, 'approvers', {
    account: ACCOUNT, approvers: [{ objectId: CI, principalType: 'ServicePrincipal', key: 'analytics_ci' }, { objectId: OPS }],
  }));

  it('defines one custom role that reads the account and updates its connections, assignable in the account\'s resource group', () => {
    const { ['//']: _metadata, ...role } = json.resource.azurerm_role_definition.approver_role_sharedbatch01;
    expect(role).toEqual({
      name: 'Batch endpoint connection approver: rg-shared/sharedbatch01',
      scope: `/subscriptions/${SUB}/resourceGroups/rg-shared`,
      assignable_scopes: [`/subscriptions/${SUB}/resourceGroups/rg-shared`],
      description: 'Reads Batch account sharedbatch01 and approves its private endpoint connections (privateEndpointConnections/write).',
      permissions: [{ actions: ['Microsoft.Batch/batchAccounts/read', 'Microsoft.Batch/batchAccounts/privateEndpointConnections/read', 'Microsoft.Batch/batchAccounts/privateEndpointConnections/write'] }],
    });
  });

  it('assigns it to each principal on the account alone, addressed by key or object ID', () => {
    const assignments = json.resource.azurerm_role_assignment;
    expect(Object.keys(assignments).sort()).toEqual(['approver_sharedbatch01_7c9e6679_7425_40de_944b_e07fc1f90ae7', 'approver_sharedbatch01_analytics_ci']);
    for (const assignment of Object.values(assignments) as any[]) {
      expect(assignment.scope).toBe(ACCOUNT.id);
      expect(assignment.role_definition_id).toBe('${azurerm_role_definition.approver_role_sharedbatch01.role_definition_resource_id}');
    }
    expect(assignments.approver_sharedbatch01_analytics_ci).toMatchObject({ principal_id: CI, principal_type: 'ServicePrincipal' });
    expect(assignments.approver_sharedbatch01_7c9e6679_7425_40de_944b_e07fc1f90ae7.principal_type).toBeUndefined();
  });

  it('reports every problem at once at synth, with the construct path and the field', () => {
    const problems = (approvers: any[]) => {
      const stack = new TerraformStack(Testing.app(), 'owner');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      new BatchConnectionApprovers(stack, 'approvers', { account: ACCOUNT, approvers });
      return stack.node.findAll().flatMap((c) => c.node.validate());
    };
    expect(problems([{ objectId: 'ci' }, { objectId: OPS, key: 'Ops' }])).toEqual([
      'owner/approvers: approvers[0].objectId must be a Microsoft Entra object ID (a GUID), got "ci"',
      expect.stringMatching(/^owner\/approvers: approvers\[1\]\.key must be 1-64 lower case/),
    ]);
    expect(problems([])).toEqual(['owner/approvers: approvers must name at least one principal']);
  });
});

/**
 * The other half of delegation: the approver's own stack makes its endpoint as a manual request and approves it, on
 * the owner's existing account, with the rights the owner's role gives (privateEndpointConnections/write).
 */
describe('a team\'s stack approves its own connection on an existing account', () => {
  const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-analytics/providers/Microsoft.Network/virtualNetworks/vnet-analytics/subnets/snet-pe`;
  const MANUAL = { subResource: 'batchAccount' as const, name: 'pe-sharedbatch01-analytics', manualApproval: { requestMessage: 'Team analytics (NET-1234)' } };
  const team = (props: Partial<PrivateBatchProps>): TerraformStack => {
    const stack = new TerraformStack(Testing.app(), 'team');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    new PrivateBatch(stack, 'shared', { account: ACCOUNT, subnet: SUBNET, endpointResourceGroupName: 'rg-analytics', endpoints: [MANUAL], ...props });
    return stack;
  };
  const problems = (props: Partial<PrivateBatchProps>): string[] => team(props).node.findAll().flatMap((c) => c.node.validate());

  it('approves the connection of its manual endpoint, and writes the record only after the approval', () => {
    const json = JSON.parse(Testing.synth(team({ connections: [{ action: 'approve', endpoint: MANUAL.name, description: 'Team analytics (NET-1234)' }] })));
    const [[address, action]] = Object.entries(json.resource.azapi_resource_action) as [string, any][];
    expect(address).toBe('approve_sharedbatch01_analytics');
    expect(action.body.properties.privateLinkServiceConnectionState.status).toBe('Approved');
    expect(json.data.azapi_resource_list.connections_sharedbatch01.parent_id).toBe(ACCOUNT.id);
    expect(json.locals.approve_sharedbatch01_analytics).toContain('azurerm_private_endpoint.pe_sharedbatch01_analytics.id');
    const [record] = Object.values(json.resource.azurerm_private_dns_a_record) as any[];
    expect(record.depends_on).toEqual(['azurerm_private_endpoint.pe_sharedbatch01_analytics', `azapi_resource_action.${address}`]);
    // The owner's stack holds the role; the team's writes none.
    expect(json.resource.azurerm_role_definition).toBeUndefined();
  });

  it('refuses what delegated rights cannot do, every problem at once: reject or remove, another stack\'s connection, an automatic endpoint', () => {
    expect(problems({
      endpoints: [MANUAL, { subResource: 'nodeManagement' }],
      connections: [
        { action: 'reject', endpoint: MANUAL.name, description: 'x' },
        { action: 'approve', connectionName: 'pe-other.0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', description: 'x' },
        { action: 'approve', endpoint: 'nodeManagement', description: 'x' },
      ],
    })).toEqual([
      expect.stringMatching(/^team\/shared: connections\[0\]\.action must be approve on an existing account, got "reject"/),
      expect.stringMatching(/^team\/shared: connections\[1\]\.endpoint is required on an existing account/),
      expect.stringMatching(/^team\/shared: connections\[2\]\.endpoint names endpoint nodeManagement, which connects automatically: give it manualApproval/),
    ]);
  });
});
