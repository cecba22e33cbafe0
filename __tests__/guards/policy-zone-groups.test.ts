import { policyManagesZoneGroup, policyZoneGroupFindings } from '../../lib/guards/rules/policy-zone-groups';
import { batchEndpoints } from '../../lib/guards/batch-view';
import { PUBLIC_CLOUD, VARIANTS, copyResource, expectEverySetupAccepted, modelOf, privateSetup } from './stack-json';

const PE = 'azurerm_private_endpoint';
const RECORD = 'azurerm_private_dns_a_record';

/** The setup with its batchAccount endpoint's zone group left to Azure Policy (`ignore_changes`, no group of its own). */
function withPolicyEndpoint(variant = VARIANTS[0][1]) {
  const setup = privateSetup(variant);
  const endpoint = setup.json.resource[PE].pe_account;
  endpoint.lifecycle = { ignore_changes: ['private_dns_zone_group'] };
  delete endpoint.private_dns_zone_group;
  return setup;
}

describe('Policy-managed zone groups', () => {
  it('accept a setup without them in every supported setup', () => {
    expectEverySetupAccepted(policyZoneGroupFindings);
  });

  describe.each(PUBLIC_CLOUD)('in $cloud', (cloud) => {
    it('refuse a Terraform-owned record of the name whose record Policy writes', () => {
      const setup = withPolicyEndpoint({ cloud, dns: 'records', hub: false, dataAccount: false });
      expect(policyZoneGroupFindings(modelOf(setup))).toEqual([{
        path: `${RECORD}.dns_account`,
        attribute: 'name',
        value: setup.json.resource[RECORD].dns_account.name,
        problem: `writes contosobatch01.${cloud.location}, whose record Azure Policy writes through the zone group of ${PE}.pe_account (dns.mode policyZoneGroup); Terraform and Policy would overwrite each other's IP`,
        fix: 'let one of them own the name: give this endpoint dns.mode policyZoneGroup too (and drop the record), or give the other endpoint records or zoneGroup and exempt it from the Policy assignment',
      }]);
    });

    it('refuse a zone group of another endpoint that writes the name, in a hub zone too', () => {
      const setup = withPolicyEndpoint({ cloud, dns: 'zoneGroup', hub: true, dataAccount: false });
      copyResource(setup, PE, 'pe_nodes', 'pe_second', (c) => { c.name = 'pe-second'; c.private_service_connection.subresource_names = ['batchAccount']; });
      expect(policyZoneGroupFindings(modelOf(setup)).map((f) => [f.path, f.attribute])).toEqual([[`${PE}.pe_second`, 'private_dns_zone_group']]);
    });

    it('accept the Policy endpoint alone, and its sibling of the other sub-resource', () => {
      const setup = withPolicyEndpoint({ cloud, dns: 'records', hub: false, dataAccount: false });
      delete setup.json.resource[RECORD].dns_account;
      expect(policyZoneGroupFindings(modelOf(setup))).toEqual([]);
    });
  });

  it('tell a Policy-managed endpoint by ignore_changes on private_dns_zone_group only', () => {
    const endpoints = (change: (lifecycle: any) => void) => {
      const setup = privateSetup();
      change(setup.json.resource[PE].pe_account);
      return batchEndpoints(modelOf(setup)).filter(policyManagesZoneGroup).map((e) => e.resource.address);
    };
    expect(endpoints((e) => { e.lifecycle = { ignore_changes: ['tags', 'private_dns_zone_group'] }; })).toEqual([`${PE}.pe_account`]);
    expect(endpoints((e) => { e.lifecycle = { ignore_changes: ['tags'] }; })).toEqual([]);
    expect(endpoints((e) => { e.lifecycle = { ignore_changes: 'all' }; })).toEqual([]);
    expect(endpoints(() => undefined)).toEqual([]);
  });
});
