import {
  accountLabelsExpression, accountLookupExpression, accountsNamedQuery, aRecordSetId, canonicalZoneId, existingRecordExpression,
  keptNamesExpression, legacyZoneNames, recordDeleteCommand, resourceGroupId, staleRecordsExpression, vnetLinkDeleteCommand,
} from '../../lib/rules/zone-records';

const ZONE = { subscriptionId: '22222222-2222-2222-2222-222222222222', resourceGroupName: 'rg-hub-dns', zoneName: 'privatelink.batch.azure.com' };
const ZONE_ID = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com';

describe('zone record rules', () => {
  it('builds zone and record IDs with the static segments azurerm\'s case-sensitive importer expects', () => {
    expect(canonicalZoneId(ZONE)).toBe(ZONE_ID);
    expect(aRecordSetId(ZONE, 'contosobatch01.eastus')).toBe(`${ZONE_ID}/A/contosobatch01.eastus`);
    expect(aRecordSetId(ZONE, '${each.value}')).toBe(`${ZONE_ID}/A/\${each.value}`);
    expect(resourceGroupId(ZONE)).toBe('/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-hub-dns');
  });

  it('gives the Azure CLI commands that delete a record and a VNet link', () => {
    expect(recordDeleteCommand(ZONE, 'x.eastus')).toBe('az network private-dns record-set a delete --subscription 22222222-2222-2222-2222-222222222222 '
      + '--resource-group rg-hub-dns --zone-name privatelink.batch.azure.com --name x.eastus --yes');
    expect(vnetLinkDeleteCommand('s', 'rg', 'privatelink.eastus.batch.azure.com', 'l')).toBe('az network private-dns link vnet delete --subscription s '
      + '--resource-group rg --zone-name privatelink.eastus.batch.azure.com --name l --yes');
  });

  it('queries the accounts of one name, and refuses anything that is not an account name (it goes into a JMESPath literal)', () => {
    expect(accountsNamedQuery('contosobatch01')).toBe("value[?name=='contosobatch01'].{location: location, endpoint: properties.nodeManagementEndpoint}");
    expect(() => accountsNamedQuery("x' || true || '")).toThrow('not a Batch account name');
  });

  it('names the legacy zones of the regions, once each, in order', () => {
    expect(legacyZoneNames(['westus', 'eastus', 'eastus'], 'AzureCloud')).toEqual(['privatelink.eastus.batch.azure.com', 'privatelink.westus.batch.azure.com']);
    expect(legacyZoneNames(['chinanorth3'], 'AzureChinaCloud')).toEqual(['privatelink.chinanorth3.batch.chinacloudapi.cn']);
  });

  it('builds the HCL of adoption and attribution from references', () => {
    expect(existingRecordExpression('local.r', '"a.eastus"')).toBe('[for r in local.r : r.name if r.name == "a.eastus"]');
    expect(accountLabelsExpression('a')).toBe('["a"]');
    expect(accountLabelsExpression('a', 'local.l.record_name')).toBe('compact(["a", try(split(".", local.l.record_name)[0], "")])');
    expect(keptNamesExpression('a', ['"a.eastus"'])).toBe('compact(["a.eastus"])');
    expect(keptNamesExpression('a', ['"a.eastus"', 'local.l.record_name'], 'local.l.regions'))
      .toBe('compact(concat(["a.eastus", local.l.record_name], [for l in local.l.regions : format("a.%s", l)]))');
    expect(staleRecordsExpression('local.r', '["a"]', '["a.eastus"]'))
      .toBe('[for r in local.r : r if contains(["a"], split(".", r.name)[0]) && !contains(["a.eastus"], r.name)]');
    expect(accountLookupExpression('data.x.output', 'eastus', 'AzureUSGovernment')).toContain('lower(trimsuffix(a.endpoint, ".batch.usgovcloudapi.net"))');
  });
});
