import { adoptSettings, armResourceId, importIdPartProblems } from '../../lib/rules/adoption';

describe('adoption', () => {
  it('imports account, endpoints, zone, link and pools with adopt: true, each can be turned off, nothing by default', () => {
    expect(adoptSettings(true)).toEqual({ account: true, endpoints: true, zone: true, vnetLink: true, pools: true });
    expect(adoptSettings({ zone: false })).toEqual({ account: true, endpoints: true, zone: false, vnetLink: true, pools: true });
    expect(adoptSettings(undefined)).toEqual({ account: false, endpoints: false, zone: false, vnetLink: false, pools: false });
    expect(adoptSettings(false)).toEqual(adoptSettings(undefined));
  });

  it('builds IDs as azurerm parses them', () => {
    expect(armResourceId('s', 'rg', 'Microsoft.Batch/batchAccounts', 'b')).toBe('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/b');
  });

  it('needs every part of an ID, and takes references Terraform knows at plan', () => {
    expect(importIdPartProblems({ subscriptionId: undefined, 'account.resourceGroupName': '${azurerm_resource_group.rg.name}', name: '' })).toEqual([
      { field: 'subscriptionId', problem: 'is required with adopt: the import IDs are built from it' },
      { field: 'name', problem: 'is required with adopt: the import IDs are built from it' },
    ]);
  });
});
