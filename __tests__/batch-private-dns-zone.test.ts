import { Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../lib/endpoints/batch-private-endpoint';
import { BatchGuards } from '../lib/guards/batch-guards';
import { batchAccountFromId } from '../lib/account/batch-account-ref';

const SUB = '11111111-1111-1111-1111-111111111111';
const HUB = '99999999-8888-7777-6666-555555555555';
const HUB_ZONE = `/subscriptions/${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet`;
const ACCOUNT = batchAccountFromId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/otherbatch`, 'eastus');

const stack = () => {
  const s = new TerraformStack(Testing.app(), 'stack');
  new AzurermProvider(s, 'azurerm', { features: [{}], subscriptionId: SUB });
  return s;
};

describe('BatchPrivateDnsZone props', () => {
  it('refuses more than 15 tags, and tag names private DNS refuses, on a zone', () => {
    const s = stack();
    const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
    const zone = new BatchPrivateDnsZone(s, 'zone', { resourceGroupName: 'rg', tags: { ...tags, 'cost center': 'x' } });
    expect(zone.node.validate()).toEqual([
      'stack/zone: tags has 17 tags; Azure allows at most 15 on a private DNS zone or record (count them after merging inherited tags)',
      'stack/zone: tags["cost center"] must not start with a digit or contain spaces, parentheses or non-ASCII characters on a private DNS zone or record',
    ]);
  });

  it('refuses a resource group name Azure refuses', () => {
    const zone = new BatchPrivateDnsZone(stack(), 'zone', { resourceGroupName: 'rg/dns' });
    expect(zone.node.validate()).toEqual([expect.stringMatching(/^stack\/zone: resourceGroupName must be 1-90 ASCII letters/)]);
  });

  it('spells a lower-cased zone ID (copied from a CLI) as azurerm wants it, and refuses an ID of another type', () => {
    const lower = HUB_ZONE.replace('resourceGroups', 'resourcegroups').replace('privateDnsZones', 'privatednszones');
    const zone = BatchPrivateDnsZone.fromZoneId(stack(), 'hub', lower, { provider: undefined });
    expect(zone.node.validate()).toEqual([]);
    expect(zone.id).toBe(HUB_ZONE);
    const dnsZone = BatchPrivateDnsZone.fromZoneId(stack(), 'public', HUB_ZONE.replace('privateDnsZones', 'dnsZones'));
    expect(dnsZone.node.validate()).toEqual([expect.stringMatching(/^stack\/public: zoneId must be a Microsoft\.Network\/privateDnsZones ID, \/subscriptions\/<subscription>/)]);
  });

  it('links a VNet by a lower-cased ID in azurerm\'s spelling, and refuses a bad link name, VNet ID or tags, on the link', () => {
    const s = stack();
    const zone = new BatchPrivateDnsZone(s, 'zone', { resourceGroupName: 'rg' });
    zone.linkVirtualNetwork('lower', { name: 'link-lower', virtualNetworkId: VNET.replace('virtualNetworks', 'virtualnetworks') });
    expect(Object.values(JSON.parse(Testing.synth(s)).resource.azurerm_private_dns_zone_virtual_network_link).map((l: any) => l.virtual_network_id)).toEqual([VNET]);
    const link = zone.linkVirtualNetwork('spoke', { name: '-spoke', virtualNetworkId: 'vnet-spoke', tags: { 'a?': 'b' } });
    expect(link.node.validate()).toEqual([
      expect.stringMatching(/^stack\/zone\/spoke: name must be 1-80 letters, .*got "-spoke"$/),
      expect.stringMatching(/^stack\/zone\/spoke: virtualNetworkId must be a Microsoft\.Network\/virtualNetworks ID, .*got "vnet-spoke"$/),
      'stack/zone/spoke: tags["a?"] must not contain < > % & \\ ? / or control characters',
    ]);
  });
});

describe('a hub zone in another subscription', () => {
  const build = (withProvider: boolean) => {
    const s = stack();
    const hub = withProvider ? new AzurermProvider(s, 'hub', { alias: 'hub', features: [{}], subscriptionId: HUB }) : undefined;
    // No stackSubscriptionId: the guards compare the providers' subscriptions with the zone's.
    const zone = BatchPrivateDnsZone.fromZoneId(s, 'hub-zone', HUB_ZONE, { provider: hub });
    zone.linkVirtualNetwork('spoke', { name: 'link-spoke', virtualNetworkId: VNET });
    new BatchPrivateEndpoint(s, 'pe', {
      account: ACCOUNT, subResource: 'batchAccount', resourceGroupName: 'rg-net', dns: { zone },
      subnet: { id: `${VNET}/subnets/pe` },
    });
    return s;
  };

  it('is refused when its records and links would be written with the stack\'s default provider', () => {
    const findings = BatchGuards.findings(build(false));
    expect(findings.map((f) => [f.path, f.attribute, f.problem])).toEqual([
      ['stack/hub-zone/spoke', 'provider', `writes into zone ${HUB_ZONE} of subscription ${HUB} with a provider for subscription ${SUB}`],
      ['stack/pe/DnsRecord/Resource', 'provider', `writes into zone ${HUB_ZONE} of subscription ${HUB} with a provider for subscription ${SUB}`],
    ]);
  });

  it('is accepted with a provider of the zone\'s subscription', () => {
    expect(BatchGuards.check(build(true))).toEqual([]);
  });
});
