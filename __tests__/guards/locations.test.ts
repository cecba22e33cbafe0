import { locationFindings } from '../../lib/guards/rules/locations';
import { CLOUDS, expectEverySetupAccepted, modelOf, privateSetup } from './stack-json';

describe('locations', () => {
  it('accept the regions of the provider\'s cloud in every supported setup', () => {
    expectEverySetupAccepted(locationFindings);
  });

  describe.each(CLOUDS)('in $cloud', (cloud) => {
    it('refuse a region of another cloud once, at the first resource, counting the others', () => {
      const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
      const other = cloud.cloud === 'AzureCloud' ? 'chinanorth3' : 'eastus';
      setup.json.resource.azurerm_resource_group.rg.location = other;
      setup.json.resource.azurerm_virtual_network.vnet.location = other;
      setup.json.resource.azurerm_batch_account.acct.location = other;
      const findings = locationFindings(modelOf(setup));
      expect(findings).toEqual([{
        path: 'azurerm_resource_group.rg',
        attribute: 'location',
        value: other,
        problem: expect.stringMatching(new RegExp(`^is a region of \\w+, not of ${cloud.cloud}, the cloud this deploys to .*\\(2 more resources of the stack use it too\\)$`)),
        fix: 'use a region of the provider\'s cloud (its environment decides the cloud)',
      }]);
    });
  });

  it('say "uses" for one other resource, and nothing when there is none', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_resource_group.rg.location = 'US East';
    setup.json.resource.azurerm_virtual_network.vnet.location = 'US East';
    expect(locationFindings(modelOf(setup))[0].problem).toBe(
      'must be an Azure region of AzureCloud such as eastus or "East US", got "US East"; did you mean "East US" (eastus)? (1 more resource of the stack uses it too)',
    );
    setup.json.resource.azurerm_virtual_network.vnet.location = 'eastus';
    expect(locationFindings(modelOf(setup))[0].problem).toMatch(/did you mean "East US" \(eastus\)\?$/);
  });

  it('report each wrong value of its own', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_resource_group.rg.location = 'mars';
    setup.json.resource.azurerm_virtual_network.vnet.location = 'venus';
    expect(locationFindings(modelOf(setup)).map((f) => f.value)).toEqual(['mars', 'venus']);
  });

  it('report one wrong value once per cloud', () => {
    const setup = privateSetup();
    setup.json.provider.azurerm.push({ alias: 'china', features: [{}], environment: 'china' });
    setup.json.resource.azurerm_resource_group.rg.location = 'mars';
    setup.json.resource.azurerm_virtual_network.vnet.location = 'mars';
    setup.json.resource.azurerm_virtual_network.vnet.provider = 'azurerm.china';
    expect(locationFindings(modelOf(setup)).map((f) => f.path)).toEqual(['azurerm_resource_group.rg', 'azurerm_virtual_network.vnet']);
  });

  it('take the cloud from each resource\'s own provider', () => {
    const setup = privateSetup();
    setup.json.provider.azurerm.push({ alias: 'china', features: [{}], environment: 'china' });
    setup.json.resource.azurerm_resource_group.rg.provider = 'azurerm.china';
    expect(locationFindings(modelOf(setup))).toEqual([expect.objectContaining({ path: 'azurerm_resource_group.rg', value: 'eastus' })]);
  });

  it('leave global, references, data sources and a provider whose environment is unknown alone', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_resource_group.rg.location = 'Global';
    setup.json.resource.azurerm_virtual_network.vnet.location = '${azurerm_resource_group.rg.location}';
    setup.json.data = { azurerm_resource_group: { other: { name: 'x', location: 'mars' } } };
    expect(locationFindings(modelOf(setup))).toEqual([]);
    setup.json.provider.azurerm[0].environment = '${var.environment}';
    setup.json.resource.azurerm_batch_account.acct.location = 'chinanorth3';
    expect(locationFindings(modelOf(setup))).toEqual([]);
  });
});
