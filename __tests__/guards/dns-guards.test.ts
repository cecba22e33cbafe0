import { dnsCollisionFindings } from '../../lib/guards/rules/dns-collisions';
import { dnsRecordIpFindings } from '../../lib/guards/rules/dns-record-ips';
import { vnetLinkFindings } from '../../lib/guards/rules/vnet-links';
import { copyResource, expectEverySetupAccepted, modelOf, privateSetup, variantsAlong } from './stack-json';

const PE = 'azurerm_private_endpoint';
const RECORD = 'azurerm_private_dns_a_record';

describe('DNS collisions', () => {
  describe.each(variantsAlong('cloud', 'dns', 'hub', 'dataAccount'))('%s', (_name, variant) => {
    it('refuse a second endpoint of one account and sub-resource whose name lands in the same zone', () => {
      const setup = privateSetup(variant);
      copyResource(setup, PE, 'pe_nodes', 'pe_nodes_2', (c) => { c.name = 'pe-second'; c.custom_network_interface_name = 'pe-second-nic'; });
      if (variant.dns === 'records') {
        copyResource(setup, RECORD, 'dns_nodes', 'dns_nodes_2', (c) => {
          c.name = c.name.replace('pe_nodes', 'pe_nodes_2');
          c.records = ['${azurerm_private_endpoint.pe_nodes_2.private_service_connection[0].private_ip_address}'];
        });
      }
      const zone = `${variant.hub ? 'rg-hub-dns' : 'rg-batch'}/${variant.cloud.zone}`;
      expect(dnsCollisionFindings(modelOf(setup))).toEqual([{
        path: variant.dns === 'records' ? `${RECORD}.dns_nodes_2` : `${PE}.pe_nodes_2`,
        attribute: variant.dns === 'records' ? 'name' : 'private_dns_zone_group',
        value: variant.dns === 'records' ? setup.json.resource[RECORD].dns_nodes_2.name : zone,
        problem: `writes the nodeManagement name of ${setup.account} in zone ${zone}, as ${variant.dns === 'records' ? `${RECORD}.dns_nodes` : `${PE}.pe_nodes`} does; one record would overwrite the other`,
        fix: 'keep one endpoint per account and sub-resource for the VNets that resolve through this zone (peer other VNets to reach it); '
          + 'an endpoint for VNets of their own needs a zone of this name linked to those VNets only, as Azure refuses to link one VNet to two zones of one name',
      }]);
    });
  });

  it('leave names written into zones of other services alone', () => {
    const setup = privateSetup();
    copyResource(setup, RECORD, 'dns_account', 'blob_1', (c) => { c.zone_name = 'privatelink.blob.core.windows.net'; c.name = 'st'; });
    copyResource(setup, RECORD, 'dns_account', 'blob_2', (c) => { c.zone_name = 'privatelink.blob.core.windows.net'; c.name = 'st'; });
    expect(dnsCollisionFindings(modelOf(setup))).toEqual([]);
  });

  it('compare names in zones named only at apply too', () => {
    const setup = privateSetup();
    setup.json.resource[RECORD].dns_account.zone_name = '${var.zone}';
    copyResource(setup, RECORD, 'dns_account', 'again', () => undefined);
    expect(dnsCollisionFindings(modelOf(setup)).map((f) => f.path)).toEqual([`${RECORD}.again`]);
  });
});

describe('record IPs', () => {
  it('accept records that carry their endpoint\'s IP in every supported setup', () => {
    expectEverySetupAccepted(dnsRecordIpFindings);
  });

  it.each(variantsAlong())('refuse a record that carries another IP than its endpoint\'s: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    setup.json.resource[RECORD].dns_account.records = ['10.20.1.99'];
    expect(dnsRecordIpFindings(modelOf(setup))).toEqual([{
      path: `${RECORD}.dns_account`,
      attribute: 'records',
      value: ['10.20.1.99'],
      problem: `the record answers for ${PE}.pe_account but does not carry exactly that endpoint's IP`,
      fix: `set records to the endpoint's static IP or to \${${PE}.pe_account.private_service_connection[0].private_ip_address} (BatchPrivateEndpoint.privateIpAddress)`,
    }]);
  });

  it('name every endpoint a record could answer for, and leave records of no endpoint alone', () => {
    const setup = privateSetup();
    copyResource(setup, PE, 'pe_account', 'pe_account_2', (c) => { c.name = 'pe-2'; delete c.ip_configuration; });
    setup.json.resource[RECORD].dns_account.records = ['10.20.1.99'];
    copyResource(setup, RECORD, 'dns_account', 'unrelated', (c) => { c.name = 'somethingelse'; });
    expect(dnsRecordIpFindings(modelOf(setup)).map((f) => f.problem)).toEqual([
      `the record answers for ${PE}.pe_account or ${PE}.pe_account_2 but does not carry exactly that endpoint's IP`,
    ]);
  });
});

describe('VNet links of the zone', () => {
  it('accept an endpoint VNet linked to its zone in every supported setup', () => {
    expectEverySetupAccepted(vnetLinkFindings);
  });

  it.each(variantsAlong('dns', 'dataAccount'))('refuse an endpoint VNet without a link to the stack\'s zone, once per VNet and zone: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    delete setup.json.resource.azurerm_private_dns_zone_virtual_network_link;
    // A record of an account data source has no endpoint it can be told to write for (the region is unknown).
    expect(vnetLinkFindings(modelOf(setup))).toEqual([{
      path: variant.dataAccount && variant.dns === 'records' ? `${PE}.pe_nodes` : `${PE}.pe_account`,
      attribute: 'subnet_id',
      value: '${azurerm_subnet.pe.id}',
      problem: `the endpoint's VNet azurerm_virtual_network.vnet has no link to zone ${variant.cloud.zone}, so it cannot resolve the endpoint's name`,
      fix: 'link the zone to the VNet (BatchPrivateDnsZone virtualNetworkLinks or linkVirtualNetwork)',
    }]);
  });

  it('accept the link written with the VNet\'s literal ID, and refuse a link to another VNet or zone', () => {
    const setup = privateSetup();
    const link = setup.json.resource.azurerm_private_dns_zone_virtual_network_link.link;
    link.virtual_network_id = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch/providers/Microsoft.Network/virtualNetworks/vnet-batch';
    expect(vnetLinkFindings(modelOf(setup))).toEqual([]);
    link.virtual_network_id = link.virtual_network_id.replace('vnet-batch', 'other');
    expect(vnetLinkFindings(modelOf(setup))).toHaveLength(1);
    link.virtual_network_id = '${azurerm_virtual_network.vnet.id}';
    link.private_dns_zone_name = 'privatelink.blob.core.windows.net';
    expect(vnetLinkFindings(modelOf(setup))).toHaveLength(1);
  });

  it('leave endpoints in subnets of VNets outside the stack, and zones named only at apply, alone', () => {
    const setup = privateSetup();
    delete setup.json.resource.azurerm_private_dns_zone_virtual_network_link;
    setup.json.resource[PE].pe_account.subnet_id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
    setup.json.resource[PE].pe_nodes.subnet_id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s';
    expect(vnetLinkFindings(modelOf(setup))).toEqual([]);
    const named = privateSetup();
    delete named.json.resource.azurerm_private_dns_zone_virtual_network_link;
    for (const record of Object.values<any>(named.json.resource[RECORD])) record.zone_name = '${var.zone}';
    expect(vnetLinkFindings(modelOf(named))).toEqual([]);
  });
});
