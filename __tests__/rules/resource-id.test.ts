import { Testing, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { crossSubscriptionProblem, literalSubscription, parseResourceId, sameSubscription, subscriptionOf } from '../../lib/rules/resource-id';

const SUB_A = '11111111-1111-1111-1111-111111111111';
const SUB_B = '22222222-2222-2222-2222-222222222222';
const ACCOUNT_ID = `/subscriptions/${SUB_A}/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/mybatch`;
const SUBNET_ID = `/subscriptions/${SUB_B}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`;

describe('resource ids', () => {
  it('parses a top-level resource ID into subscription, group, type and name', () => {
    expect(parseResourceId(ACCOUNT_ID)).toEqual({
      subscriptionId: SUB_A,
      resourceGroupName: 'rg-batch',
      type: 'Microsoft.Batch/batchAccounts',
      name: 'mybatch',
    });
  });

  it('parses a resource ID whatever the case of its fixed segments', () => {
    expect(parseResourceId(`/SUBSCRIPTIONS/${SUB_A}/resourcegroups/rg/PROVIDERS/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`)?.name)
      .toBe('privatelink.batch.azure.com');
  });

  it('does not parse nested IDs, partial IDs or other strings', () => {
    expect(parseResourceId(SUBNET_ID)).toBeUndefined();
    expect(parseResourceId(`/subscriptions/${SUB_A}/resourceGroups/rg`)).toBeUndefined();
    expect(parseResourceId('mybatch')).toBeUndefined();
  });

  it('reads the subscription of any ARM ID, nested ones too', () => {
    expect(subscriptionOf(ACCOUNT_ID)).toBe(SUB_A);
    expect(subscriptionOf(SUBNET_ID)).toBe(SUB_B);
    expect(subscriptionOf('not-an-id')).toBeUndefined();
  });

  it('compares subscription GUIDs case-insensitively', () => {
    expect(sameSubscription('ABCDEF00-0000-0000-0000-000000000000', 'abcdef00-0000-0000-0000-000000000000')).toBe(true);
    expect(sameSubscription(SUB_A, SUB_B)).toBe(false);
  });

  it('gives the subscription of a literal ID, and none for a token or no ID', () => {
    expect(literalSubscription(SUBNET_ID)).toBe(SUB_B);
    expect(literalSubscription(Token.asString({ ref: 'x' }))).toBeUndefined();
    expect(literalSubscription(undefined)).toBeUndefined();
  });

  it('gives no subscription for a resource attribute known only after apply', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const subnetId = new TerraformVariable(stack, 'subnet_id', { type: 'string' }).stringValue;
    expect(literalSubscription(subnetId)).toBeUndefined();
  });

  it('never objects to a nodeManagement endpoint in another subscription', () => {
    expect(crossSubscriptionProblem('nodeManagement', SUB_B, SUB_A)).toBeUndefined();
  });

  it('accepts a batchAccount endpoint in the account subscription, whatever the GUID case', () => {
    expect(crossSubscriptionProblem('batchAccount', SUB_A, SUB_A)).toBeUndefined();
    expect(crossSubscriptionProblem('batchAccount', 'ABCDEF00-0000-0000-0000-000000000000', 'abcdef00-0000-0000-0000-000000000000')).toBeUndefined();
  });

  it('refuses a batchAccount endpoint in another subscription, naming both', () => {
    expect(crossSubscriptionProblem('batchAccount', SUB_B, SUB_A)).toBe(
      `must be the Batch account's subscription ${SUB_A} for a batchAccount endpoint, got ${SUB_B}`,
    );
  });

  it('does not check a batchAccount endpoint when either subscription is unknown', () => {
    expect(crossSubscriptionProblem('batchAccount', undefined, SUB_A)).toBeUndefined();
    expect(crossSubscriptionProblem('batchAccount', SUB_B, undefined)).toBeUndefined();
    expect(crossSubscriptionProblem('batchAccount', Token.asString({ ref: 'sub' }), SUB_A)).toBeUndefined();
    expect(crossSubscriptionProblem('batchAccount', SUB_B, Token.asString({ ref: 'sub' }))).toBeUndefined();
  });
});
