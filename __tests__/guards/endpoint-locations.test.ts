import { endpointLocationFindings } from '../../lib/guards/rules/endpoint-locations';
import { PUBLIC_CLOUD, SUBSCRIPTION, expectEverySetupAccepted, modelOf, privateSetup } from './stack-json';

describe('endpoint locations', () => {
  it('accept endpoints in their VNet\'s region in every supported setup', () => {
    expectEverySetupAccepted(endpointLocationFindings);
  });

  describe.each(PUBLIC_CLOUD)('in $cloud', (cloud) => {
    it('refuse an endpoint in another region than its VNet, e.g. its account\'s', () => {
      const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
      setup.json.resource.azurerm_private_endpoint.pe_nodes.location = 'elsewhere';
      expect(endpointLocationFindings(modelOf(setup))).toEqual([{
        path: 'azurerm_private_endpoint.pe_nodes',
        attribute: 'location',
        value: 'elsewhere',
        problem: `the endpoint's VNet azurerm_virtual_network.vnet is in ${cloud.location}, and Azure creates an endpoint in its VNet's region`,
        fix: `set the endpoint's location to ${cloud.location} (BatchPrivateEndpoint takes it from subnet.location when given)`,
      }]);
    });
  });

  it('compare regions as azurerm normalizes them', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_virtual_network.vnet.location = 'East US';
    expect(endpointLocationFindings(modelOf(setup))).toEqual([]);
  });

  it('follow a reference to the location', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_endpoint.pe_nodes.location = '${azurerm_resource_group.rg.location}';
    setup.json.resource.azurerm_resource_group.rg.location = 'westeurope';
    expect(endpointLocationFindings(modelOf(setup))).toHaveLength(1);
  });

  it('find the VNet of a subnet given by literal ID', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_endpoint.pe_nodes.subnet_id =
      `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-batch/providers/Microsoft.Network/virtualNetworks/vnet-batch/subnets/snet-pe`;
    setup.json.resource.azurerm_virtual_network.vnet.resource_group_name = 'rg-batch';
    setup.json.resource.azurerm_private_endpoint.pe_nodes.location = 'westus';
    expect(endpointLocationFindings(modelOf(setup))).toHaveLength(1);
  });

  it('leave an endpoint whose VNet or location is not known at synth alone', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_endpoint.pe_nodes.subnet_id = '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other/subnets/s';
    setup.json.resource.azurerm_private_endpoint.pe_nodes.location = 'westus';
    setup.json.resource.azurerm_private_endpoint.pe_account.location = '${var.location}';
    expect(endpointLocationFindings(modelOf(setup))).toEqual([]);
    setup.json.resource.azurerm_virtual_network.vnet.location = '${var.location}';
    setup.json.resource.azurerm_private_endpoint.pe_account.location = 'westus';
    expect(endpointLocationFindings(modelOf(setup))).toEqual([]);
  });
});
