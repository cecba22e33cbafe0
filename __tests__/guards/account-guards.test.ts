import { endpointSubResourceFindings, endpointSubscriptionFindings } from '../../lib/guards/rules/endpoint-sub-resources';
import { publicNetworkAccessFindings } from '../../lib/guards/rules/public-network-access';
import { PUBLIC_CLOUD, SUBSCRIPTION, VARIANTS, copyResource, expectEverySetupAccepted, modelOf, privateSetup, variantsAlong } from './stack-json';

const PE = 'azurerm_private_endpoint';
const OTHER = '99999999-0000-0000-0000-000000000000';

describe('public network access', () => {
  it.each(variantsAlong())('refuses an account left public, or public by default, unless it opted in: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    setup.json.resource.azurerm_batch_account.acct.public_network_access_enabled = true;
    copyResource(setup, 'azurerm_batch_account', 'acct', 'unset', (c) => { delete c.public_network_access_enabled; c.name = 'unsetbatch'; });
    copyResource(setup, 'azurerm_batch_account', 'acct', 'opted', (c) => { c.name = 'optedbatch'; });
    const findings = publicNetworkAccessFindings(modelOf(setup, { publicAccessOptIns: new Set(['azurerm_batch_account.opted']) }));
    expect(findings).toEqual([
      {
        path: 'azurerm_batch_account.acct',
        attribute: 'public_network_access_enabled',
        value: true,
        problem: 'the account is reachable from the internet (azurerm enables public access unless it is set to false)',
        fix: 'set it to false, or opt in on purpose with BatchAccount allowPublicNetworkAccess: true (raw resources: optIn(resource, "publicNetworkAccess"))',
      },
      expect.objectContaining({ path: 'azurerm_batch_account.unset', value: undefined }),
    ]);
  });
});

describe('endpoint sub-resources', () => {
  it('accept one known sub-resource per endpoint in every supported setup', () => {
    expectEverySetupAccepted(endpointSubResourceFindings);
  });

  it.each(PUBLIC_CLOUD)('refuse none, two, an unknown one or one in the wrong case, in $cloud', (cloud) => {
    const setup = privateSetup({ cloud, dns: 'zoneGroup', hub: true, dataAccount: false });
    const names = { none: [], two: ['batchAccount', 'nodeManagement'], blob: ['blob'], lower: ['batchaccount'] };
    for (const [id, value] of Object.entries(names)) copyResource(setup, PE, 'pe_nodes', id, (c) => { c.private_service_connection.subresource_names = value; });
    const findings = endpointSubResourceFindings(modelOf(setup));
    expect(findings.map((f) => [f.path, f.value])).toEqual(Object.entries(names).map(([id, value]) => [`${PE}.${id}`, value]));
    expect(findings[0]).toMatchObject({
      attribute: 'private_service_connection.subresource_names',
      problem: 'an endpoint to a Batch account needs exactly one of batchAccount, nodeManagement (a connection carries one group id)',
      fix: 'make one endpoint per sub-resource, e.g. with BatchPrivateEndpoint',
    });
  });
});

describe('endpoint subscriptions', () => {
  it('accept endpoints in their account\'s subscription in every supported setup', () => {
    expectEverySetupAccepted(endpointSubscriptionFindings);
  });

  it.each(variantsAlong())('refuse a batchAccount endpoint in a subnet of another subscription, not a nodeManagement one: %s', (_name, variant) => {
    const setup = privateSetup(variant);
    const subnet = `/subscriptions/${OTHER}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`;
    setup.json.resource[PE].pe_account.subnet_id = subnet;
    setup.json.resource[PE].pe_nodes.subnet_id = subnet;
    expect(endpointSubscriptionFindings(modelOf(setup))).toEqual([{
      path: `${PE}.pe_account`,
      attribute: 'subnet_id',
      value: subnet,
      problem: `the endpoint's subscription must be the Batch account's subscription ${SUBSCRIPTION} for a batchAccount endpoint, got ${OTHER}`,
      fix: 'create the batchAccount endpoint in the Batch account\'s subscription (an Azure limitation)',
    }]);
  });

  it('compare with the subscription of an account given by literal ID, or of the account data source\'s provider', () => {
    const setup = privateSetup();
    setup.json.resource[PE].pe_account.private_service_connection.private_connection_resource_id =
      `/subscriptions/${OTHER}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/theirs`;
    expect(endpointSubscriptionFindings(modelOf(setup)).map((f) => f.problem)).toEqual([
      `the endpoint's subscription must be the Batch account's subscription ${OTHER} for a batchAccount endpoint, got ${SUBSCRIPTION}`,
    ]);
    const data = privateSetup(VARIANTS.find(([, v]) => v.dataAccount)![1]);
    data.json.provider.azurerm.push({ alias: 'theirs', features: [{}], subscription_id: OTHER });
    data.json.data.azurerm_batch_account.acct.provider = 'azurerm.theirs';
    expect(endpointSubscriptionFindings(modelOf(data))).toHaveLength(1);
  });

  it('leave endpoints whose subscription or account\'s subscription is not known at synth alone', () => {
    const setup = privateSetup();
    delete setup.json.provider.azurerm[0].subscription_id;
    expect(endpointSubscriptionFindings(modelOf(setup))).toEqual([]);
    copyResource(setup, PE, 'pe_account', 'unknown_sub', (c) => { c.private_service_connection.subresource_names = ['${var.sub}']; });
    expect(endpointSubscriptionFindings(modelOf(setup))).toEqual([]);
  });
});
