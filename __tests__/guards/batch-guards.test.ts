import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { DataAzurermBatchAccount } from '@cdktf/provider-azurerm/lib/data-azurerm-batch-account';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { BatchGuards } from '../../lib/guards/batch-guards';
import { markExistingZone, markZoneWrite, zoneWriteOf } from '../../lib/guards/zone-writes';
import { mapAttributes, setPropOrigin } from '../../lib/core/problems';
import { HUB_SUBSCRIPTION, SUBSCRIPTION, hubZoneId } from './stack-json';

const VNET = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet`;
const stackIn = (app: App, id: string): TerraformStack => {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION });
  BatchGuards.of(stack);
  return stack;
};
const account = (scope: Construct, id: string, name: string, location = 'eastus') =>
  new AzurermBatchAccount(scope, id, { name, location, resourceGroupName: 'rg', publicNetworkAccessEnabled: false });
const link = (scope: Construct, id: string, name: string, virtualNetworkId = VNET) =>
  new PrivateDnsZoneVirtualNetworkLink(scope, id, { name, resourceGroupName: 'rg', privateDnsZoneName: 'privatelink.batch.azure.com', virtualNetworkId });

describe('BatchGuards over a stack', () => {
  it('see every element of an address that cdktf merges into one, and name the clash and what it hides', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    link(stack, 'first', 'link-a').overrideLogicalId('link');
    link(stack, 'second', 'link-b').overrideLogicalId('link');
    link(stack, 'third', 'link-c', VNET.replace('vnet', 'other')).overrideLogicalId('link');
    expect(BatchGuards.findings(stack).map((f) => [f.path, f.attribute])).toEqual([
      ['stack/second', 'address'],
      ['stack/third', 'address'],
      ['stack/second', 'virtual_network_id'],
    ]);
    expect(BatchGuards.check(stack)[0]).toBe('stack/second: address = "azurerm_private_dns_zone_virtual_network_link.link": stack/first has this Terraform address too, '
      + 'and Terraform would merge the two into one. Fix: give one of them another name (the address is built from the account, endpoint or link name), or call overrideLogicalId() on one');
  });

  it('see clashing data sources and outputs apart too, each at its own construct path', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    new DataAzurermBatchAccount(stack, 'a', { name: 'one', resourceGroupName: 'rg' }).overrideLogicalId('acct');
    const read = new DataAzurermBatchAccount(stack, 'b', { name: 'two', resourceGroupName: 'rg' });
    read.overrideLogicalId('acct');
    new TerraformOutput(stack, 'safe', { value: 'x' }).overrideLogicalId('out');
    new TerraformOutput(new Construct(stack, 'team'), 'key', { value: read.primaryAccessKey }).overrideLogicalId('out');
    expect(BatchGuards.findings(stack).map((f) => [f.path, f.attribute, f.value])).toEqual([
      ['stack/b', 'address', 'data.azurerm_batch_account.acct'],
      ['stack/team/key', 'address', 'out'],
      ['stack/team/key', 'sensitive', false],
    ]);
  });

  it('tell addresses apart by type: a resource, a data source and an output of one name do not clash', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    link(stack, 'l', 'link-a').overrideLogicalId('same');
    account(stack, 'a', 'acct').overrideLogicalId('same');
    new DataAzurermBatchAccount(stack, 'd', { name: 'acct', resourceGroupName: 'rg' }).overrideLogicalId('same');
    new TerraformOutput(stack, 'o', { value: 'x' }).overrideLogicalId('same');
    expect(BatchGuards.findings(stack)).toEqual([]);
  });

  it('leave a stack without clashes as it is synthesized', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    link(stack, 'first', 'link-a');
    new TerraformOutput(stack, 'out', { value: 'x' });
    expect(BatchGuards.findings(stack)).toEqual([]);
  });

  it('compare account names with the stacks before, and report a name taken in one region in the later stack only', () => {
    const app = new App({ skipValidation: true });
    const first = stackIn(app, 'first');
    const second = stackIn(app, 'second');
    const third = stackIn(app, 'third');
    account(first, 'a', 'sharedname');
    account(second, 'b', 'sharedname');
    account(third, 'c', 'sharedname', 'westeurope');
    account(third, 'd', '${var.name}' as string);
    new Construct(app, 'not-a-stack');
    expect(BatchGuards.findings(first)).toEqual([]);
    expect(BatchGuards.findings(second)).toEqual([expect.objectContaining({
      path: 'second/b', attribute: 'name', problem: expect.stringMatching(/^first\/a \(stack first\) is a Batch account of this name in eastus too/),
    })]);
    expect(BatchGuards.findings(third)).toEqual([]);
  });

  it('read the stacks before for links, only those it guards, and never the stacks after', () => {
    const app = new App({ skipValidation: true });
    const unguarded = new TerraformStack(app, 'unguarded');
    link(unguarded, 'raw', 'link-raw');
    const first = stackIn(app, 'first');
    link(first, 'l', 'link-first');
    const second = stackIn(app, 'second');
    link(second, 'l', 'link-second');
    expect(BatchGuards.findings(first)).toEqual([]);
    expect(BatchGuards.findings(second)).toEqual([expect.objectContaining({
      path: 'second/l', attribute: 'virtual_network_id', problem: expect.stringMatching(/^first\/l \(stack first\) links this VNet to zone rg\/privatelink\.batch\.azure\.com already/),
    })]);
  });

  it('in a validation run, index each stack once, in app order, and find what a direct call finds; a later run reads the stacks anew', async () => {
    const app = new App({ skipValidation: true });
    const [first, second, third] = ['first', 'second', 'third'].map((id) => stackIn(app, id));
    account(first, 'a', 'sharedname');
    account(second, 'b', 'sharedname');
    link(second, 'l', 'link-second');
    link(third, 'l', 'link-third');
    account(third, 'c', 'sharedname');
    const stacks = [first, second, third];
    const run = stacks.map((stack) => stack.node.validate());
    expect(run).toEqual(stacks.map((stack) => BatchGuards.check(stack)));
    expect(run.map((messages) => messages.length)).toEqual([0, 1, 2]);
    // In a later task: a stack before changed, and the run after the change sees it.
    await Promise.resolve();
    account(first, 'd', 'othername');
    account(third, 'e', 'othername');
    expect(third.node.validate()).toEqual(BatchGuards.check(third));
    expect(BatchGuards.findings(third).map((f) => f.path)).toEqual(['third/c', 'third/e', 'third/l']);
  });

  it('take only Batch accounts of the stacks before as accounts, whatever else has a name and a region', () => {
    const app = new App({ skipValidation: true });
    const first = stackIn(app, 'first');
    new VirtualNetwork(first, 'vnet', { name: 'sharedname', location: 'eastus', resourceGroupName: 'rg', addressSpace: ['10.0.0.0/16'] });
    const second = stackIn(app, 'second');
    account(second, 'b', 'sharedname');
    expect(BatchGuards.findings(second)).toEqual([]);
  });

  it('are added to a stack once, however many constructs ask', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    BatchGuards.of(stack);
    BatchGuards.of(new Construct(stack, 'inner'));
    account(stack, 'a', 'public');
    (stack.node.findChild('a') as AzurermBatchAccount).publicNetworkAccessEnabled = true;
    expect(stack.node.validate()).toHaveLength(1);
  });

  it('name the config field a finding\'s attribute came from, else the config entry of its construct', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    const owner = new Construct(stack, 'owner');
    setPropOrigin(owner, { source: 'config.json', path: 'stacks[0].accounts[0]', fields: { region: 'stacks[0].location' } });
    const bad = account(owner, 'Resource', 'badbatch', 'mars');
    bad.addOverride('public_network_access_enabled', true);
    mapAttributes(bad, owner, { location: 'region' });
    expect(BatchGuards.findings(stack).map((f) => [f.attribute, f.origin])).toEqual([
      ['public_network_access_enabled', { source: 'config.json', path: 'stacks[0].accounts[0]' }],
      ['location', { source: 'config.json', path: 'stacks[0].location' }],
    ]);
    expect(BatchGuards.check(stack)[1]).toMatch(/^config\.json: stacks\[0\]\.location \(stack\/owner\/Resource\): location = "mars": /);
  });

  it('leave the origin out for a construct that came from no file', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    const owner = new Construct(stack, 'owner');
    mapAttributes(account(owner, 'Resource', 'badbatch', 'mars'), owner, { location: 'location' });
    expect(BatchGuards.findings(stack)).toEqual([expect.not.objectContaining({ origin: expect.anything() })]);
  });
});

describe('writes into an existing zone', () => {
  it('are checked against the zone\'s subscription once the zone is marked as existing', () => {
    const stack = stackIn(new App({ skipValidation: true }), 'stack');
    const zone = new Construct(stack, 'zone');
    const created = new Construct(stack, 'created');
    markExistingZone(zone, hubZoneId('privatelink.batch.azure.com'));
    const written = link(zone, 'link', 'link-hub');
    const elsewhere = link(created, 'link', 'link-own', VNET.replace('vnet', 'own'));
    markZoneWrite(written, zone);
    markZoneWrite(elsewhere, created);
    expect(zoneWriteOf(written)).toBe(hubZoneId('privatelink.batch.azure.com'));
    expect(zoneWriteOf(elsewhere)).toBeUndefined();
    expect(BatchGuards.findings(stack)).toEqual([expect.objectContaining({
      path: 'stack/zone/link', attribute: 'provider', problem: expect.stringContaining(`of subscription ${HUB_SUBSCRIPTION} with a provider for subscription ${SUBSCRIPTION}`),
    })]);
  });
});
