/**
 * The order Terraform gives the DNS a private Batch setup needs, as Terraform itself evaluates it (its graph and
 * `terraform test` with mock providers): an A record is written after its endpoint and replaced with it; a pool is
 * created after everything its nodes need to resolve node management, the zone's link to the pool's VNet included;
 * the account's lock comes after the pools it would block.
 *
 * What mocks cannot show: an endpoint that fails at apply (a taken static IP, a Policy deny), since mock providers
 * never fail. The graph shows what such a failure stops: Terraform creates nothing that waits for a failed resource.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PrivateBatch } from '../../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../../lib/private-batch/private-batch-props';
import { describeWithTerraform, expectStoriesPassed, runLifecycleTests, terraformGraph } from '../helpers/terraform';
import { MOCKS } from '../helpers/connection-stories';

const SUB = '11111111-1111-1111-1111-111111111111';
const VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke`;
const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };
const POOL = {
  name: 'small', vmSize: 'Standard_D2s_v3', fixedScale: { dedicatedNodes: 1 },
  image: { publisher: 'canonical', offer: 'ubuntu-24_04-lts', sku: 'server', nodeAgentSkuId: 'batch.node.ubuntu 24.04' },
};

const POOL_VNET = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-pools`;

/**
 * A PrivateBatch whose batchAccount endpoint has a static IP (which refers to nothing), with one pool in another VNet
 * that the zone is linked to.
 */
function stackJson(props: Partial<PrivateBatchProps> = {}): Record<string, unknown> {
  const stack = new TerraformStack(new App(), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  const batch = new PrivateBatch(stack, 'batch', {
    account: ACCOUNT,
    subnet: { id: `${VNET}/subnets/snet-pe`, addressPrefix: '10.0.1.0/24' },
    endpoints: [{ subResource: 'batchAccount', staticIp: '10.0.1.10' }, { subResource: 'nodeManagement' }],
    dns: { linkedVnetIds: [POOL_VNET] },
    ...props,
  });
  batch.addPool({ ...POOL, subnet: { id: `${POOL_VNET}/subnets/pools`, addressPrefix: '10.0.2.0/24' } });
  return JSON.parse(Testing.synth(stack, true));
}

const RECORD = 'azurerm_private_dns_a_record.dns_contosobatch_batchaccount';
const ENDPOINT = 'azurerm_private_endpoint.pe_contosobatch_batchaccount';
const NODE_RECORD = 'azurerm_private_dns_a_record.dns_contosobatch_nodemanagement';
const NODE_ENDPOINT = 'azurerm_private_endpoint.pe_contosobatch_nodemanagement';
const POOL_ADDRESS = 'azurerm_batch_pool.pool_contosobatch_small';

describeWithTerraform('records follow their endpoints (terraform graph and terraform test)', () => {
  it('Terraform writes a static-IP record only once its endpoint exists', async () => {
    const graph = await terraformGraph(stackJson());
    expect(graph.after(RECORD, ENDPOINT)).toBe(true);
    expect(graph.after(NODE_RECORD, NODE_ENDPOINT)).toBe(true);
  }, 120_000);

  it('Terraform creates a pool only once the zone is linked to the pool\'s VNet, after the endpoint, record and zone', async () => {
    const graph = await terraformGraph(stackJson());
    for (const earlier of [NODE_ENDPOINT, NODE_RECORD, 'azurerm_private_dns_zone.zone_privatelink_batch_azure_com', 'azurerm_private_dns_zone_virtual_network_link.link_vnet_pools']) {
      expect([earlier, graph.after(POOL_ADDRESS, earlier)]).toEqual([earlier, true]);
    }
  }, 120_000);

  it('Terraform puts the account\'s lock in place only once its pools exist', async () => {
    const graph = await terraformGraph(stackJson({ lock: { kind: 'CanNotDelete' } }));
    expect(graph.after('azurerm_management_lock.lock_contosobatch', POOL_ADDRESS)).toBe(true);
  }, 120_000);

  it('-replace of an endpoint replaces its record too', async () => {
    const hcl = `${MOCKS}
run "first_apply" {}

run "replace_endpoints" {
  command = plan
  plan_options {
    replace = [${ENDPOINT}, ${NODE_ENDPOINT}]
  }
}
`;
    const result = await runLifecycleTests(stackJson(), [{ name: 'replace', hcl }], { plans: true });
    expectStoriesPassed(result);
    const plan = result.stories.replace.find((r) => r.run === 'replace_endpoints')!.plannedChanges!;
    const actions = (address: string): string[] | undefined => plan.find((c) => c.address === address)?.change.actions;
    expect(actions(ENDPOINT)).toEqual(['delete', 'create']);
    // With a static IP nothing else would change it: only replace_triggered_by makes it follow.
    expect(actions(RECORD)).toEqual(['delete', 'create']);
    expect(actions(NODE_RECORD)).toEqual(['delete', 'create']);
  }, 180_000);
});
