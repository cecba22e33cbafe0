import { zoneNameFindings } from '../../lib/guards/rules/zone-names';
import { CLOUDS, copyResource, expectEverySetupAccepted, hubZoneId, modelOf, privateSetup } from './stack-json';

const other = (cloud: string) => CLOUDS.find((c) => c.cloud !== cloud)!;

describe('zone names', () => {
  it('accept the Batch zone of the provider\'s cloud in every supported setup', () => {
    expectEverySetupAccepted(zoneNameFindings);
  });

  describe.each(CLOUDS)('in $cloud', (cloud) => {
    it('refuse a zone the stack creates for another cloud, naming the zone of the provider\'s cloud', () => {
      const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
      const wrong = other(cloud.cloud);
      setup.json.resource.azurerm_private_dns_zone.zone.name = wrong.zone;
      expect(zoneNameFindings(modelOf(setup))).toEqual([{
        path: 'azurerm_private_dns_zone.zone',
        attribute: 'name',
        value: wrong.zone,
        problem: `is ${wrong.zone}, the zone of ${wrong.cloud}, but the endpoints are in ${cloud.cloud}, whose zone is ${cloud.zone}`,
        fix: `use ${cloud.zone} (the provider's environment is ${cloud.environment})`,
      }]);
    });

    it('refuse the legacy regional zone the stack creates, with the migration', () => {
      const setup = privateSetup({ cloud, dns: 'zoneGroup', hub: false, dataAccount: false });
      const legacy = cloud.zone.replace('privatelink.', `privatelink.${cloud.location}.`);
      setup.json.resource.azurerm_private_dns_zone.zone.name = legacy;
      expect(zoneNameFindings(modelOf(setup))).toEqual([expect.objectContaining({
        attribute: 'name', value: legacy, problem: expect.stringMatching(new RegExp(`^is the legacy regional zone ${legacy.replace(/\./g, '\\.')}, which Azure replaced with ${cloud.zone.replace(/\./g, '\\.')}`)),
      })]);
    });

    it('refuse the existing zone of another cloud that records are written into', () => {
      const setup = privateSetup({ cloud, dns: 'records', hub: true, dataAccount: false });
      const wrong = other(cloud.cloud);
      for (const record of Object.values<any>(setup.json.resource.azurerm_private_dns_a_record)) record.zone_name = wrong.zone;
      expect(zoneNameFindings(modelOf(setup)).map((f) => [f.path, f.attribute, f.value])).toEqual([
        ['azurerm_private_dns_a_record.dns_account', 'zone_name', wrong.zone],
        ['azurerm_private_dns_a_record.dns_nodes', 'zone_name', wrong.zone],
      ]);
    });

    it('refuse the existing zone of another cloud that a zone group names', () => {
      const setup = privateSetup({ cloud, dns: 'zoneGroup', hub: true, dataAccount: true });
      const wrong = other(cloud.cloud);
      setup.json.resource.azurerm_private_endpoint.pe_nodes.private_dns_zone_group.private_dns_zone_ids = [hubZoneId(wrong.zone)];
      expect(zoneNameFindings(modelOf(setup))).toEqual([expect.objectContaining({
        path: 'azurerm_private_endpoint.pe_nodes', attribute: 'private_dns_zone_group', value: wrong.zone,
      })]);
    });
  });

  it('report a zone of the stack once, not again for each record written into it', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_zone.zone.name = 'privatelink.eastus.batch.azure.com';
    expect(zoneNameFindings(modelOf(setup)).map((f) => f.path)).toEqual(['azurerm_private_dns_zone.zone']);
  });

  it('still check an existing zone that records are written into when the stack also creates a zone of its own', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    setup.json.resource.azurerm_private_dns_zone = { blob: { name: 'privatelink.blob.core.windows.net', resource_group_name: 'rg' } };
    setup.json.resource.azurerm_private_dns_a_record.dns_account.zone_name = other(CLOUDS[0].cloud).zone;
    expect(zoneNameFindings(modelOf(setup)).map((f) => f.path)).toEqual(['azurerm_private_dns_a_record.dns_account']);
  });

  it('leave zones of other services, zones named only at apply, and records of unknown zones alone', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_zone.zone.name = '${var.zone}';
    copyResource(setup, 'azurerm_private_dns_a_record', 'dns_account', 'blob', (c) => { c.zone_name = 'privatelink.blob.core.windows.net'; });
    setup.json.resource.azurerm_private_dns_zone.blob = { name: 'privatelink.blob.core.windows.net', resource_group_name: 'rg' };
    expect(zoneNameFindings(modelOf(setup))).toEqual([]);
  });

  it('say to use the Batch zone of the provider\'s cloud when that cloud is not known', () => {
    const setup = privateSetup();
    setup.json.provider.azurerm[0].environment = '${var.environment}';
    setup.json.resource.azurerm_private_dns_zone.zone.name = 'privatelink.eastus.batch.azure.com';
    expect(zoneNameFindings(modelOf(setup))).toEqual([expect.objectContaining({ fix: 'use the Batch zone of the provider\'s cloud' })]);
  });
});
