import { zoneProviderFindings } from '../../lib/guards/rules/zone-providers';
import { CLOUDS, HUB_SUBSCRIPTION, PUBLIC_CLOUD, SUBSCRIPTION, expectEverySetupAccepted, hubZoneId, modelOf, privateSetup } from './stack-json';

describe('providers of records and links in an existing zone', () => {
  it('accept the zone\'s own subscription in every supported setup', () => {
    expectEverySetupAccepted(zoneProviderFindings);
  });

  it.each(PUBLIC_CLOUD)('refuse the stack\'s default provider for a hub zone of another subscription, in $cloud', (cloud) => {
    const setup = privateSetup({ cloud, dns: 'records', hub: true, dataAccount: false });
    delete setup.json.resource.azurerm_private_dns_a_record.dns_account.provider;
    delete setup.json.resource.azurerm_private_dns_zone_virtual_network_link.link.provider;
    expect(zoneProviderFindings(modelOf(setup))).toEqual([
      {
        path: 'azurerm_private_dns_zone_virtual_network_link.link',
        attribute: 'provider',
        value: 'azurerm',
        problem: `writes into zone ${hubZoneId(cloud.zone)} of subscription ${HUB_SUBSCRIPTION} with a provider for subscription ${SUBSCRIPTION}`,
        fix: `pass an azurerm provider with an alias and subscription_id ${HUB_SUBSCRIPTION} (BatchPrivateDnsZone.fromZoneId provider)`,
      },
      expect.objectContaining({ path: 'azurerm_private_dns_a_record.dns_account', value: 'azurerm' }),
    ]);
  });

  it('refuse an aliased provider of a third subscription, naming the alias', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    setup.json.provider.azurerm[1].subscription_id = SUBSCRIPTION.toUpperCase();
    expect(zoneProviderFindings(modelOf(setup)).map((f) => f.value)).toEqual(['azurerm.hub', 'azurerm.hub', 'azurerm.hub']);
    setup.json.provider.azurerm[1].subscription_id = HUB_SUBSCRIPTION.toUpperCase();
    expect(zoneProviderFindings(modelOf(setup))).toEqual([]);
  });

  it('leave a provider whose subscription is known only at apply (ARM_SUBSCRIPTION_ID) alone', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    delete setup.json.provider.azurerm[1].subscription_id;
    expect(zoneProviderFindings(modelOf(setup))).toEqual([]);
    setup.json.provider.azurerm[1].subscription_id = '';
    expect(zoneProviderFindings(modelOf(setup))).toEqual([]);
  });

  it('leave a zone ID without a subscription alone', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    setup.context.existingZoneIds.set('azurerm_private_dns_zone_virtual_network_link.link', 'not-an-id');
    delete setup.json.resource.azurerm_private_dns_zone_virtual_network_link.link.provider;
    expect(zoneProviderFindings(modelOf(setup))).toEqual([]);
  });
});
