import { batchAccountFqdn, batchAccountRecordName, privateRecordFqdn, recordNameFromFqdn } from '../../lib/rules/dns-records';

describe('dns records', () => {
  it('names the batchAccount record <account>.<region>, normalizing the region', () => {
    expect(batchAccountRecordName('mybatch', 'eastus')).toBe('mybatch.eastus');
    expect(batchAccountRecordName('mybatch', 'East US')).toBe('mybatch.eastus');
  });

  it.each([
    ['AzureCloud', 'mybatch.westeurope.batch.azure.com'],
    ['AzureChinaCloud', 'mybatch.westeurope.batch.chinacloudapi.cn'],
    ['AzureUSGovernment', 'mybatch.westeurope.batch.usgovcloudapi.net'],
  ] as const)('gives the account endpoint FQDN in %s as %s', (cloud, fqdn) => {
    expect(batchAccountFqdn('mybatch', 'West Europe', cloud)).toBe(fqdn);
  });

  it('turns a node management FQDN into <id>.<region>.service', () => {
    expect(recordNameFromFqdn('abc123.eastus.service.batch.azure.com', 'AzureCloud')).toBe('abc123.eastus.service');
  });

  it('turns an account FQDN into <account>.<region> in every cloud', () => {
    expect(recordNameFromFqdn('mybatch.eastus.batch.azure.com', 'AzureCloud')).toBe('mybatch.eastus');
    expect(recordNameFromFqdn('mybatch.chinaeast2.batch.chinacloudapi.cn', 'AzureChinaCloud')).toBe('mybatch.chinaeast2');
    expect(recordNameFromFqdn('x.usgovvirginia.service.batch.usgovcloudapi.net', 'AzureUSGovernment')).toBe('x.usgovvirginia.service');
  });

  it('ignores a trailing dot and letter case in the FQDN', () => {
    expect(recordNameFromFqdn('ABC123.EastUS.Service.Batch.Azure.com.', 'AzureCloud')).toBe('abc123.eastus.service');
  });

  it('throws for an FQDN of another cloud, naming the suffix it needs', () => {
    expect(() => recordNameFromFqdn('mybatch.chinaeast2.batch.chinacloudapi.cn', 'AzureCloud')).toThrow(
      /is not a Batch name in AzureCloud \(it must end in \.batch\.azure\.com\)/,
    );
  });

  it('throws for the bare public suffix and for look-alike names', () => {
    expect(() => recordNameFromFqdn('batch.azure.com', 'AzureCloud')).toThrow(/is not a Batch name/);
    expect(() => recordNameFromFqdn('.batch.azure.com', 'AzureCloud')).toThrow(/is not a Batch name/);
    expect(() => recordNameFromFqdn('mybatch.eastusbatch.azure.com', 'AzureCloud')).toThrow(/is not a Batch name/);
  });

  it('gives the FQDN a record answers for inside the private zone', () => {
    expect(privateRecordFqdn('mybatch.eastus', 'AzureCloud')).toBe('mybatch.eastus.privatelink.batch.azure.com');
    expect(privateRecordFqdn('abc.eastus.service', 'AzureChinaCloud')).toBe('abc.eastus.service.privatelink.batch.chinacloudapi.cn');
    expect(privateRecordFqdn('mybatch.usgovvirginia', 'AzureUSGovernment')).toBe('mybatch.usgovvirginia.privatelink.batch.usgovcloudapi.net');
  });
});
