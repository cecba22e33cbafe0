/**
 * A spoke never owns the hub VNet's link to a hub zone (issue #22, defect 1): it checks for it during plan, and owns
 * it only with the named opt-in, which the review lists.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchDns } from '../lib/private-batch/private-batch-props';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { hasOptedIn } from '../lib/guards/opt-ins';
import { reviewStack } from '../lib/review/review-stack';
import { rawConfig, synthConfig } from './helpers/config';

const SUB = '11111111-1111-1111-1111-111111111111';
const HUB = '22222222-2222-2222-2222-222222222222';
const HUB_ZONE = `/subscriptions/${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
const HUB_VNET = `/subscriptions/${HUB}/resourceGroups/rg-hub-network/providers/Microsoft.Network/virtualNetworks/vnet-hub`;
const SUBNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
const LINKS = 'azurerm_private_dns_zone_virtual_network_link';

const spoke = (dns: PrivateBatchDns) => {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'spoke');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  const hub = new AzurermProvider(stack, 'hub', { alias: 'hub', features: [{}], subscriptionId: HUB });
  const batch = new PrivateBatch(stack, 'batch', {
    account: { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB },
    subnet: SUBNET,
    dns: { provider: hub, ...dns },
  });
  stack.runAllValidations();
  return { batch, json: JSON.parse(Testing.synth(stack)) };
};

describe('a hub zone\'s link to a VNet outside the stack', () => {
  it('is expected, not owned: a check reads the hub zone\'s links through the hub\'s azapi provider; the spoke VNet\'s own link stays owned', () => {
    const { json } = spoke({ zoneId: HUB_ZONE, linkedVnetIds: [HUB_VNET] });
    expect(Object.keys(json.resource[LINKS])).toEqual(['link_vnet_spoke']);
    const check = json.check.expected_link_vnet_hub;
    expect(check.data.azapi_resource_list.expected_link_vnet_hub).toMatchObject({
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01', parent_id: HUB_ZONE, provider: 'azapi.hub',
    });
    // Only the check refers to its read: an unreadable zone is a warning, never a failed plan.
    expect(json.data?.azapi_resource_list?.expected_link_vnet_hub).toBeUndefined();
    expect(check.assert[0].condition).toContain(`"${HUB_VNET.toLowerCase()}"`);
    expect(check.assert[0].error_message).toContain(`has no link to VNet ${HUB_VNET}`);
  });

  it('is owned with ownHubVnetLinks, a named opt-in the review lists', () => {
    const { batch, json } = spoke({ zoneId: HUB_ZONE, linkedVnetIds: [HUB_VNET], ownHubVnetLinks: true });
    expect(Object.keys(json.resource[LINKS]).sort()).toEqual(['link_vnet_hub', 'link_vnet_spoke']);
    expect(json.check?.expected_link_vnet_hub).toBeUndefined();
    const hubLink = batch.vnetLinks.find((l) => l.nameInput === 'link-vnet-hub')!;
    expect(hasOptedIn(hubLink, 'sharedVnetLink')).toBe(true);
    const optIns = reviewStack('spoke', json).sections.find((s) => s.id === 'opt-ins')!.rows.map((r) => r.cells.slice(0, 2));
    expect(optIns).toEqual([['`ownHubVnetLinks`', '`vnet-hub` in `privatelink.batch.azure.com`']]);
  });

  it('in a zone made by the stack, is owned like every link of that zone (it goes with the zone)', () => {
    const { json } = spoke({ linkedVnetIds: [HUB_VNET] });
    expect(Object.keys(json.resource[LINKS]).sort()).toEqual(['link_vnet_hub', 'link_vnet_spoke']);
    expect(json.check).toBeUndefined();
  });

  it('cannot be expected of a zone the stack makes', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 's');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    const zone = new BatchPrivateDnsZone(stack, 'zone', { resourceGroupName: 'rg-dns' });
    expect(zone.expectVirtualNetworkLink('hub', { virtualNetworkId: HUB_VNET })).toBeUndefined();
    expect(() => stack.runAllValidations()).toThrow(/expectVirtualNetworkLink\(hub\)\.zone is made by this stack, which owns its links/);
  });
});

describe('config/hub-zone.json', () => {
  it('expects the hub VNet\'s link; dns.ownVnetLinks owns it', () => {
    const expected = synthConfig(rawConfig('hub-zone.json'))['batch-hub-dns-eastus'];
    expect(Object.keys(expected.resource[LINKS])).toEqual(['link_vnet_batch_spoke']);
    expect(Object.keys(expected.check)).toContain('expected_link_vnet_hub');
    const raw = rawConfig('hub-zone.json');
    raw.stacks[0].dns.ownVnetLinks = true;
    const owned = synthConfig(raw)['batch-hub-dns-eastus'];
    expect(Object.keys(owned.resource[LINKS]).sort()).toEqual(['link_vnet_batch_spoke', 'link_vnet_hub']);
    expect(Object.keys(owned.check)).not.toContain('expected_link_vnet_hub');
  });
});
