import {
  A_RECORD_SETS_TYPE, accountLabelsExpression, accountLookupExpression, accountsNamedQuery, aRecordSetId, BATCH_ACCOUNTS_TYPE, canonicalZoneId,
  existingRecordExpression, keptNamesExpression, legacyZonesFoundMessage, legacyZoneNames, legacyZonesExpression, PRIVATE_DNS_API_VERSION,
  PRIVATE_DNS_ZONES_TYPE, recordDeleteCommand, resourceGroupId, staleRecordsExpression, staleRecordsMessage,
  VNET_LINKS_QUERY, VNET_LINKS_TYPE, vnetLinkDeleteCommand, ZONE_RECORDS_QUERY, zoneRecordsExpression, ZONES_QUERY,
} from '../../lib/rules/zone-records';

const ZONE = { subscriptionId: '22222222-2222-2222-2222-222222222222', resourceGroupName: 'rg-hub-dns', zoneName: 'privatelink.batch.azure.com' };
const ZONE_ID = '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com';
const VNETS = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks';

/** A JMESPath projection `value[].{key: path, ...}` as `{ key: path }`: what each item of an ARM list page becomes. */
const projection = (query: string): Record<string, string> => {
  const fields = /^value\[\]\.\{(.*)\}$/.exec(query)?.[1];
  if (fields === undefined) throw new Error(`not a projection of an ARM list page: ${query}`);
  return Object.fromEntries(fields.split(', ').map((field) => field.split(': ')));
};

