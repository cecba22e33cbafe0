/**
 * Two `privatelink.batch.azure.com` zones in one stack (AVM's "max" pattern: a second endpoint with its own VNet,
 * resource group and zone). Azure fixes the zone's name and accepts a second zone of it in another resource group or
 * subscription, so the library must too: each zone, its links and its reads get an address of their own, and the
 * record guard sees two zones. One zone made twice is still refused.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { BatchGuards } from '../lib/guards/batch-guards';
import { zoneQualifier } from '../lib/rules/logical-ids';

const SUB = '11111111-1111-1111-1111-111111111111';
const HUB = '22222222-2222-2222-2222-222222222222';
const subnet = (sub: string, rg: string, vnet: string): string =>
  `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/snet-pe`;
const ZONE = 'zone_privatelink_batch_azure_com';

/** The AVM "max" stack: the account with its endpoints and zone, and a second batchAccount endpoint with its own zone. */
function maxStack(second: (stack: TerraformStack) => Partial<PrivateBatchProps>): TerraformStack {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'max');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  const primary = new PrivateBatch(stack, 'primary', {
    account: { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB },
    subnet: subnet(SUB, 'rg-net-a', 'vnet'),
  });
  new PrivateBatch(stack, 'second', {
    account: primary.account,
    endpointResourceGroupName: 'rg-second',
    subnet: subnet(SUB, 'rg-net-b', 'vnet'),
    endpoints: [{ subResource: 'batchAccount', name: 'pe-contosobatch-second' }],
    ...second(stack),
  });
  return stack;
}

const synth = (stack: TerraformStack): any => {
  stack.runAllValidations();
  return JSON.parse(Testing.synth(stack));
};

describe('two zones of one name in one stack', () => {
  it('accepts a second zone in another resource group: the first keeps its address, the second is qualified by its group', () => {
    const json = synth(maxStack(() => ({})));
    const zones = json.resource.azurerm_private_dns_zone;
    expect(Object.keys(zones).sort()).toEqual([ZONE, `${ZONE}_rg_second`]);
    expect(zones[ZONE].resource_group_name).toBe('rg-batch');
    expect(zones[`${ZONE}_rg_second`].resource_group_name).toBe('rg-second');
    // Both VNets are named vnet: the default link names repeat, in two zones, which Azure accepts.
    const links = json.resource.azurerm_private_dns_zone_virtual_network_link;
    expect(Object.keys(links).sort()).toEqual(['link_vnet', 'link_vnet_rg_second']);
    expect(links.link_vnet_rg_second.private_dns_zone_name).toBe(`\${azurerm_private_dns_zone.${ZONE}_rg_second.name}`);
    // Each zone gets the account's batchAccount record, with its own endpoint's IP.
    const records = json.resource.azurerm_private_dns_a_record;
    expect(records.dns_contosobatch_second.zone_name).toBe(`\${azurerm_private_dns_zone.${ZONE}_rg_second.name}`);
    expect(records.dns_contosobatch_batchaccount.zone_name).toBe(`\${azurerm_private_dns_zone.${ZONE}.name}`);
  });

  it('accepts a second zone in a resource group of the same name in another subscription, and its records are no collision', () => {
    const json = synth(maxStack((stack) => ({
      dns: { resourceGroupName: 'rg-batch', provider: new AzurermProvider(stack, 'hub', { alias: 'hub', features: [{}], subscriptionId: HUB }) },
    })));
    const zones = json.resource.azurerm_private_dns_zone;
    expect(Object.keys(zones).sort()).toEqual([ZONE, `${ZONE}_${HUB.replace(/-/g, '_')}_rg_batch`]);
    expect(zones[`${ZONE}_${HUB.replace(/-/g, '_')}_rg_batch`].provider).toBe('azurerm.hub');
  });

  it('still refuses one zone made twice, and no longer asks for another zone name', () => {
    const stack = maxStack(() => ({ endpointResourceGroupName: 'rg-batch' }));
    const errors = BatchGuards.check(stack);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(
      new RegExp(`address = "azurerm_private_dns_zone\\.${ZONE}": max/primary/DnsZone/Resource makes this zone too \\(same name, resource group and subscription\\).*Fix: make the zone once and give it to both \\(dns\\.zone\\)`),
    )]));
    expect(errors.find((e) => e.includes('azurerm_private_dns_zone.'))).not.toMatch(/another name/);
  });

  it('qualifies by position when neither group nor subscription is known at synth', () => {
    const first = { place: { zoneName: 'privatelink.batch.azure.com', key: 'a' }, qualifier: [] };
    expect(zoneQualifier({ zoneName: 'privatelink.batch.azure.com', key: 'b' }, [first])).toEqual(['2']);
    expect(zoneQualifier({ zoneName: 'privatelink.batch.azure.com', key: 'a' }, [first])).toEqual([]);
    expect(zoneQualifier({ zoneName: 'privatelink.batch.chinacloudapi.cn', key: 'c' }, [first])).toEqual([]);
  });
});
