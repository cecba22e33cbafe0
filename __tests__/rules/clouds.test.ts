import {
  AZURE_CLOUDS,
  azurermEnvironment,
  batchPrivateDnsZoneName,
  batchPublicSuffix,
  cloudOfBatchZone,
  isAzureCloud,
  legacyZoneRegion,
} from '../../lib/rules/clouds';

describe('clouds', () => {
  it('knows the three clouds that host Batch private link, by their az cloud names', () => {
    expect([...AZURE_CLOUDS]).toEqual(['AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment']);
    expect(isAzureCloud('AzureCloud')).toBe(true);
    expect(isAzureCloud('azurecloud')).toBe(false);
    expect(isAzureCloud('AzureGermanCloud')).toBe(false);
  });

  it.each([
    ['AzureCloud', 'batch.azure.com', 'privatelink.batch.azure.com'],
    ['AzureChinaCloud', 'batch.chinacloudapi.cn', 'privatelink.batch.chinacloudapi.cn'],
    ['AzureUSGovernment', 'batch.usgovcloudapi.net', 'privatelink.batch.usgovcloudapi.net'],
  ] as const)('gives %s the public suffix %s and the private zone %s', (cloud, suffix, zone) => {
    expect(batchPublicSuffix(cloud)).toBe(suffix);
    expect(batchPrivateDnsZoneName(cloud)).toBe(zone);
  });

  it.each([
    ['privatelink.batch.azure.com', 'AzureCloud'],
    ['privatelink.batch.chinacloudapi.cn', 'AzureChinaCloud'],
    ['privatelink.batch.usgovcloudapi.net', 'AzureUSGovernment'],
  ] as const)('tells that %s is the Batch zone of %s', (zone, cloud) => {
    expect(cloudOfBatchZone(zone)).toBe(cloud);
  });

  it('reads a Batch zone name case-insensitively and with a trailing dot', () => {
    expect(cloudOfBatchZone('PrivateLink.Batch.Azure.COM')).toBe('AzureCloud');
    expect(cloudOfBatchZone('privatelink.batch.usgovcloudapi.net.')).toBe('AzureUSGovernment');
  });

  it('returns no cloud for zones that are not a Batch zone, legacy regional zones included', () => {
    expect(cloudOfBatchZone('privatelink.blob.core.windows.net')).toBeUndefined();
    expect(cloudOfBatchZone('batch.azure.com')).toBeUndefined();
    expect(cloudOfBatchZone('privatelink.eastus.batch.azure.com')).toBeUndefined();
  });

  it.each([
    ['privatelink.eastus.batch.azure.com', 'eastus'],
    ['privatelink.westeurope2.batch.azure.com', 'westeurope2'],
    ['privatelink.chinaeast2.batch.chinacloudapi.cn', 'chinaeast2'],
    ['privatelink.usgovvirginia.batch.usgovcloudapi.net', 'usgovvirginia'],
    ['PrivateLink.EastUS.Batch.Azure.com.', 'eastus'],
  ])('finds the region of the legacy regional zone %s', (zone, region) => {
    expect(legacyZoneRegion(zone)).toBe(region);
  });

  it.each([
    'privatelink.batch.azure.com',
    'privatelink.batch.chinacloudapi.cn',
    'privatelink.eastus.blob.core.windows.net',
    'eastus.batch.azure.com',
    'privatelink.east.us.batch.azure.com',
  ])('does not take %s for a legacy regional zone', (zone) => {
    expect(legacyZoneRegion(zone)).toBeUndefined();
  });

  it.each([
    ['AzureCloud', 'public'],
    ['AzureChinaCloud', 'china'],
    ['AzureUSGovernment', 'usgovernment'],
  ] as const)('gives the azurerm provider environment of %s as %s', (cloud, environment) => {
    expect(azurermEnvironment(cloud)).toBe(environment);
  });
});
