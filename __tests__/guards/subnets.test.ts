import { subnetFindings } from '../../lib/guards/rules/subnets';
import { PUBLIC_CLOUD, copyResource, expectEverySetupAccepted, modelOf, privateSetup } from './stack-json';

const SUBNET = 'azurerm_subnet.pe';

describe('subnets', () => {
  it('accept a /24 with two endpoints in every supported setup', () => {
    expectEverySetupAccepted(subnetFindings);
  });

  it.each(PUBLIC_CLOUD)('refuse a prefix with host bits set, in $cloud', (cloud) => {
    const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
    setup.json.resource.azurerm_subnet.pe.address_prefixes = ['10.20.1.10/24', '10.20.2.0/24'];
    expect(subnetFindings(modelOf(setup))).toEqual([{
      path: SUBNET,
      attribute: 'address_prefixes',
      value: ['10.20.1.10/24', '10.20.2.0/24'],
      problem: '10.20.1.10/24 has host bits set: the subnet is 10.20.1.0/24, got 10.20.1.10/24',
      fix: 'write the network address and its length, /29 or larger, e.g. 10.20.1.0/24',
    }]);
  });

  it('refuse a prefix smaller than /29', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_subnet.pe.address_prefixes = ['10.20.1.0/30'];
    expect(subnetFindings(modelOf(setup)).map((f) => f.problem)).toEqual(['10.20.1.0/30 must be /29 or larger (the smallest subnet Azure creates), got 10.20.1.0/30']);
  });

  it('refuse more endpoints than the subnet has usable addresses', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_subnet.pe.address_prefixes = ['10.20.1.0/29'];
    copyResource(setup, 'azurerm_private_endpoint', 'pe_nodes', 'third', (c) => { c.name = 'third'; });
    expect(subnetFindings(modelOf(setup))).toEqual([]);
    copyResource(setup, 'azurerm_private_endpoint', 'pe_nodes', 'fourth', (c) => { c.name = 'fourth'; });
    copyResource(setup, 'azurerm_private_endpoint', 'pe_nodes', 'elsewhere', (c) => { c.subnet_id = '${azurerm_subnet.other.id}'; });
    expect(subnetFindings(modelOf(setup))).toEqual([{
      path: SUBNET,
      attribute: 'address_prefixes',
      value: ['10.20.1.0/29'],
      problem: 'has 3 usable addresses (Azure reserves 5 of every subnet) for 4 private endpoints, one address each',
      fix: 'make the subnet larger, or put some endpoints in another subnet',
    }]);
  });

  it('count every prefix of the subnet', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_subnet.pe.address_prefixes = ['10.20.1.0/29', '10.20.2.0/29'];
    for (const n of [3, 4, 5, 6]) copyResource(setup, 'azurerm_private_endpoint', 'pe_nodes', `pe${n}`, (c) => { c.name = `pe${n}`; });
    expect(subnetFindings(modelOf(setup))).toEqual([]);
  });

  it('leave prefixes known only at apply alone, and data sources', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_subnet.pe.address_prefixes = ['${var.prefix}'];
    copyResource(setup, 'azurerm_subnet', 'pe', 'none', (c) => { delete c.address_prefixes; });
    copyResource(setup, 'azurerm_subnet', 'pe', 'token', (c) => { c.address_prefixes = '${var.prefixes}'; });
    setup.json.data = { azurerm_subnet: { read: { name: 'x', address_prefixes: ['10.0.0.1/24'] } } };
    expect(subnetFindings(modelOf(setup))).toEqual([]);
  });
});
