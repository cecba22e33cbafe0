/**
 * Every custom role the library can write holds only operations that Azure publishes: a role with an action no
 * provider publishes is refused at apply (400 InvalidActionOrNotAction, Azure/azure-cli#31926). Checked against the
 * vendored RBAC operations list of Microsoft.Batch (lib/rules/data/batch-operations.json, with its source and date).
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchConnectionApprovers } from '../lib/connections/batch-connection-approvers';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { synthConfig } from './helpers/config';
import { userSetup } from './fixtures/user-setups';
import operations from '../lib/rules/data/batch-operations.json';

const SUB = '11111111-2222-3333-4444-555555555555';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.Batch/batchAccounts/sharedbatch01`;
const PUBLISHED = new Set([...operations.actions, ...operations.dataActions].map((op) => op.toLowerCase()));

/** Every `azurerm_role_definition` of a synthesized stack, with its actions and data actions. */
function roleDefinitions(json: any): [string, string[]][] {
  return Object.entries(json.resource?.azurerm_role_definition ?? {}).map(([address, role]: [string, any]) => [
    address, (role.permissions ?? []).flatMap((p: any) => [...(p.actions ?? []), ...(p.data_actions ?? [])]),
  ]);
}

const unpublished = (json: any): [string, string][] => roleDefinitions(json)
  .flatMap(([address, ops]) => ops.filter((op) => !PUBLISHED.has(op.toLowerCase())).map((op): [string, string] => [address, op]));

function libraryRoleStack(): any {
  const stack = new TerraformStack(Testing.app(), 'roles');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new BatchConnectionApprovers(stack, 'approvers', { account: batchAccountFromId(ACCOUNT_ID, 'eastus'), approvers: [{ objectId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }] });
  new PrivateBatch(stack, 'batch', {
    account: { name: 'ownbatch01', resourceGroupName: 'rg-own', location: 'eastus', subscriptionId: SUB },
    subnet: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe`,
    connectionApprovers: [{ objectId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }],
  });
  return JSON.parse(Testing.synth(stack));
}

/** The library's source files that make a role definition. */
function roleDefinitionWriters(dir = join(__dirname, '..', 'lib')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return roleDefinitionWriters(path);
    return name.endsWith('.ts') && /new RoleDefinition\(/.test(readFileSync(path, 'utf8')) ? [relative(join(__dirname, '..'), path)] : [];
  });
}

describe('role definitions the library writes', () => {
  it('vendor Microsoft.Batch\'s published operations with their source and date', () => {
    expect(operations.source).toMatch(/^https:\/\/github\.com\/MicrosoftDocs\/azure-docs\/blob\/[0-9a-f]{40}\/articles\/role-based-access-control\/permissions\/compute\.md$/);
    expect(operations.pageDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(operations.actions.every((op) => op.startsWith('Microsoft.Batch/'))).toBe(true);
  });

  it('are written by BatchConnectionApprovers alone (a new writer needs a case below)', () => {
    expect(roleDefinitionWriters()).toEqual([join('lib', 'connections', 'batch-connection-approvers.ts')]);
  });

  it('hold only operations Microsoft.Batch publishes: from the construct, from PrivateBatch and from the config', () => {
    const library = libraryRoleStack();
    const config = synthConfig({ stacks: [userSetup('fixture-delegated-approval')] })['fixture-delegated-approval'];
    for (const json of [library, config]) {
      expect(roleDefinitions(json).length).toBeGreaterThan(0);
      expect(unpublished(json)).toEqual([]);
    }
  });

  it('grant an approver what approving its own connection takes: read the account, read and update its connections', () => {
    const [[, actions]] = roleDefinitions(libraryRoleStack());
    expect(actions.sort()).toEqual([
      'Microsoft.Batch/batchAccounts/privateEndpointConnections/read',
      'Microsoft.Batch/batchAccounts/privateEndpointConnections/write',
      'Microsoft.Batch/batchAccounts/read',
    ]);
  });
});
