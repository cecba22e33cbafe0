import { Testing, TerraformStack, TerraformVariable, Token } from 'cdktf';
import {
  CASE_SENSITIVE_ID_TYPES, canonicalResourceId, crossSubscriptionProblem, literalResourceIdProblem, literalSubscription, normalizedResourceId, parseResourceId, resourceIdProblem,
  resourceIdTemplate, sameSubscription, subscriptionOf,
} from '../../lib/rules/resource-id';

const SUB_A = '11111111-1111-1111-1111-111111111111';
const SUB_B = '22222222-2222-2222-2222-222222222222';
const ACCOUNT_ID = `/subscriptions/${SUB_A}/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/mybatch`;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

  it('does not take a URL with an ID in it for the ID', () => {
    expect(parseResourceId(`https://management.azure.com${ACCOUNT_ID}`)).toBeUndefined();
    expect(subscriptionOf(`https://management.azure.com${ACCOUNT_ID}`)).toBeUndefined();
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

  it('gives no subscription for an ID whose subscription is a token, rather than the token as a GUID', () => {
    const subscription = Token.asString({ ref: 'subscription' });
    expect(literalSubscription(`/subscriptions/${subscription}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet`)).toBeUndefined();
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
    expect(crossSubscriptionProblem('batchAccount', '', SUB_A)).toBeUndefined();
    expect(crossSubscriptionProblem('batchAccount', SUB_B, '')).toBeUndefined();
  });
});

