import { cloudOf, providerSubscription, sameZone, vnetKey, vnetOfSubnet, zoneOf } from '../../lib/guards/network-view';
import { resourceAt } from '../../lib/guards/stack-model';
import { CLOUDS, SUBSCRIPTION, copyResource, modelOf, privateSetup } from './stack-json';

const VNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-batch/providers/Microsoft.Network/virtualNetworks/vnet-batch`;
const VNET_KEY = VNET_ID.toLowerCase();

describe('network view of a stack', () => {
  it.each(CLOUDS)('tells the cloud from the provider\'s environment: $cloud', ({ cloud, environment }) => {
    const setup = privateSetup({ cloud: CLOUDS.find((c) => c.cloud === cloud)!, dns: 'records', hub: false, dataAccount: false });
    const model = modelOf(setup);
    expect(cloudOf(model, resourceAt(model, 'azurerm_resource_group.rg')!)).toBe(cloud);
    setup.json.provider.azurerm[0].environment = environment.toUpperCase();
    expect(cloudOf(modelOf(setup), resourceAt(model, 'azurerm_resource_group.rg')!)).toBe(cloud);
  });

  it('takes the public cloud when the provider names no environment, and no cloud for an unknown one', () => {
    const setup = privateSetup();
    delete setup.json.provider.azurerm[0].environment;
    const rg = () => resourceAt(modelOf(setup), 'azurerm_resource_group.rg')!;
    expect(cloudOf(modelOf(setup), rg())).toBe('AzureCloud');
    setup.json.provider.azurerm[0].environment = 'germany';
    expect(cloudOf(modelOf(setup), rg())).toBeUndefined();
  });

  it('keys a VNet by its ID in lower case, whether referenced or written out', () => {
    const model = modelOf(privateSetup());
    expect(vnetKey(model, '${azurerm_virtual_network.vnet.id}')).toBe(VNET_KEY);
    expect(vnetKey(model, VNET_ID)).toBe(VNET_KEY);
    expect(vnetKey(model, VNET_ID.toUpperCase())).toBe(VNET_KEY);
  });

  it('keys a VNet by its address when its ID is not known at synth, and knows no key for other values', () => {
    const setup = privateSetup();
    delete setup.json.provider.azurerm[0].subscription_id;
    const model = modelOf(setup);
    expect(vnetKey(model, '${azurerm_virtual_network.vnet.id}')).toBe('azurerm_virtual_network.vnet');
    expect(vnetKey(model, '${azurerm_virtual_network.vnet.name}')).toBeUndefined();
    expect(vnetKey(model, '${azurerm_subnet.pe.id}')).toBeUndefined();
    expect(vnetKey(model, '${azurerm_virtual_network.missing.id}')).toBeUndefined();
    expect(vnetKey(model, `${VNET_ID}/subnets/pe`)).toBeUndefined();
    expect(vnetKey(model, 42)).toBeUndefined();
  });

  it('finds the VNet of a subnet by reference, by the subnet\'s VNet name and group, or by a literal subnet ID', () => {
    const setup = privateSetup();
    const model = () => modelOf(setup);
    expect(vnetOfSubnet(model(), '${azurerm_subnet.pe.id}')).toEqual({ key: VNET_KEY, vnet: resourceAt(model(), 'azurerm_virtual_network.vnet') });
    expect(vnetOfSubnet(model(), `${VNET_ID}/subnets/pe`)).toEqual({ key: VNET_KEY, vnet: resourceAt(model(), 'azurerm_virtual_network.vnet') });
    setup.json.resource.azurerm_subnet.pe.virtual_network_name = 'vnet-batch';
    expect(vnetOfSubnet(model(), '${azurerm_subnet.pe.id}')?.vnet?.address).toBe('azurerm_virtual_network.vnet');
    setup.json.resource.azurerm_subnet.pe.resource_group_name = 'rg-other';
    expect(vnetOfSubnet(model(), '${azurerm_subnet.pe.id}')).toEqual({
      key: `/subscriptions/${SUBSCRIPTION}/resourcegroups/rg-other/providers/microsoft.network/virtualnetworks/vnet-batch`,
    });
  });

  it('knows no VNet for what is no subnet, or a subnet whose VNet cannot be told', () => {
    const setup = privateSetup();
    const model = () => modelOf(setup);
    expect(vnetOfSubnet(model(), 'snet-pe')).toBeUndefined();
    expect(vnetOfSubnet(model(), '${azurerm_virtual_network.vnet.id}')).toBeUndefined();
    expect(vnetOfSubnet(model(), '${azurerm_subnet.missing.id}')).toBeUndefined();
    expect(vnetOfSubnet(model(), `${VNET_ID.replace('vnet-batch', 'elsewhere')}/subnets/pe`)).toEqual({ key: VNET_KEY.replace('vnet-batch', 'elsewhere') });
    setup.json.resource.azurerm_subnet.pe.virtual_network_name = '${var.vnet}';
    expect(vnetOfSubnet(model(), '${azurerm_subnet.pe.id}')).toBeUndefined();
    setup.json.resource.azurerm_subnet.pe.virtual_network_name = 'other';
    delete setup.json.provider.azurerm[0].subscription_id;
    expect(vnetOfSubnet(model(), '${azurerm_subnet.pe.id}')).toBeUndefined();
  });

  it('names a zone by name and group in the subscription of the resource\'s provider, without case or a final dot', () => {
    const setup = privateSetup({ cloud: CLOUDS[0], dns: 'records', hub: true, dataAccount: false });
    setup.json.provider.azurerm[1].subscription_id = setup.json.provider.azurerm[1].subscription_id.toUpperCase();
    const link = copyResource(setup, 'azurerm_private_dns_zone_virtual_network_link', 'link', 'dotted', (c) => { c.private_dns_zone_name = 'PrivateLink.Batch.Azure.Com.'; c.resource_group_name = 'RG-Hub-DNS'; });
    const model = modelOf(setup);
    const zone = zoneOf(model, resourceAt(model, 'azurerm_private_dns_zone_virtual_network_link.dotted')!, link.private_dns_zone_name);
    expect(zone).toEqual({ name: 'privatelink.batch.azure.com', group: 'rg-hub-dns', subscription: '99999999-8888-7777-6666-555555555555' });
    expect(zoneOf(model, resourceAt(model, 'azurerm_private_dns_zone_virtual_network_link.link')!, 'privatelink.batch.azure.com')).toEqual(zone);
  });

  it('names no zone without a known name or group, and no subscription for a provider without one', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_private_dns_zone_virtual_network_link.link.resource_group_name = '${var.group}';
    const model = modelOf(setup);
    const link = resourceAt(model, 'azurerm_private_dns_zone_virtual_network_link.link')!;
    expect(zoneOf(model, link, 'privatelink.batch.azure.com')).toBeUndefined();
    expect(zoneOf(model, resourceAt(model, 'azurerm_private_dns_a_record.dns_account')!, '${var.zone}')).toBeUndefined();
    delete setup.json.provider.azurerm[0].subscription_id;
    const record = resourceAt(modelOf(setup), 'azurerm_private_dns_a_record.dns_account')!;
    expect(zoneOf(modelOf(setup), record, 'z')).toEqual({ name: 'z', group: 'rg-batch', subscription: undefined });
    expect(providerSubscription(modelOf(setup), record)).toBeUndefined();
  });

  it('takes two zone names for one zone when the subscriptions agree or one is unknown', () => {
    const zone = { name: 'z', group: 'g', subscription: 's' };
    expect(sameZone(zone, { ...zone })).toBe(true);
    expect(sameZone(zone, { ...zone, subscription: undefined })).toBe(true);
    expect(sameZone({ ...zone, subscription: undefined }, zone)).toBe(true);
    expect(sameZone(zone, { ...zone, subscription: 't' })).toBe(false);
    expect(sameZone(zone, { ...zone, group: 'h' })).toBe(false);
    expect(sameZone(zone, { ...zone, name: 'y' })).toBe(false);
  });
});
