import { batchEndpoints, dnsWriters } from '../../lib/guards/batch-view';
import { endpointSubResourceFindings } from '../../lib/guards/rules/endpoint-sub-resources';
import { publicNetworkAccessFindings } from '../../lib/guards/rules/public-network-access';
import { vnetLinkFindings } from '../../lib/guards/rules/vnet-links';
import { dataSourcesOfType, referenceOf, resourcesOfType } from '../../lib/guards/stack-model';
import { modelOf, privateSetup, variantsAlong } from './stack-json';

const dataAccount = variantsAlong('dataAccount').filter(([, v]) => v.dataAccount);

describe('data sources', () => {
  it('are read apart from the resources the stack creates', () => {
    const model = modelOf(privateSetup(dataAccount[0][1]));
    expect(resourcesOfType(model, 'azurerm_batch_account')).toEqual([]);
    expect(dataSourcesOfType(model, 'azurerm_batch_account').map((d) => [d.address, d.mode])).toEqual([['data.azurerm_batch_account.acct', 'data']]);
    expect(dataSourcesOfType(model, 'azurerm_private_endpoint')).toEqual([]);
  });

  it('are references like resources', () => {
    expect(referenceOf('${data.azurerm_batch_account.acct.id}')).toEqual({ address: 'data.azurerm_batch_account.acct', attribute: 'id' });
    expect(referenceOf('${azurerm_batch_account.acct.id}')).toEqual({ address: 'azurerm_batch_account.acct', attribute: 'id' });
  });

  describe.each(dataAccount)('%s', (_name, variant) => {
    it('an account data source is never asked to disable public access: it is not created here', () => {
      const setup = privateSetup(variant);
      expect(publicNetworkAccessFindings(modelOf(setup))).toEqual([]);
    });

    it('an endpoint to an account data source is a Batch endpoint, checked as one', () => {
      const setup = privateSetup(variant);
      setup.json.resource.azurerm_private_endpoint.pe_nodes.private_service_connection.subresource_names = ['blob'];
      const model = modelOf(setup);
      expect(batchEndpoints(model).map((e) => [e.resource.address, e.accountKey, e.account?.mode])).toEqual([
        ['azurerm_private_endpoint.pe_account', 'data.azurerm_batch_account.acct', 'data'],
        ['azurerm_private_endpoint.pe_nodes', 'data.azurerm_batch_account.acct', 'data'],
      ]);
      expect(endpointSubResourceFindings(model).map((f) => f.path)).toEqual(['azurerm_private_endpoint.pe_nodes']);
    });
  });

  it('a zone data source is an existing zone: its links are not required', () => {
    const setup = privateSetup();
    setup.json.data = { azurerm_private_dns_zone: { hub: { name: 'privatelink.batch.azure.com', resource_group_name: 'rg-hub' } } };
    delete setup.json.resource.azurerm_private_dns_zone;
    delete setup.json.resource.azurerm_private_dns_zone_virtual_network_link;
    for (const record of Object.values<any>(setup.json.resource.azurerm_private_dns_a_record)) record.zone_name = '${data.azurerm_private_dns_zone.hub.name}';
    const model = modelOf(setup);
    expect(dnsWriters(model).map((w) => [w.zoneName, w.zoneInStack])).toEqual([['privatelink.batch.azure.com', false], ['privatelink.batch.azure.com', false]]);
    expect(vnetLinkFindings(model)).toEqual([]);
  });
});