/** A Terraform template's `%{ for <variable> in <list> }<body>%{ endfor }`, with what comes before and after it. */
const forLoop = (template: string) => {
  const match = /^([^]*)%\{ for ([\w, ]+?) in (\S+) \}([^]*)%\{ endfor \}([^]*)$/.exec(template);
  if (!match) throw new Error(`no %{ for } loop in ${template}`);
  const [, before, variable, list, body, after] = match;
  return { before, variable, list, body, after };
};

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

  it('queries the accounts of one name, with their location and node management endpoint', () => {
    expect(accountsNamedQuery('contosobatch01')).toBe("value[?name=='contosobatch01'].{location: location, endpoint: properties.nodeManagementEndpoint}");
  });

  it.each([
    ["x' || true || '"],
    ["x' || name=='otherbatch"],
    ['ContosoBatch01'],
    ['contoso-batch'],
    [''],
  ])('refuses %p, which is not a Batch account name, before it goes into a JMESPath literal', (name) => {
    expect(() => accountsNamedQuery(name)).toThrow(`not a Batch account name: ${JSON.stringify(name)}`);
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
  });

  it('takes the node management record name off the cloud\'s public suffix of the account\'s endpoint', () => {
    expect(accountLookupExpression('data.x.output', 'eastus', 'AzureUSGovernment')).toContain('lower(trimsuffix(a.endpoint, ".batch.usgovcloudapi.net"))');
  });

  it('looks the account up in its own region, whether Azure writes the location "East US" or "eastus", and lists every other region of its name', () => {
    const lookup = accountLookupExpression('data.x.output', 'eastus', 'AzureCloud');
    const region = 'lower(replace(a.location, " ", ""))';
    expect(lookup).toMatch(/^\{ record_name = try\(one\(\[for a in data\.x\.output\.accounts : /);
    expect(lookup).toContain(`if ${region} == "eastus" && a.endpoint != null]), null)`);
    // Every other region: the account's own `<account>.<region>` record is stale when no endpoint writes it.
    expect(lookup).toContain(`regions = try([for a in data.x.output.accounts : ${region} if ${region} != "eastus"], [])`);
  });

  it('reads a zone\'s records from the list\'s output as { name, ips } with lower-case names, and none when the output holds no list', () => {
    const records = zoneRecordsExpression('data.azapi_resource_list.r.output');
    expect(records).toContain('[for r in data.azapi_resource_list.r.output.records : { name = lower(r.name), ips = r.ips }]');
    expect(records).toMatch(/^try\(.*, \[\]\)$/);
  });
});

describe('the plan-time reads of a healing zone', () => {
  it('list A record sets, zones and VNet links at the private DNS api-version azurerm 4.x uses, the one that returns what azurerm writes', () => {
    expect(PRIVATE_DNS_API_VERSION).toBe('2024-06-01');
    expect([A_RECORD_SETS_TYPE, PRIVATE_DNS_ZONES_TYPE, VNET_LINKS_TYPE]).toEqual([
      'Microsoft.Network/privateDnsZones/A@2024-06-01',
      'Microsoft.Network/privateDnsZones@2024-06-01',
      'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01',
    ]);
  });

  it('list Batch accounts at an api-version that has the nodeManagementEndpoint the account query reads (2022-10-01 or later)', () => {
    const [type, version] = BATCH_ACCOUNTS_TYPE.split('@');
    expect(type).toBe('Microsoft.Batch/batchAccounts');
    expect(version >= '2022-10-01').toBe(true);
    expect(accountsNamedQuery('contosobatch01')).toContain('endpoint: properties.nodeManagementEndpoint');
  });

  it.each([
    ['A record sets (ips [] for a set with no records, not missing)', ZONE_RECORDS_QUERY, { name: 'name', ips: 'properties.aRecords[].ipv4Address || `[]`' }],
    ['zones', ZONES_QUERY, { id: 'id', name: 'name' }],
    ['VNet links (the ID of the linked VNet)', VNET_LINKS_QUERY, { name: 'name', vnet: 'properties.virtualNetwork.id' }],
  ])('shape the list of %s into the fields the HCL expressions and the lifecycle tests\' override_data use', (_what, query, fields) => {
    expect(projection(query)).toEqual(fields);
  });
});

describe('stale records', () => {
  const message = staleRecordsMessage('contosobatch01', ZONE, 'local.stale_records_contosobatch01');

  it('say which account, zone, resource group and subscription hold records no endpoint of the stack writes', () => {
    const { before } = forLoop(message);
    for (const part of ['Batch account contosobatch01', 'private DNS zone privatelink.batch.azure.com', 'resource group rg-hub-dns',
      'subscription 22222222-2222-2222-2222-222222222222', 'no endpoint of this stack writes']) {
      expect(before).toContain(part);
    }
  });

  it('list each stale record with its IPs and the command that deletes it', () => {
    const { variable, list, body } = forLoop(message);
    expect([variable, list]).toEqual(['r', 'local.stale_records_contosobatch01']);
    expect(body).toContain('${r.name} -> ${join(", ", r.ips)}');
    expect(body).toContain(recordDeleteCommand(ZONE, '${r.name}'));
  });

  it('end with the fixes: the commands, after making sure another region\'s record is no other subscription\'s account', () => {
    const { after } = forLoop(message);
    expect(after).toContain('with the commands above');
    expect(after).toContain("another subscription's account named contosobatch01");
    expect(after).toContain('removeStaleRecords on the zone deletes, in the apply, only the records that prove to be this stack\'s');
  });

  it('while the apply removes the provable ones, say the records listed are left alone', () => {
    const { before, after } = forLoop(staleRecordsMessage('contosobatch01', ZONE, 'local.kept', true));
    expect(before).toContain('cannot prove are its own, so it leaves them');
    expect(after).not.toContain('removeStaleRecords');
  });
});

describe('legacy zones', () => {
  it('are found by lower-cased name among the zones of the resource group, keyed by name to their IDs, none when the read holds no list', () => {
    const zones = legacyZonesExpression('data.azapi_resource_list.z.output', ['privatelink.eastus.batch.azure.com', 'privatelink.westus.batch.azure.com']);
    expect(zones).toContain('for z in data.azapi_resource_list.z.output.zones : lower(z.name) => z.id');
    expect(zones).toContain('if contains(["privatelink.eastus.batch.azure.com","privatelink.westus.batch.azure.com"], lower(z.name))');
    expect(zones).toMatch(/^try\(\{.*\}, \{\}\)$/);
  });

  describe('warning', () => {
    const message = legacyZonesFoundMessage(ZONE, 'local.found', [`${VNETS}/vnet-b`, `${VNETS}/vnet-a`, `${VNETS}/vnet-b`]);

    it('says the zone\'s records are never seen through a VNet linked to a legacy zone of its resource group, and names the zone\'s VNets', () => {
      const { before } = forLoop(message);
      expect(before).toMatch(/^Private DNS zone privatelink\.batch\.azure\.com: /);
      expect(before).toContain('resource group rg-hub-dns (subscription 22222222-2222-2222-2222-222222222222) also holds the legacy regional Batch zones');
      expect(before).toContain('never sees the records in privatelink.batch.azure.com');
      expect(before).toContain(`linked to ${VNETS}/vnet-a, ${VNETS}/vnet-b.`);
    });

    it('lists each legacy zone found with the command that lists its links', () => {
      const { variable, list, body } = forLoop(message);
      expect([variable, list]).toEqual(['name, id', 'local.found']);
      expect(body).toContain('az network private-dns link vnet list --subscription 22222222-2222-2222-2222-222222222222 --resource-group rg-hub-dns --zone-name ${name}');
    });

    it('says how to delete a link, and which role a refused read lacks', () => {
      const { after } = forLoop(message);
      expect(after).toContain('Once privatelink.batch.azure.com holds every record those VNets need, delete their legacy links');
      expect(after).toContain('Reader on resource group rg-hub-dns (Microsoft.Network/privateDnsZones/read)');
    });
  });
});
