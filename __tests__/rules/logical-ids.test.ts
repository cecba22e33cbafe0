import {
  accountLogicalId, accountLookupLogicalId, adoptLogicalId, approverAssignmentLogicalId, approverRoleLogicalId, asgAssociationLogicalId,
  connectionListLogicalId, connectionReadLogicalId, connectionRuleLogicalId, diagnosticSettingLogicalId, dnsRecordLogicalId, endpointKey,
  endpointLogicalId, legacyZonesLogicalId, lockLogicalId, logicalId, outputName, removeStaleLogicalId,
  roleAssignmentLogicalId, staleRecordsLogicalId, vnetLinkLogicalId, zoneLogicalId, zoneRecordsLogicalId,
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

  it.each([
    ['an endpoint', 'pe', 'pe_pe', endpointLogicalId],
    ['an endpoint', 'pe_', 'pe_pe', endpointLogicalId],
    ['a VNet link', 'link', 'link_link', vnetLinkLogicalId],
    ['a VNet link', 'link_', 'link_link', vnetLinkLogicalId],
  ])('keep the name of %s that is only the prefix, with or without a separator: %p gives %p', (_what, name, expected, id) => {
    expect(id(name)).toBe(expected);
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

describe('logical IDs of what a healing zone reads, imports, checks and deletes', () => {
  it.each([
    ['the read of a zone\'s records', 'zone_records_privatelink_batch_azure_com', () => zoneRecordsLogicalId('privatelink.batch.azure.com')],
    ['the records a record adopts', 'adopt_dns_contosobatch01_batchaccount', () => adoptLogicalId('dns_contosobatch01_batchaccount')],
    ['the lookup of an account', 'account_lookup_contosobatch01', () => accountLookupLogicalId('contosobatch01')],
    ['the stale records of an account', 'stale_records_contosobatch01', () => staleRecordsLogicalId('contosobatch01')],
    ['the deletes of those records', 'remove_stale_contosobatch01', () => removeStaleLogicalId('contosobatch01')],
    ['the read of the zones beside a zone', 'legacy_zones_privatelink_batch_azure_com', () => legacyZonesLogicalId('privatelink.batch.azure.com')],
  ])('name %s after what it belongs to, with a prefix of its own: %s', (_what, expected, id) => {
    expect(id()).toBe(expected);
  });
});

describe('logical IDs of connection rules and approvers', () => {
  it.each([
    ['what a connection rule makes, after its action, account and key', 'approve_contosobatch01_hub_pe', () => connectionRuleLogicalId('approve', 'contosobatch01', 'hub-pe')],
    ['an account\'s connection list, after the account', 'connections_contosobatch01', () => connectionListLogicalId('contosobatch01')],
    ['the read of one connection, after its account and connection name', 'connection_contosobatch01_pe_hub_2f1c', () => connectionReadLogicalId('contosobatch01', 'pe-hub.2f1c')],
    ['an account\'s approver role, after the account', 'approver_role_contosobatch01', () => approverRoleLogicalId('contosobatch01')],
    ['a principal\'s approver assignment, after its account and key', 'approver_contosobatch01_ops_team', () => approverAssignmentLogicalId('contosobatch01', 'ops-team')],
  ])('name %s: %s', (_what, expected, id) => {
    expect(id()).toBe(expected);
  });
});
