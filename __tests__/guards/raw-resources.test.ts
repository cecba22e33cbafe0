import { TerraformOutput } from 'cdktf';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { BatchGuards } from '../../lib/guards/batch-guards';
import { optIn } from '../../lib/guards/opt-ins';
import { OTHER_SUBSCRIPTION, rawPrivateSetup, rawStack } from '../helpers/raw-stack';

describe('stack guards over raw provider resources', () => {
  it('accept a correct private setup built without the constructs', () => {
    const stack = rawStack();
    rawPrivateSetup(stack);
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('fail synth through the stack validation, naming the resource path', () => {
    const stack = rawStack();
    rawPrivateSetup(stack, { publicNetworkAccessEnabled: true });
    expect(() => stack.runAllValidations()).toThrow(/raw\/batch: public_network_access_enabled = true/);
  });

  it('reject a Batch account that leaves public access at the azurerm default', () => {
    const stack = rawStack();
    rawPrivateSetup(stack, { publicNetworkAccessEnabled: undefined });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/batch: public_network_access_enabled = unset: .*Fix: set it to false/)]);
  });

  it('accept a public raw account that opted in explicitly', () => {
    const stack = rawStack();
    const { batch } = rawPrivateSetup(stack, { publicNetworkAccessEnabled: true });
    optIn(batch, 'publicNetworkAccess');
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('reject an endpoint to a Batch account with two sub-resources', () => {
    const stack = rawStack();
    const { endpoint } = rawPrivateSetup(stack);
    endpoint('pe-both', 'batchAccount').privateServiceConnection.subresourceNames = ['batchAccount', 'nodeManagement'];
    expect(BatchGuards.check(stack)).toEqual([
      expect.stringMatching(/^raw\/pe-both: private_service_connection.subresource_names = \["batchAccount","nodeManagement"\]: .*exactly one of batchAccount, nodeManagement/),
    ]);
  });

  it('reject an endpoint to a Batch account with an unknown sub-resource', () => {
    const stack = rawStack();
    const { endpoint } = rawPrivateSetup(stack);
    endpoint('pe-blob', 'blob');
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/pe-blob: private_service_connection.subresource_names = \["blob"\]/)]);
  });

  it('reject a batchAccount endpoint in another subscription than its account', () => {
    const stack = rawStack();
    const { accountEndpoint } = rawPrivateSetup(stack);
    accountEndpoint.addOverride('subnet_id', `/subscriptions/${OTHER_SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s`);
    expect(BatchGuards.check(stack).join('\n')).toMatch(
      new RegExp(`raw/pe-account: subnet_id = .*must be the Batch account's subscription 11111111-2222-3333-4444-555555555555 for a batchAccount endpoint, got ${OTHER_SUBSCRIPTION}`),
    );
  });

  it('reject two endpoints for the same account and sub-resource writing the same name in one zone', () => {
    const stack = rawStack();
    const { endpoint, zone } = rawPrivateSetup(stack);
    const second = endpoint('pe-account-2', 'batchAccount');
    new PrivateDnsARecord(stack, 'record-2', {
      name: 'rawbatch.eastus', zoneName: zone.name, resourceGroupName: 'rg', ttl: 10, records: [second.privateServiceConnection.privateIpAddress],
    });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/record-2: name = "rawbatch.eastus": writes rawbatch.eastus in zone rg\/privatelink.batch.azure.com, as raw\/record does; one record would overwrite the other/)]);
  });

  it('reject a zone group that writes a name a Terraform-owned record already writes', () => {
    const stack = rawStack();
    const { endpoint, zone } = rawPrivateSetup(stack);
    const second = endpoint('pe-account-2', 'batchAccount');
    second.putPrivateDnsZoneGroup({ name: 'batch', privateDnsZoneIds: [zone.id] });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/pe-account-2: private_dns_zone_group = .*one record would overwrite the other/)]);
  });

  it('reject an A record whose IP is not its endpoint\'s', () => {
    const stack = rawStack();
    const { record } = rawPrivateSetup(stack);
    record.records = ['10.0.1.99'];
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/record: records = \["10.0.1.99"\]: the record answers for raw\/pe-account but does not carry exactly that endpoint's IP/)]);
  });

  it('reject an A record that carries another endpoint\'s IP', () => {
    const stack = rawStack();
    const { record, endpoint } = rawPrivateSetup(stack);
    const nodes = endpoint('pe-nodes', 'nodeManagement');
    record.records = [nodes.privateServiceConnection.privateIpAddress];
    expect(BatchGuards.check(stack).join('\n')).toMatch(/raw\/record: records = .*pe-nodes.*does not carry exactly that endpoint's IP/);
  });

  it('accept a record that carries the endpoint\'s static IP', () => {
    const stack = rawStack();
    const { record, accountEndpoint } = rawPrivateSetup(stack);
    accountEndpoint.putIpConfiguration([{ name: 'ip', privateIpAddress: '10.0.1.10', subresourceName: 'batchAccount', memberName: 'batchAccount' }]);
    record.records = ['10.0.1.10'];
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('reject the legacy regional zone, with how to migrate', () => {
    const stack = rawStack();
    new PrivateDnsZone(stack, 'legacy', { name: 'privatelink.eastus.batch.azure.com', resourceGroupName: 'rg' });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/legacy: name = "privatelink.eastus.batch.azure.com": is the legacy regional zone .*create the new zone, link it to the same VNets, then unlink the legacy zone/)]);
  });

  it('reject a Batch zone of another cloud than the provider\'s', () => {
    const stack = rawStack();
    new PrivateDnsZone(stack, 'china', { name: 'privatelink.batch.chinacloudapi.cn', resourceGroupName: 'rg' });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/china: name = "privatelink.batch.chinacloudapi.cn": .*the zone of AzureChinaCloud, but the endpoints are in AzureCloud.*Fix: use privatelink.batch.azure.com/)]);
  });

  it('leave zones that are not Batch zones alone', () => {
    const stack = rawStack();
    new PrivateDnsZone(stack, 'blob', { name: 'privatelink.blob.core.windows.net', resourceGroupName: 'rg' });
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('reject a VNet that hosts endpoints when its zone has no link to it', () => {
    const stack = rawStack();
    const { link } = rawPrivateSetup(stack);
    link.addOverride('virtual_network_id', '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other');
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/pe-account: subnet_id = .*the endpoint's VNet raw\/vnet has no link to zone privatelink.batch.azure.com/)]);
  });

  it('leave the links of an existing zone, which a hub team may manage, to that zone\'s owner', () => {
    const stack = rawStack();
    const { link, record } = rawPrivateSetup(stack);
    record.zoneName = 'privatelink.batch.azure.com';
    link.privateDnsZoneName = 'privatelink.batch.azure.com';
    link.addOverride('virtual_network_id', '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other');
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('reject an access key in an output without sensitive, and accept it with sensitive', () => {
    const stack = rawStack();
    const { batch } = rawPrivateSetup(stack);
    new TerraformOutput(stack, 'plain_key', { value: batch.primaryAccessKey });
    new TerraformOutput(stack, 'secret_key', { value: batch.secondaryAccessKey, sensitive: true });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^raw\/plain_key: sensitive = false: output plain_key carries a Batch access key/)]);
  });

  it('report every problem of a stack at once', () => {
    const stack = rawStack();
    const { record } = rawPrivateSetup(stack, { publicNetworkAccessEnabled: true });
    record.records = ['10.0.1.99'];
    new PrivateEndpoint(stack, 'unused', {
      name: 'x', location: 'eastus', resourceGroupName: 'rg', subnetId: 'sub',
      privateServiceConnection: { name: 'x', isManualConnection: false, privateConnectionResourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/other', subresourceNames: [] },
    });
    expect(BatchGuards.check(stack)).toHaveLength(3);
  });
});
