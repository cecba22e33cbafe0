import { crossStackVnetLinkFindings, uniqueVnetLinkFindings } from '../../lib/guards/rules/unique-vnet-links';
import { HUB_ZONE_GROUP, PUBLIC_CLOUD, SUBSCRIPTION, copyResource, expectEverySetupAccepted, modelOf, privateSetup, variantsAlong } from './stack-json';

const LINK = 'azurerm_private_dns_zone_virtual_network_link';
const vnetId = (group = 'rg-batch', name = 'vnet-batch') =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}`;

describe('VNet links', () => {
  it('accept one link per VNet and zone in every supported setup', () => {
    expectEverySetupAccepted(uniqueVnetLinkFindings);
  });

  describe.each(variantsAlong('hub'))('%s', (_name, variant) => {
    it('refuse the endpoint VNet linked again by its literal ID, e.g. listed among the linked VNets', () => {
      const setup = privateSetup(variant);
      const zoneGroup = setup.json.resource[LINK].link.resource_group_name;
      copyResource(setup, LINK, 'link', 'again', (c) => { c.name = 'link-again'; c.virtual_network_id = vnetId().replace('vnet-batch', 'VNET-BATCH'); });
      expect(uniqueVnetLinkFindings(modelOf(setup))).toEqual([{
        path: `${LINK}.again`,
        attribute: 'virtual_network_id',
        value: vnetId().replace('vnet-batch', 'VNET-BATCH'),
        problem: `${LINK}.link links this VNet to zone ${variant.hub ? 'rg-hub-dns' : 'rg-batch'}/${variant.cloud.zone} already; Azure links a VNet to a zone once`,
        fix: 'remove one of the two links (the VNet that hosts the endpoints is linked already: do not list it among the linked VNets)',
      }]);
      expect(zoneGroup).toBeDefined();
    });

    it('refuse a second link of one name in a zone', () => {
      const setup = privateSetup(variant);
      copyResource(setup, LINK, 'link', 'same_name', (c) => { c.name = 'LINK-vnet-batch'; c.virtual_network_id = vnetId('rg-hub', 'vnet-hub'); });
      expect(uniqueVnetLinkFindings(modelOf(setup))).toEqual([{
        path: `${LINK}.same_name`,
        attribute: 'name',
        value: 'LINK-vnet-batch',
        problem: `${LINK}.link is a link of this name in zone ${variant.hub ? 'rg-hub-dns' : 'rg-batch'}/${variant.cloud.zone} too; link names are unique per zone`,
        fix: 'give one link another name',
      }]);
    });

    it('refuse a VNet linked to a second zone of the same name (overlapping namespaces)', () => {
      const setup = privateSetup(variant);
      setup.json.resource.azurerm_private_dns_zone = { ...setup.json.resource.azurerm_private_dns_zone, second: { name: variant.cloud.zone, resource_group_name: 'rg-second' } };
      copyResource(setup, LINK, 'link', 'second', (c) => {
        c.resource_group_name = 'rg-second';
        c.private_dns_zone_name = '${azurerm_private_dns_zone.second.name}';
        delete c.provider;
      });
      const zone = `${variant.hub ? 'rg-hub-dns' : 'rg-batch'}/${variant.cloud.zone}`;
      expect(uniqueVnetLinkFindings(modelOf(setup))).toEqual([{
        path: `${LINK}.second`,
        attribute: 'virtual_network_id',
        value: '${azurerm_virtual_network.vnet.id}',
        problem: `the VNet is linked to zone ${zone} by ${LINK}.link, and Azure refuses to link one VNet to two zones named ${variant.cloud.zone} (overlapping namespaces)`,
        fix: 'link each VNet to one zone of this name',
      }]);
    });
  });

  it('name a VNet linked again under the first link\'s name once, as the VNet', () => {
    const setup = privateSetup();
    copyResource(setup, LINK, 'link', 'again', (c) => { c.virtual_network_id = vnetId(); });
    expect(uniqueVnetLinkFindings(modelOf(setup)).map((f) => f.attribute)).toEqual(['virtual_network_id']);
  });

  it.each(PUBLIC_CLOUD)('accept one VNet linked to zones of other names, and one zone linked to other VNets, in $cloud', (cloud) => {
    const setup = privateSetup({ cloud, dns: 'records', hub: false, dataAccount: false });
    copyResource(setup, LINK, 'link', 'blob', (c) => { c.name = 'link-blob'; c.private_dns_zone_name = 'privatelink.blob.core.windows.net'; });
    copyResource(setup, LINK, 'link', 'hub', (c) => { c.name = 'link-hub'; c.virtual_network_id = vnetId('rg-hub', 'vnet-hub'); });
    expect(uniqueVnetLinkFindings(modelOf(setup))).toEqual([]);
  });

  it('tell a zone of another subscription from the stack\'s zone of one name and group', () => {
    const setup = privateSetup();
    setup.json.provider.azurerm.push({ alias: 'other', features: [{}], subscription_id: '00000000-0000-0000-0000-000000000000' });
    copyResource(setup, LINK, 'link', 'other_subscription', (c) => { c.provider = 'azurerm.other'; c.private_dns_zone_name = 'privatelink.batch.azure.com'; c.resource_group_name = 'rg-batch'; });
    expect(uniqueVnetLinkFindings(modelOf(setup)).map((f) => f.problem)).toEqual([
      expect.stringMatching(/^the VNet is linked to zone rg-batch\/privatelink\.batch\.azure\.com by .*overlapping namespaces/),
    ]);
  });

  it('take a zone of unknown subscription for the same zone, and leave links of unknown zone or VNet alone', () => {
    const setup = privateSetup();
    setup.json.provider.azurerm.push({ alias: 'unknown', features: [{}] });
    copyResource(setup, LINK, 'link', 'unknown_subscription', (c) => { c.provider = 'azurerm.unknown'; c.name = 'other-name'; });
    copyResource(setup, LINK, 'link', 'unknown_zone', (c) => { c.private_dns_zone_name = '${var.zone}'; });
    copyResource(setup, LINK, 'link', 'unknown_vnet', (c) => { c.name = 'x'; c.virtual_network_id = '${var.vnet}'; });
    copyResource(setup, LINK, 'link', 'not_a_vnet', (c) => { c.name = 'y'; c.virtual_network_id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/ip'; });
    copyResource(setup, LINK, 'link', 'subnet_ref', (c) => { c.name = 'z'; c.virtual_network_id = '${azurerm_subnet.pe.id}'; });
    copyResource(setup, LINK, 'link', 'vnet_name_ref', (c) => { c.name = 'w'; c.virtual_network_id = '${azurerm_virtual_network.vnet.name}'; });
    copyResource(setup, LINK, 'link', 'unnamed', (c) => { c.name = '${var.link}'; c.virtual_network_id = vnetId('rg-x', 'v'); });
    expect(uniqueVnetLinkFindings(modelOf(setup)).map((f) => f.path)).toEqual([`${LINK}.unknown_subscription`]);
  });

  it('key a VNet of the stack by address when its ID cannot be told at synth', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_virtual_network.vnet.resource_group_name = '${var.group}';
    copyResource(setup, LINK, 'link', 'by_id', (c) => { c.name = 'by-id'; c.virtual_network_id = vnetId(); });
    copyResource(setup, LINK, 'link', 'by_ref', (c) => { c.name = 'by-ref'; });
    expect(uniqueVnetLinkFindings(modelOf(setup)).map((f) => f.path)).toEqual([`${LINK}.by_ref`]);
  });
});

describe('VNet links across the stacks of an app', () => {
  const after = (first: ReturnType<typeof privateSetup>, second: ReturnType<typeof privateSetup>) =>
    crossStackVnetLinkFindings(modelOf(second, { stacksBefore: [{ stack: 'first', model: modelOf(first) }] }));

  it.each(variantsAlong('hub'))('accept a stack alone, and VNets of their own in each stack: %s', (_name, variant) => {
    expect(crossStackVnetLinkFindings(modelOf(privateSetup(variant)))).toEqual([]);
    const second = privateSetup(variant);
    second.json.resource.azurerm_virtual_network.vnet.name = 'vnet-second';
    expect(after(privateSetup(variant), second)).toEqual([]);
  });

  it.each(PUBLIC_CLOUD)('refuse the VNet a stack before links to the same hub zone, in $cloud', (cloud) => {
    const variant = { cloud, dns: 'records' as const, hub: true, dataAccount: false };
    expect(after(privateSetup(variant), privateSetup(variant))).toEqual([{
      path: `${LINK}.link`,
      attribute: 'virtual_network_id',
      value: '${azurerm_virtual_network.vnet.id}',
      problem: `${LINK}.link (stack first) links this VNet to zone ${HUB_ZONE_GROUP}/${cloud.zone} already; Azure links a VNet to a zone once`,
      fix: 'link the VNet in one stack only',
    }]);
  });

  it.each(PUBLIC_CLOUD)('refuse the VNet a stack before links to its own zone of this name (overlapping namespaces), in $cloud', (cloud) => {
    const variant = { cloud, dns: 'records' as const, hub: false, dataAccount: false };
    const first = privateSetup(variant);
    first.json.resource[LINK].link.resource_group_name = 'rg-first';
    expect(after(first, privateSetup(variant))).toEqual([{
      path: `${LINK}.link`,
      attribute: 'virtual_network_id',
      value: '${azurerm_virtual_network.vnet.id}',
      problem: `the VNet is linked to zone rg-first/${cloud.zone} by ${LINK}.link (stack first), and Azure refuses to link one VNet to two zones named ${cloud.zone} (overlapping namespaces)`,
      fix: 'link each VNet to one zone of this name: give this stack the other stack\'s zone by ID (a hub zone) instead of a zone of its own',
    }]);
  });

  it('leave a VNet alone that is known by reference only, in either stack', () => {
    const unknown = () => {
      const setup = privateSetup();
      setup.json.resource.azurerm_virtual_network.vnet.name = '${var.vnet}';
      return setup;
    };
    expect(after(unknown(), unknown())).toEqual([]);
    expect(after(privateSetup(), unknown())).toEqual([]);
    expect(after(unknown(), privateSetup())).toEqual([]);
  });
});
