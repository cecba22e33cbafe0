import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchConnectionApprovers } from '../lib/connections/batch-connection-approvers';
import { batchAccountFromId } from '../lib/account/batch-account-ref';

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

  it('defines one custom role with exactly the auto-approval action, assignable in the account\'s resource group', () => {
    const { ['//']: _metadata, ...role } = json.resource.azurerm_role_definition.approver_role_sharedbatch01;
    expect(role).toEqual({
      name: 'Batch endpoint auto-approval: rg-shared/sharedbatch01',
      scope: `/subscriptions/${SUB}/resourceGroups/rg-shared`,
      assignable_scopes: [`/subscriptions/${SUB}/resourceGroups/rg-shared`],
      description: 'Private endpoints that its holders create to Batch account sharedbatch01 are approved at creation.',
      permissions: [{ actions: ['Microsoft.Batch/batchAccounts/privateEndpointConnectionsApproval/action'] }],
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
