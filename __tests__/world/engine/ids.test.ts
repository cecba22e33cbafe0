import { childId, isUnder, keyOf, parseId } from '../../../world/engine/arm/ids';
import { ACCOUNT, RG, SUB, ZONE } from './world-helpers';

describe('ARM IDs', () => {
  test('a child resource: type from the namespace on, parent one type up', () => {
    const p = parseId(`${ZONE}/A/teambatch01.eastus`);
    expect(p).toMatchObject({ type: 'Microsoft.Network/privateDnsZones/A', name: 'teambatch01.eastus', parentId: ZONE, resourceGroup: 'rg-batch', subscriptionId: SUB });
  });

  test('an extension resource: its parent is the scope it extends', () => {
    const p = parseId(`${ACCOUNT}/providers/Microsoft.Authorization/locks/no-delete`);
    expect(p).toMatchObject({ type: 'Microsoft.Authorization/locks', parentId: ACCOUNT });
  });

  test('resource groups and subscriptions', () => {
    expect(parseId(RG)).toMatchObject({ type: 'Microsoft.Resources/resourceGroups', parentId: `/subscriptions/${SUB}` });
    expect(parseId(`/subscriptions/${SUB}`).type).toBe('Microsoft.Resources/subscriptions');
  });

  test('a child type of the parent appends its last segment; any other type goes under providers', () => {
    expect(childId(ACCOUNT, 'Microsoft.Batch/batchAccounts/privateEndpointConnections', 'pe.1')).toBe(`${ACCOUNT}/privateEndpointConnections/pe.1`);
    expect(childId(RG, 'Microsoft.Network/privateDnsZones', 'z')).toBe(`${RG}/providers/Microsoft.Network/privateDnsZones/z`);
  });

  test('keys and scopes ignore case, and a scope covers only whole segments', () => {
    expect(keyOf(ACCOUNT.toUpperCase())).toBe(keyOf(ACCOUNT));
    expect(isUnder(ACCOUNT, RG.toUpperCase())).toBe(true);
    expect(isUnder(`${RG}2/x`, RG)).toBe(false);
  });

  test('what is not an ID is refused', () => {
    expect(() => parseId('rg-batch')).toThrow(/not an ARM resource ID/);
    expect(() => parseId(`${RG}/providers/Microsoft.Network/virtualNetworks`)).toThrow(/not an ARM resource ID/);
  });
});
