import { batchEndpoints, dnsWriters, subscriptionOfResource } from '../../lib/guards/batch-view';
import { resourceAt } from '../../lib/guards/stack-model';
import { CLOUDS, HUB_SUBSCRIPTION, SUBSCRIPTION, copyResource, hubZoneId, modelOf, privateSetup, variantsAlong } from './stack-json';

const PE = 'azurerm_private_endpoint';
const ACCOUNT_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/other`;

describe('the Batch endpoints of a stack', () => {
  it.each(variantsAlong('cloud', 'dns', 'hub', 'dataAccount'))('are the endpoints to the account, each with its sub-resource and the IPs a record may carry: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    const endpoints = batchEndpoints(modelOf(setup));
    expect(endpoints.map((e) => [e.resource.address, e.accountKey, e.subResource, e.subResourceNames])).toEqual([
      [`${PE}.pe_account`, setup.account, 'batchAccount', ['batchAccount']],
      [`${PE}.pe_nodes`, setup.account, 'nodeManagement', ['nodeManagement']],
    ]);
    expect([...endpoints[0].acceptedIps]).toEqual([
      `\${${PE}.pe_account.private_service_connection[0].private_ip_address}`,
      `\${${PE}.pe_account.custom_dns_configs[0].ip_addresses[0]}`,
      '10.20.1.10',
    ]);
    expect([...endpoints[1].acceptedIps]).toHaveLength(2);
  });

  it('include an endpoint to a literal account ID, keyed by the ID in lower case', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_nodes', 'by_id', (c) => { c.private_service_connection.private_connection_resource_id = ACCOUNT_ID; });
    const endpoint = batchEndpoints(modelOf(setup)).find((e) => e.resource.address === `${PE}.by_id`)!;
    expect(endpoint.accountKey).toBe(ACCOUNT_ID.toLowerCase());
    expect(endpoint.account).toBeUndefined();
  });

  it('leave out endpoints to other services, to another attribute of an account, or without a connection', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_nodes', 'blob', (c) => { c.private_service_connection.private_connection_resource_id = ACCOUNT_ID.replace('Microsoft.Batch/batchAccounts', 'Microsoft.Storage/storageAccounts'); });
    copyResource(setup, PE, 'pe_nodes', 'vnet', (c) => { c.private_service_connection.private_connection_resource_id = '${azurerm_virtual_network.vnet.id}'; });
    copyResource(setup, PE, 'pe_nodes', 'name_ref', (c) => { c.private_service_connection.private_connection_resource_id = '${azurerm_batch_account.acct.name}'; });
    copyResource(setup, PE, 'pe_nodes', 'by_var', (c) => { c.private_service_connection.private_connection_resource_id = '${var.account}'; });
    copyResource(setup, PE, 'pe_nodes', 'nested', (c) => { c.private_service_connection.private_connection_resource_id = `${ACCOUNT_ID}/pools/p`; });
    copyResource(setup, PE, 'pe_nodes', 'none', (c) => { delete c.private_service_connection; });
    expect(batchEndpoints(modelOf(setup)).map((e) => e.resource.address)).toEqual([`${PE}.pe_account`, `${PE}.pe_nodes`]);
  });

  it('have no one sub-resource when there are several, none, or one known only at apply', () => {
    const setup = privateSetup();
    const names = { two: ['batchAccount', 'nodeManagement'], empty: [], token: ['${var.sub}'], single: 'batchAccount' };
    for (const [id, value] of Object.entries(names)) copyResource(setup, PE, 'pe_nodes', id, (c) => { c.private_service_connection.subresource_names = value; });
    expect(batchEndpoints(modelOf(setup)).slice(2).map((e) => e.subResource)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('take their static IPs from every IP configuration, leaving out IPs known only at apply', () => {
    const setup = privateSetup();
    setup.json.resource[PE].pe_nodes.ip_configuration = { name: 'ip', private_ip_address: '10.20.1.11' };
    copyResource(setup, PE, 'pe_nodes', 'by_var', (c) => { c.ip_configuration = [{ private_ip_address: '${var.ip}' }, { private_ip_address: '10.20.1.12' }]; });
    const [, nodes, byVar] = batchEndpoints(modelOf(setup));
    expect([...nodes.acceptedIps][2]).toBe('10.20.1.11');
    expect([...byVar.acceptedIps].slice(2)).toEqual(['10.20.1.12']);
  });
});

describe('the subscription of a resource', () => {
  it('is the literal ID\'s, else its provider\'s when that names one', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    const model = modelOf(setup);
    const record = resourceAt(model, 'azurerm_private_dns_a_record.dns_account')!;
    expect(subscriptionOfResource(model, record, hubZoneId('z'))).toBe(HUB_SUBSCRIPTION);
    expect(subscriptionOfResource(model, record, undefined)).toBe(HUB_SUBSCRIPTION);
    expect(subscriptionOfResource(model, resourceAt(model, `${PE}.pe_account`)!, '${azurerm_subnet.pe.id}')).toBe(SUBSCRIPTION);
    setup.json.provider.azurerm[0].subscription_id = '${var.subscription}';
    expect(subscriptionOfResource(modelOf(setup), resourceAt(model, `${PE}.pe_account`)!, undefined)).toBeUndefined();
  });
});

describe('what writes an endpoint\'s name into a zone', () => {
  it.each(variantsAlong('cloud', 'dns', 'hub', 'dataAccount'))('is one record or zone group per endpoint, in its zone: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    const writers = dnsWriters(modelOf(setup));
    const zoneKey = `${variant.hub ? 'rg-hub-dns' : 'rg-batch'}/${variant.cloud.zone}`;
    const accountName = variant.dataAccount ? `the batchAccount name of ${setup.account}` : `contosobatch01.${variant.cloud.location}`;
    expect(writers.map((w) => [w.kind, w.zoneName, w.zoneKey, w.zoneInStack, w.nameKey, w.endpoint?.resource.address])).toEqual([
      [variant.dns === 'records' ? 'record' : 'zoneGroup', variant.cloud.zone, zoneKey, !variant.hub,
        variant.dns === 'records' ? `contosobatch01.${variant.cloud.location}` : accountName,
        variant.dns === 'records' && variant.dataAccount ? undefined : `${PE}.pe_account`],
      [variant.dns === 'records' ? 'record' : 'zoneGroup', variant.cloud.zone, zoneKey, !variant.hub, `the nodeManagement name of ${setup.account}`, `${PE}.pe_nodes`],
    ]);
  });

  it('finds a record\'s endpoint by the IP it carries among the endpoints its name could be', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_a_record.dns_account.records = ['${azurerm_private_endpoint.pe_account.custom_dns_configs[0].ip_addresses[0]}'];
    setup.json.resource.azurerm_private_dns_a_record.dns_nodes.records = ['10.20.1.10'];
    const [account, nodes] = dnsWriters(modelOf(setup));
    expect(account.endpoint?.resource.address).toBe(`${PE}.pe_account`);
    expect(nodes.endpoint).toBeUndefined();
    expect(nodes.candidates.map((e) => e.resource.address)).toEqual([`${PE}.pe_nodes`]);
  });

  it('takes no endpoint for a record that carries nothing, or more than the endpoint\'s IP', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_a_record.dns_account.records = [];
    setup.json.resource.azurerm_private_dns_a_record.dns_nodes.records = ['${azurerm_private_endpoint.pe_nodes.private_service_connection[0].private_ip_address}', '10.20.1.99'];
    copyResource(setup, 'azurerm_private_dns_a_record', 'dns_account', 'single', (c) => { c.records = '10.20.1.10'; });
    copyResource(setup, 'azurerm_private_dns_a_record', 'dns_account', 'number', (c) => { c.records = [10]; });
    expect(dnsWriters(modelOf(setup)).map((w) => w.endpoint?.resource.address)).toEqual([undefined, undefined, `${PE}.pe_account`, undefined]);
  });

  it('names a record by its literal name in lower case, or by the endpoint it refers to, or by its expression', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_a_record.dns_account.name = 'ContosoBatch01.EastUS';
    copyResource(setup, 'azurerm_private_dns_a_record', 'dns_nodes', 'elsewhere', (c) => { c.name = '${var.name}'; });
    copyResource(setup, 'azurerm_private_dns_a_record', 'dns_account', 'stranger', (c) => { c.name = 'other.eastus'; });
    expect(dnsWriters(modelOf(setup)).map((w) => [w.nameKey, w.candidates.length])).toEqual([
      ['contosobatch01.eastus', 1],
      ['the nodeManagement name of azurerm_batch_account.acct', 1],
      ['${var.name}', 0],
      ['other.eastus', 0],
    ]);
  });

  it('tells a zone by name and group, literal or referenced, and its key when they are not known', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_a_record.dns_account.zone_name = '${var.zone}';
    setup.json.resource.azurerm_private_dns_a_record.dns_account.resource_group_name = '${var.group}';
    setup.json.resource.azurerm_private_dns_a_record.dns_nodes.resource_group_name = 'RG-Other';
    const [account, nodes] = dnsWriters(modelOf(setup));
    expect([account.zoneName, account.zoneKey, account.zoneInStack]).toEqual([undefined, '${var.group}/${var.zone}', false]);
    expect([nodes.zoneName, nodes.zoneKey, nodes.zoneInStack]).toEqual(['privatelink.batch.azure.com', 'rg-other/privatelink.batch.azure.com', true]);
  });

  it('reads a zone group\'s zone from a literal zone ID, or from a zone the stack creates, one writer per zone ID', () => {
    const setup = privateSetup({ cloud: CLOUDS[1], dns: 'zoneGroup', hub: false, dataAccount: false });
    setup.json.resource[PE].pe_nodes.private_dns_zone_group = [{ name: 'batch', private_dns_zone_ids: hubZoneId('privatelink.batch.chinacloudapi.cn') }];
    setup.json.resource[PE].pe_account.private_dns_zone_group.private_dns_zone_ids.push('${var.zone_id}');
    expect(dnsWriters(modelOf(setup)).map((w) => [w.resource.address, w.zoneName, w.zoneKey, w.zoneInStack])).toEqual([
      [`${PE}.pe_account`, 'privatelink.batch.chinacloudapi.cn', 'rg-batch/privatelink.batch.chinacloudapi.cn', true],
      [`${PE}.pe_account`, undefined, '/${var.zone_id}', false],
      [`${PE}.pe_nodes`, 'privatelink.batch.chinacloudapi.cn', 'rg-hub-dns/privatelink.batch.chinacloudapi.cn', false],
    ]);
  });
});