describe('resource IDs as azurerm parses them', () => {
  const ZONE_ID = `/subscriptions/${SUB_A}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;

  it('gives the template of an ID', () => {
    expect(resourceIdTemplate('Microsoft.Network/virtualNetworks/subnets'))
      .toBe('/subscriptions/<subscription>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>');
  });

  it.each([
    [ZONE_ID, 'Microsoft.Network/privateDnsZones'],
    [SUBNET_ID, 'Microsoft.Network/virtualNetworks/subnets'],
    [ACCOUNT_ID, 'Microsoft.Batch/batchAccounts'],
    [ACCOUNT_ID.replace('resourceGroups', 'resourcegroups').replace('Microsoft.Batch', 'microsoft.batch'), 'Microsoft.Batch/batchAccounts'],
  ])('accepts %s as a %s ID', (id, type) => {
    expect(resourceIdProblem(id, type)).toBeUndefined();
  });

  it('spells the fixed segments of a lower-cased ID as azurerm\'s case-sensitive parsers want them', () => {
    const lower = ZONE_ID.replace('resourceGroups', 'resourcegroups').replace('Microsoft.Network/privateDnsZones', 'microsoft.network/privatednszones');
    expect(resourceIdProblem(lower, 'Microsoft.Network/privateDnsZones')).toBeUndefined();
    expect(canonicalResourceId(lower, 'Microsoft.Network/privateDnsZones')).toBe(ZONE_ID);
    const vnet = `/SUBSCRIPTIONS/${SUB_A}/resourcegroups/RG/PROVIDERS/microsoft.network/virtualnetworks/Vnet`;
    expect(canonicalResourceId(vnet, 'Microsoft.Network/virtualNetworks')).toBe(`/subscriptions/${SUB_A}/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/Vnet`);
    expect(canonicalResourceId(SUBNET_ID.toLowerCase(), 'Microsoft.Network/virtualNetworks/subnets'))
      .toBe(`/subscriptions/${SUB_B}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe`);
    expect(canonicalResourceId('x', 'Microsoft.Network/virtualNetworks')).toBeUndefined();
  });

  it('spells "Subscriptions" as azurerm\'s generic parser needs it too', () => {
    expect(canonicalResourceId(ACCOUNT_ID.replace('subscriptions', 'Subscriptions'), 'Microsoft.Batch/batchAccounts')).toBe(ACCOUNT_ID);
  });

  it('keeps the names as written: only the fixed segments are spelt anew', () => {
    expect(canonicalResourceId(ZONE_ID.replace('rg-dns', 'RG-DNS'), 'Microsoft.Network/privateDnsZones')).toBe(ZONE_ID.replace('rg-dns', 'RG-DNS'));
  });

  it('normalizes literal IDs and leaves tokens and what is no ID of the type as they are', () => {
    expect(normalizedResourceId(ZONE_ID.toLowerCase(), 'Microsoft.Network/privateDnsZones')).toBe(ZONE_ID);
    expect(normalizedResourceId('${azurerm_private_dns_zone.z.id}', 'Microsoft.Network/privateDnsZones')).toBe('${azurerm_private_dns_zone.z.id}');
    expect(normalizedResourceId('not-an-id', 'Microsoft.Network/privateDnsZones')).toBe('not-an-id');
  });

  // The list documents which IDs azurerm v4.55.0 parses with go-azure-sdk's case-sensitive typed parsers; it changes
  // only with the provider, after checking its parsers again.
  it('names the types azurerm 4.55 parses case-sensitively', () => {
    expect(CASE_SENSITIVE_ID_TYPES).toEqual([
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Network/applicationSecurityGroups',
      'Microsoft.Network/privateDnsZones',
      'Microsoft.Network/privateEndpoints',
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/virtualNetworks/subnets',
      'Microsoft.Storage/storageAccounts',
    ]);
  });

  it.each(CASE_SENSITIVE_ID_TYPES)('writes a lower-cased %s ID as azurerm parses it', (type) => {
    const id = resourceIdTemplate(type).replace(/<[^>]+>/g, 'Name1');
    expect(canonicalResourceId(id.toLowerCase(), type)).toBe(id.replace(/Name1/g, 'name1'));
  });

  it.each([
    ['another type', ZONE_ID.replace('privateDnsZones', 'dnszones')],
    ['a missing name', `/subscriptions/${SUB_A}/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/`],
    ['an empty resource group', `/subscriptions/${SUB_A}/resourceGroups//providers/Microsoft.Network/privateDnsZones/z`],
    ['a child ID', `${ZONE_ID}/A/record`],
    ['no leading slash', ZONE_ID.slice(1)],
    ['a name instead of an ID', 'privatelink.batch.azure.com'],
  ])('refuses %s, with the template', (_what, id) => {
    expect(resourceIdProblem(id, 'Microsoft.Network/privateDnsZones')).toMatch(new RegExp(`^${escapeRegExp(
      `must be a Microsoft.Network/privateDnsZones ID, /subscriptions/<subscription>/resourceGroups/<resource group>/providers/Microsoft.Network/privateDnsZones/<name>, got ${JSON.stringify(id)}`,
    )}`));
  });

  it.each([
    ['a singular segment', SUBNET_ID.replace('/subnets/', '/subnet/'), '"subnet" where the ID has "subnets"'],
    ['a misspelt provider namespace', SUBNET_ID.replace('Microsoft.Network', 'Microsoft.Netwrok'), '"Microsoft.Netwrok" where the ID has "Microsoft.Network"'],
    ['a singular resource group segment', SUBNET_ID.replace('resourceGroups', 'resourceGroup'), '"resourceGroup" where the ID has "resourceGroups"'],
  ])('names %s, what was given and what the ID has there', (_what, id, hint) => {
    expect(resourceIdProblem(id, 'Microsoft.Network/virtualNetworks/subnets')).toBe(
      `must be a Microsoft.Network/virtualNetworks/subnets ID, /subscriptions/<subscription>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>, got ${JSON.stringify(id)}: ${hint}`,
    );
  });

  it('does not check an ID known only at apply', () => {
    expect(literalResourceIdProblem(Token.asString({ ref: 1 }), 'Microsoft.Network/virtualNetworks/subnets')).toBeUndefined();
    expect(literalResourceIdProblem('subnet', 'Microsoft.Network/virtualNetworks/subnets')).toMatch(/^must be a Microsoft.Network\/virtualNetworks\/subnets ID/);
  });
});
