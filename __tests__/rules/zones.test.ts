import { existingZoneProblem } from '../../lib/rules/zones';

describe('existing zones', () => {
  it.each([
    ['privatelink.batch.azure.com', 'AzureCloud'],
    ['privatelink.batch.chinacloudapi.cn', 'AzureChinaCloud'],
    ['privatelink.batch.usgovcloudapi.net', 'AzureUSGovernment'],
  ] as const)('accepts %s for %s', (zone, cloud) => {
    expect(existingZoneProblem(zone, cloud)).toBeUndefined();
  });

  it('accepts any cloud Batch zone when no cloud is given', () => {
    expect(existingZoneProblem('privatelink.batch.chinacloudapi.cn')).toBeUndefined();
    expect(existingZoneProblem('PrivateLink.Batch.Azure.com.')).toBeUndefined();
  });

  it('refuses a legacy regional zone and explains the migration to the new zone', () => {
    const problem = existingZoneProblem('privatelink.eastus.batch.azure.com', 'AzureCloud');
    expect(problem).toMatch(/legacy regional zone privatelink\.eastus\.batch\.azure\.com/);
    expect(problem).toMatch(/replaced with privatelink\.batch\.azure\.com/);
    expect(problem).toMatch(/create the new zone, link it to the same VNets, then unlink the legacy zone/);
  });

  it('points a legacy zone of another cloud at that cloud new zone', () => {
    expect(existingZoneProblem('privatelink.chinaeast2.batch.chinacloudapi.cn')).toMatch(/replaced with privatelink\.batch\.chinacloudapi\.cn/);
    expect(existingZoneProblem('privatelink.usgovvirginia.batch.usgovcloudapi.net')).toMatch(/replaced with privatelink\.batch\.usgovcloudapi\.net/);
  });

  it('refuses a zone that is not a Batch zone, listing the Batch zones', () => {
    expect(existingZoneProblem('privatelink.blob.core.windows.net', 'AzureCloud')).toBe(
      'must name a Batch private DNS zone (privatelink.batch.azure.com, privatelink.batch.chinacloudapi.cn or privatelink.batch.usgovcloudapi.net), got privatelink.blob.core.windows.net',
    );
  });

  it('refuses the Batch zone of another cloud, naming both clouds and the right zone', () => {
    expect(existingZoneProblem('privatelink.batch.azure.com', 'AzureChinaCloud')).toBe(
      'names privatelink.batch.azure.com, the zone of AzureCloud, but the endpoints are in AzureChinaCloud, whose zone is privatelink.batch.chinacloudapi.cn',
    );
  });
});
