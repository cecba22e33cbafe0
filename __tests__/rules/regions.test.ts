import { AZURE_CLOUDS } from '../../lib/rules/clouds';
import { AZURE_REGIONS, cloudsOfRegion, regionProblem } from '../../lib/rules/regions';

describe('regions per cloud', () => {
  it('keeps every region under its ARM name, the display name lower-cased without spaces', () => {
    for (const cloud of AZURE_CLOUDS) {
      expect(AZURE_REGIONS[cloud].length).toBeGreaterThan(0);
      for (const region of AZURE_REGIONS[cloud]) expect(region.name).toBe(region.displayName.toLowerCase().replace(/ /g, ''));
    }
  });

  it('lists each region in one cloud only', () => {
    const names = AZURE_CLOUDS.flatMap((cloud) => AZURE_REGIONS[cloud].map((r) => r.name));
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks the regions that need an access request', () => {
    expect(AZURE_REGIONS.AzureCloud.find((r) => r.name === 'francesouth')).toEqual({ name: 'francesouth', displayName: 'France South', restricted: true });
    expect(AZURE_REGIONS.AzureCloud.find((r) => r.name === 'eastus')).toEqual({ name: 'eastus', displayName: 'East US' });
    expect(AZURE_REGIONS.AzureChinaCloud.filter((r) => r.restricted).map((r) => r.name)).toEqual(['chinaeast3']);
  });

  it.each([
    ['eastus', ['AzureCloud']],
    ['East US', ['AzureCloud']],
    ['EASTUS2', ['AzureCloud']],
    ['China North 3', ['AzureChinaCloud']],
    ['usgovvirginia', ['AzureUSGovernment']],
    ['usdodeast', ['AzureUSGovernment']],
    ['US East', []],
    ['global', []],
    ['eastus2euap', []],
  ])('finds %j in %j', (location, clouds) => {
    expect(cloudsOfRegion(location)).toEqual(clouds);
  });

  it.each([
    ['eastus', 'AzureCloud'],
    ['West Europe', 'AzureCloud'],
    ['chinaeast2', 'AzureChinaCloud'],
    ['US Gov Arizona', 'AzureUSGovernment'],
  ] as const)('accepts %j in %s', (location, cloud) => {
    expect(regionProblem(location, cloud)).toBeUndefined();
  });

  it('accepts a region of any cloud when no cloud is given', () => {
    expect(regionProblem('chinanorth3')).toBeUndefined();
    expect(regionProblem('eastus')).toBeUndefined();
  });

  it('refuses a region of another cloud, naming both clouds and the allowed regions', () => {
    expect(regionProblem('eastus', 'AzureChinaCloud')).toBe(
      'is a region of AzureCloud, not of AzureChinaCloud, the cloud this deploys to (its regions: chinaeast, chinaeast2, chinaeast3, chinanorth, chinanorth2, chinanorth3)',
    );
    expect(regionProblem('usgovtexas', 'AzureCloud')).toMatch(/^is a region of AzureUSGovernment, not of AzureCloud, .*\(its regions: australiacentral, /);
  });

  it('refuses a name that is no region, with an example from the cloud', () => {
    expect(regionProblem('mars', 'AzureCloud')).toBe('must be an Azure region of AzureCloud such as eastus or "East US", got "mars"');
    expect(regionProblem('mars', 'AzureChinaCloud')).toBe('must be an Azure region of AzureChinaCloud such as chinanorth3 or "China North 3", got "mars"');
    expect(regionProblem('mars', 'AzureUSGovernment')).toBe('must be an Azure region of AzureUSGovernment such as usgovvirginia or "US Gov Virginia", got "mars"');
    expect(regionProblem('mars')).toBe('must be an Azure region such as eastus or "East US", got "mars"');
  });

  it('suggests the region whose display name has the same words in another order', () => {
    expect(regionProblem('US East', 'AzureCloud')).toBe('must be an Azure region of AzureCloud such as eastus or "East US", got "US East"; did you mean "East US" (eastus)?');
    expect(regionProblem('europe  west')).toMatch(/did you mean "West Europe" \(westeurope\)\?$/);
    expect(regionProblem('US 2 East', 'AzureCloud')).toMatch(/did you mean "East US 2" \(eastus2\)\?$/);
  });

  it('suggests the region for words in another order with spaces around them', () => {
    expect(regionProblem(' US East ', 'AzureCloud')).toMatch(/got " US East "; did you mean "East US" \(eastus\)\?$/);
  });
});
