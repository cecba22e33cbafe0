import {
  accountLogicalId, asgAssociationLogicalId, diagnosticSettingLogicalId, dnsRecordLogicalId, endpointKey, endpointLogicalId, lockLogicalId,
  logicalId, outputName, roleAssignmentLogicalId, vnetLinkLogicalId, zoneLogicalId,
} from '../../lib/rules/logical-ids';

describe('logical IDs', () => {
  it('join words in lower case with underscores, whatever separated them', () => {
    expect(logicalId('pe', 'contosobatch01', 'batchAccount')).toBe('pe_contosobatch01_batchaccount');
    expect(logicalId('zone', 'privatelink.batch.azure.com')).toBe('zone_privatelink_batch_azure_com');
    expect(logicalId('--a--', 'B..C', '')).toBe('a_b_c');
  });

  it('never start with a digit, which Terraform refuses in a name', () => {
    expect(logicalId('01batch')).toBe('_01batch');
  });

  it('refuse words with no letter or digit at all', () => {
    expect(() => logicalId('', '--')).toThrow(/no letters or digits/);
  });

  it('name an account batch_<account>', () => {
    expect(accountLogicalId('contosobatch01')).toBe('batch_contosobatch01');
  });

  it('name an endpoint and its record after the endpoint name, without doubling the pe prefix', () => {
    expect(endpointKey('pe-contosobatch01-batchaccount')).toBe('contosobatch01_batchaccount');
    expect(endpointLogicalId('pe-contosobatch01-batchaccount')).toBe('pe_contosobatch01_batchaccount');
    expect(dnsRecordLogicalId('pe-contosobatch01-batchaccount')).toBe('dns_contosobatch01_batchaccount');
    expect(endpointLogicalId('PE_Analytics.01')).toBe('pe_analytics_01');
    expect(endpointLogicalId('analytics-endpoint')).toBe('pe_analytics_endpoint');
    expect(endpointLogicalId('people')).toBe('pe_people');
  });

  it('keep a name that is only the prefix', () => {
    expect(endpointLogicalId('pe')).toBe('pe_pe');
    expect(vnetLinkLogicalId('link')).toBe('link_link');
  });

  it('name a zone after its zone name and a link after its link name', () => {
    expect(zoneLogicalId('privatelink.batch.chinacloudapi.cn')).toBe('zone_privatelink_batch_chinacloudapi_cn');
    expect(vnetLinkLogicalId('link-vnet-batch-eastus')).toBe('link_vnet_batch_eastus');
    expect(vnetLinkLogicalId('hub-link')).toBe('link_hub_link');
  });

  it('name outputs by what they hold', () => {
    expect(outputName('contosobatch01', 'endpoint_ips')).toBe('contosobatch01_endpoint_ips');
  });
});

describe('logical IDs of the AVM-style interfaces', () => {
  it('name a lock after what it locks', () => {
    expect(lockLogicalId('contosobatch01')).toBe('lock_contosobatch01');
    expect(lockLogicalId(endpointKey('pe-contosobatch01-batchaccount'))).toBe('lock_contosobatch01_batchaccount');
  });

  it('name a role assignment after its scope and its key', () => {
    expect(roleAssignmentLogicalId('contosobatch01', 'job-submitters')).toBe('role_contosobatch01_job_submitters');
  });

  it('name a diagnostic setting after its account and its name', () => {
    expect(diagnosticSettingLogicalId('contosobatch01', 'to-workspace')).toBe('diag_contosobatch01_to_workspace');
  });

  it('name an ASG association after its endpoint and the group, or its position', () => {
    expect(asgAssociationLogicalId('contosobatch01_batchaccount', 'asg-batch')).toBe('asg_contosobatch01_batchaccount_asg_batch');
    expect(asgAssociationLogicalId('contosobatch01_batchaccount', 0)).toBe('asg_contosobatch01_batchaccount_0');
  });
});
