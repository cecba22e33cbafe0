/**
 * Mistakes a newcomer makes (issue #26), each reported at the prop the user wrote, with what was given and what is
 * allowed: malformed resource IDs, a region in the wrong words, and every problem of a config in one run.
 */
import { App, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { exampleStack, validConfig } from './helpers/config';

const SUB = '11111111-1111-1111-1111-111111111111';
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };
const SUBNET_TEMPLATE = '/subscriptions/<subscription>/resourceGroups/<resource group>/providers/Microsoft.Network/virtualNetworks/<name>/subnets/<name>';

/** Every problem the stack's constructs report, as a synth would print them. */
function problems(props: Partial<PrivateBatchProps>): string[] {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  new PrivateBatch(stack, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, ...props });
  return [...new Set(stack.node.findAll().flatMap((c) => c.node.validate()))];
}

describe('a malformed resource ID', () => {
  const singular = SUBNET_ID.replace('/subnets/', '/subnet/');
  const misspelt = SUBNET_ID.replace('Microsoft.Network', 'Microsoft.Netwrok');

  it.each([
    ['/subnet/ for /subnets/', singular, '"subnet" where the ID has "subnets"'],
    ['Microsoft.Netwrok', misspelt, '"Microsoft.Netwrok" where the ID has "Microsoft.Network"'],
  ])('is reported as malformed at subnet (%s), not as a subnet without a known VNet', (_what, id, hint) => {
    const expected = `stack/batch: subnet must be a Microsoft.Network/virtualNetworks/subnets ID, ${SUBNET_TEMPLATE}, got ${JSON.stringify(id)}: ${hint}`;
    expect(problems({ subnet: id })).toEqual([expected]);
    // The same without the zone's VNet link, which used to let it through to apply.
    expect(problems({ subnet: id, dns: { linkSubnetVnet: false } })).toEqual([expected]);
  });

  it('is reported at subnet.id when the subnet is given with its prefix', () => {
    expect(problems({ subnet: { id: singular, addressPrefix: '10.20.1.0/24' } })).toEqual([
      `stack/batch: subnet.id must be a Microsoft.Network/virtualNetworks/subnets ID, ${SUBNET_TEMPLATE}, got ${JSON.stringify(singular)}: "subnet" where the ID has "subnets"`,
    ]);
  });

  it('is reported at subnet.virtualNetwork.id for the VNet given beside the subnet', () => {
    const vnet = SUBNET_ID.replace(/\/subnets\/.*$/, '').replace('virtualNetworks', 'virtualNetwork');
    expect(problems({ subnet: { id: SUBNET_ID, virtualNetwork: { id: vnet, name: 'vnet-spoke' } } })).toEqual([
      expect.stringMatching(/^stack\/batch: subnet\.virtualNetwork\.id must be a Microsoft\.Network\/virtualNetworks ID, .*: "virtualNetwork" where the ID has "virtualNetworks"$/),
    ]);
  });

  it('is reported at the account\'s storage account and identity IDs', () => {
    const storage = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccount/stbatch`;
    const identity = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentity/id-batch`;
    expect(problems({ account: { ...ACCOUNT, autoStorage: { storageAccountId: storage }, identity: { type: 'UserAssigned', identityIds: [identity] } } })).toEqual([
      expect.stringMatching(/^stack\/batch: account\.autoStorage\.storageAccountId must be a Microsoft\.Storage\/storageAccounts ID, .*: "storageAccount" where the ID has "storageAccounts"$/),
      expect.stringMatching(/^stack\/batch: account\.identity\.identityIds\[0\] must be a Microsoft\.ManagedIdentity\/userAssignedIdentities ID, .*: "userAssignedIdentity" where the ID has "userAssignedIdentities"$/),
    ]);
  });

  it('is reported at an endpoint\'s applicationSecurityGroupIds', () => {
    const asg = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/applicationSecurityGroup/asg-batch`;
    expect(problems({ endpoints: [{ subResource: 'batchAccount', applicationSecurityGroupIds: [asg] }] })).toEqual([
      expect.stringMatching(/^stack\/batch: endpoints\[0\]\.applicationSecurityGroupIds\[0\] must be a Microsoft\.Network\/applicationSecurityGroups ID, .*: "applicationSecurityGroup" where the ID has "applicationSecurityGroups"$/),
    ]);
  });
});

describe('a region in the wrong words, through the library', () => {
  const usEast = 'must be an Azure region such as eastus or "East US", got "US East"; did you mean "East US" (eastus)?';

  it('names the prop, what was typed and the region meant, as the config does', () => {
    expect(problems({ account: { ...ACCOUNT, location: 'US East' } })).toEqual([`stack/batch: account.location ${usEast}`]);
  });

  it('names an existing account\'s location and an endpoint\'s the same way', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg-batch/providers/Microsoft.Batch/batchAccounts/contosobatch`;
    expect(() => batchAccountFromId(id, 'US East')).toThrow(`BatchAccount.fromAccountId: location ${usEast}`);
    expect(problems({ endpoints: [{ subResource: 'batchAccount', location: 'US East' }] })).toEqual([`stack/batch: endpoints[0].location ${usEast}`]);
  });
});

describe('a config with several mistakes', () => {
  it('reports each of them in one run: a sub-resource Azure does not have and a static IP outside the subnet', () => {
    const stack = exampleStack();
    stack.accounts[0].endpoints[0].subResource = 'batch';
    stack.accounts[0].endpoints[1].staticIp = '10.20.9.10';
    expect(() => validConfig({ stacks: [stack] })).toThrow([
      'test.json: invalid config:',
      '  stacks[0].accounts[0].endpoints[0].subResource: must be one of batchAccount, nodeManagement, got "batch"',
      '  stacks[0].accounts[0].endpoints[1].staticIp: must lie in the usable range 10.20.1.4-10.20.1.254 of subnet 10.20.1.0/24, got 10.20.9.10',
    ].join('\n'));
  });
});
