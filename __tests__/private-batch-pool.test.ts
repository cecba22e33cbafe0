import { App, Testing, TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchPool as AzurermBatchPool } from '@cdktf/provider-azurerm/lib/batch-pool';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { BatchGuards } from '../lib/guards/batch-guards';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { BatchAccount } from '../lib/account/batch-account';
import { BatchPool } from '../lib/pools/batch-pool';
import { privateBatchPoolProblems } from '../lib/pools/batch-pool-problems';
import { BatchPoolProps } from '../lib/pools/batch-pool-props';
import { resources } from './helpers/config';

const SUB = '11111111-1111-1111-1111-111111111111';
const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pools`;
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-team/providers/Microsoft.Batch/batchAccounts/teambatch`;
const IP = (n: string) => `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/publicIPAddresses/${n}`;
const UAI = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/nodes`;
const IMAGE = { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', nodeAgentSkuId: 'batch.node.ubuntu 22.04' };
const BASE = { name: 'small', vmSize: 'Standard_D2s_v3', image: IMAGE, fixedScale: { dedicatedNodes: 2 }, subnet: SUBNET_ID };

function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  build(stack);
  return stack;
}

/** A pool of an existing account (so that no account guard speaks), synthesized; its resource's config. */
function poolOf(props: Partial<BatchPoolProps>): any {
  const stack = stackWith((s) => { new BatchPool(s, 'pool', { account: batchAccountFromId(ACCOUNT_ID, 'eastus'), ...BASE, ...props }); });
  expect(stack.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
  return resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_teambatch_small;
}

function problemsOf(props: Partial<BatchPoolProps>): string[] {
  const stack = stackWith((s) => { new BatchPool(s, 'pool', { account: batchAccountFromId(ACCOUNT_ID, 'eastus'), ...BASE, ...props } as BatchPoolProps); });
  return stack.node.findAll().flatMap((c) => c.node.validate());
}

describe('BatchPool', () => {
  it('makes a pool with no public IPs, simplified communication, in the given subnet, with no inbound NAT', () => {
    const stack = stackWith((s) => { new BatchPool(s, 'pool', { account: batchAccountFromId(ACCOUNT_ID, 'eastus'), ...BASE }); });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AzurermBatchPool, {
      name: 'small',
      account_name: 'teambatch',
      resource_group_name: 'rg-team',
      vm_size: 'Standard_D2s_v3',
      node_agent_sku_id: 'batch.node.ubuntu 22.04',
      storage_image_reference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
      target_node_communication_mode: 'Simplified',
      inter_node_communication: 'Disabled',
      fixed_scale: { target_dedicated_nodes: 2, target_low_priority_nodes: 0, resize_timeout: 'PT15M' },
      network_configuration: { subnet_id: SUBNET_ID, public_address_provisioning_type: 'NoPublicIPAddresses' },
    });
    const pool = resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_teambatch_small;
    expect(pool.network_configuration.endpoint_configuration).toBeUndefined();
    expect(pool.network_configuration.public_ips).toBeUndefined();
    expect(pool.identity).toBeUndefined();
    expect(pool.start_task).toBeUndefined();
    expect(JSON.parse(Testing.synth(stack)).moved).toBeUndefined();
  });

  it('refers to a BatchAccount of the stack by reference, so that Terraform makes the account first', () => {
    const stack = stackWith((s) => {
      const account = new BatchAccount(s, 'account', { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus' });
      new BatchPool(s, 'pool', { ...BASE, account });
    });
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small).toMatchObject({
      account_name: '${azurerm_batch_account.batch_contosobatch.name}',
      resource_group_name: '${azurerm_batch_account.batch_contosobatch.resource_group_name}',
    });
  });

  it('opts in to Batch-managed public IPs by name', () => {
    expect(poolOf({ publicIpAddresses: { provisioning: 'BatchManaged' } }).network_configuration).toEqual({ subnet_id: SUBNET_ID, public_address_provisioning_type: 'BatchManaged' });
  });

  it('opts in to user-managed public IPs and inbound NAT pools for SSH, leaving source ports to azurerm', () => {
    const pool = poolOf({
      publicIpAddresses: { provisioning: 'UserManaged', ipAddressIds: [IP('a')] },
      inboundNatPools: [{
        name: 'ssh', protocol: 'TCP', backendPort: 22, frontendPortRangeStart: 40000, frontendPortRangeEnd: 40100,
        networkSecurityGroupRules: [{ priority: 150, access: 'Allow', sourceAddressPrefix: '10.0.0.0/8' }],
      }],
    });
    expect(pool.network_configuration).toEqual({
      subnet_id: SUBNET_ID,
      public_address_provisioning_type: 'UserManaged',
      public_ips: [IP('a')],
      endpoint_configuration: [{
        name: 'ssh', protocol: 'TCP', backend_port: 22, frontend_port_range: '40000-40100',
        network_security_group_rules: [{ priority: 150, access: 'Allow', source_address_prefix: '10.0.0.0/8' }],
      }],
    });
  });

  it('sizes by an autoscale formula, with the interval written as Azure returns it', () => {
    const pool = poolOf({ fixedScale: undefined, autoScale: { formula: '$TargetDedicatedNodes = 1;', evaluationInterval: 'PT60M' } });
    expect(pool.auto_scale).toEqual({ formula: '$TargetDedicatedNodes = 1;', evaluation_interval: 'PT1H' });
    expect(pool.fixed_scale).toBeUndefined();
    expect(poolOf({ fixedScale: undefined, autoScale: { formula: 'x' } }).auto_scale.evaluation_interval).toBe('PT15M');
  });

  it('writes the fixed size in full, Spot nodes and deallocation too', () => {
    expect(poolOf({ fixedScale: { dedicatedNodes: 1, lowPriorityNodes: 3, resizeTimeout: 'PT20M', nodeDeallocationMethod: 'TaskCompletion' } }).fixed_scale).toEqual({
      target_dedicated_nodes: 1, target_low_priority_nodes: 3, resize_timeout: 'PT20M', node_deallocation_method: 'TaskCompletion',
    });
  });

  it('runs a start task as a non-admin auto-user and waits for it by default', () => {
    const pool = poolOf({
      identityIds: [UAI],
      startTask: { commandLine: 'setup.sh', environment: { A: '1' }, resourceFiles: [{ httpUrl: 'https://x.blob.core.windows.net/c/setup.sh', filePath: 'setup.sh', identityId: UAI }] },
    });
    expect(pool.start_task).toEqual({
      command_line: 'setup.sh',
      wait_for_success: true,
      common_environment_properties: { A: '1' },
      user_identity: { auto_user: { elevation_level: 'NonAdmin', scope: 'Task' } },
      resource_file: [{ http_url: 'https://x.blob.core.windows.net/c/setup.sh', file_path: 'setup.sh', user_assigned_identity_id: UAI }],
    });
    expect(pool.identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI] });
    expect(poolOf({ startTask: { commandLine: 'x', waitForSuccess: false, elevationLevel: 'Admin', autoUserScope: 'Pool', retryMaximum: 2 } }).start_task).toMatchObject({
      wait_for_success: false, task_retry_maximum: 2, user_identity: { auto_user: { elevation_level: 'Admin', scope: 'Pool' } },
    });
  });

  it('writes identity IDs copied in lower case in the spelling azurerm\'s case-sensitive parser wants', () => {
    const lower = UAI.replace('resourceGroups', 'resourcegroups').replace('Microsoft.ManagedIdentity/userAssignedIdentities', 'microsoft.managedidentity/userassignedidentities');
    expect(poolOf({ identityIds: [lower] }).identity).toEqual({ type: 'UserAssigned', identity_ids: [UAI] });
  });

  it('takes an image resource by ID, a task slot count and inter-node communication', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/batch`;
    const pool = poolOf({ image: { id, nodeAgentSkuId: 'batch.node.ubuntu 22.04' }, maxTasksPerNode: 4, interNodeCommunication: true });
    expect(pool).toMatchObject({ storage_image_reference: { id }, max_tasks_per_node: 4, inter_node_communication: 'Enabled' });
  });

  it('reports every problem at once, naming each prop', () => {
    expect(problemsOf({
      name: 'my pool',
      vmSize: 'Standard D2',
      image: { nodeAgentSkuId: 'ubuntu', publisher: 'canonical' },
      fixedScale: { dedicatedNodes: 3000 },
      maxTasksPerNode: 0,
      inboundNatPools: [{ name: 'ssh', protocol: 'TCP', backendPort: 22, frontendPortRangeStart: 1, frontendPortRangeEnd: 101 }],
      startTask: { commandLine: '' },
      identityIds: [],
    })).toEqual([
      'stack/pool: name must be 1-64 letters, digits, hyphens and underscores, got "my pool"',
      'stack/pool: vmSize must be an Azure VM size such as Standard_D2s_v3, got "Standard D2"',
      expect.stringMatching(/^stack\/pool: image.nodeAgentSkuId must be a Batch node agent SKU/),
      'stack/pool: image.offer is required for a Marketplace image (or give id for an image resource)',
      'stack/pool: image.sku is required for a Marketplace image (or give id for an image resource)',
      'stack/pool: fixedScale.dedicatedNodes must be a whole number from 0 to 2000, got 3000',
      'stack/pool: maxTasksPerNode must be a whole number from 1 to 256, got 0',
      'stack/pool: identityIds must list at least one user-assigned identity, or be left out',
      'stack/pool: startTask.commandLine must not be empty',
      expect.stringMatching(/^stack\/pool: inboundNatPools need publicIpAddresses: a pool without public IPs cannot have inbound NAT/),
    ]);
  });

  it('refuses a subnet in another region or subscription than the account', () => {
    expect(problemsOf({ subnet: { id: SUBNET_ID, virtualNetwork: { id: 'x', location: 'westeurope' } } })).toEqual([
      'stack/pool: subnet is in a VNet in westeurope, but the account is in eastus: a pool\'s VNet must be in its account\'s region',
    ]);
    expect(problemsOf({ subnet: SUBNET_ID.replace(SUB, '99999999-9999-9999-9999-999999999999') })).toEqual([expect.stringMatching(/^stack\/pool: subnet is in subscription 9999.*must be in its account's subscription/)]);
  });

  it('refuses too few user-managed public IPs for the fixed size', () => {
    expect(problemsOf({ fixedScale: { dedicatedNodes: 150 }, publicIpAddresses: { provisioning: 'UserManaged', ipAddressIds: [IP('a')] } })).toEqual([
      'stack/pool: publicIpAddresses.ipAddressIds must list at least 2 public IPs for 150 dedicated and 0 Spot nodes (one per 100 of each), got 1',
    ]);
  });

  it('refuses an account it cannot place the pool in, and a name known only at apply', () => {
    expect(privateBatchPoolProblems({ ...BASE, account: { id: '${TfToken[TOKEN.9]}', name: 'x', location: 'eastus' } }).map((p) => p.field)).toEqual(['account']);
    expect(privateBatchPoolProblems({ ...BASE, account: batchAccountFromId(ACCOUNT_ID, 'eastus'), name: '${TfToken[TOKEN.8]}' })).toEqual([
      { field: 'name', problem: 'must be known at synth (it names the pool\'s Terraform address), got a token' },
    ]);
    expect(privateBatchPoolProblems({ ...BASE, account: undefined as never, subnet: undefined as never, vmSize: undefined as never }).map((p) => p.field)).toEqual(['account', 'vmSize', 'subnet']);
  });

  it('outputs its ID and subnet when asked', () => {
    const stack = stackWith((s) => { new BatchPool(s, 'pool', { account: batchAccountFromId(ACCOUNT_ID, 'eastus'), ...BASE, outputs: true }); });
    expect(JSON.parse(Testing.synth(stack)).output).toEqual({
      teambatch_pool_small: { description: 'ID and subnet of Batch pool small', value: { id: '${azurerm_batch_pool.pool_teambatch_small.id}', subnet_id: SUBNET_ID } },
    });
  });
});

describe('PrivateBatch.addPool', () => {
  const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };
  const pool = { name: 'small', vmSize: 'Standard_D2s_v3', image: IMAGE, fixedScale: { dedicatedNodes: 2 } };

  function withBatch(props: Partial<ConstructorParameters<typeof PrivateBatch>[2]>, add: (batch: PrivateBatch, stack: TerraformStack) => void) {
    return stackWith((s) => {
      const vnet = new VirtualNetwork(s, 'vnet', { name: 'vnet-batch', location: 'eastus', resourceGroupName: 'rg', addressSpace: ['10.20.0.0/16'] });
      const subnet = new Subnet(s, 'pe', { name: 'pe', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.20.1.0/24'] });
      add(new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet: { id: subnet.id, addressPrefix: '10.20.1.0/24', virtualNetwork: vnet }, ...props }), s);
    });
  }

  it('puts the pool in the endpoints\' subnet, after the nodeManagement endpoint, its record, the zone and its link, and the guards accept it', () => {
    const stack = withBatch({}, (batch) => { batch.addPool(pool); });
    expect(BatchGuards.check(stack)).toEqual([]);
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small).toMatchObject({
      account_name: '${azurerm_batch_account.batch_contosobatch.name}',
      network_configuration: { subnet_id: '${azurerm_subnet.pe.id}', public_address_provisioning_type: 'NoPublicIPAddresses' },
      depends_on: [
        'azurerm_private_endpoint.pe_contosobatch_nodemanagement', 'azurerm_private_dns_a_record.dns_contosobatch_nodemanagement',
        'azurerm_private_dns_zone.zone_privatelink_batch_azure_com', 'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch',
      ],
    });
  });

  it('waits for the endpoint, the zone and the link when a zone group writes its record', () => {
    const stack = withBatch({ dns: { mode: 'zoneGroup' } }, (batch) => { batch.addPool(pool); });
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small.depends_on).toEqual([
      'azurerm_private_endpoint.pe_contosobatch_nodemanagement', 'azurerm_private_dns_zone.zone_privatelink_batch_azure_com',
      'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch',
    ]);
  });

  // The defect of #22: link and pool were created in parallel, so the first nodes could boot unable to resolve.
  it('waits for the zone\'s link to the pool\'s own VNet, not to the endpoints\' VNet, when the pool is in another VNet', () => {
    const spokeVnet = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-pools`;
    const stack = withBatch({ dns: { linkedVnetIds: [spokeVnet] } }, (batch) => {
      batch.addPool({ ...pool, subnet: { id: `${spokeVnet}/subnets/pools`, addressPrefix: '10.30.1.0/24' } });
    });
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small.depends_on).toEqual([
      'azurerm_private_endpoint.pe_contosobatch_nodemanagement', 'azurerm_private_dns_a_record.dns_contosobatch_nodemanagement',
      'azurerm_private_dns_zone.zone_privatelink_batch_azure_com', 'azurerm_private_dns_zone_virtual_network_link.link_vnet_pools',
    ]);
    expect(BatchGuards.check(stack).filter((m) => m.includes('depends_on'))).toEqual([]);
  });

  it('waits for a link to the pool\'s VNet that the app made on a zone it passes in', () => {
    const stack = stackWith((s) => {
      const vnet = new VirtualNetwork(s, 'vnet', { name: 'vnet-batch', location: 'eastus', resourceGroupName: 'rg', addressSpace: ['10.20.0.0/16'] });
      const subnet = new Subnet(s, 'pe', { name: 'pe', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.20.1.0/24'] });
      const zone = new BatchPrivateDnsZone(s, 'zone', { resourceGroupName: 'rg' });
      zone.linkVirtualNetwork('other', { virtualNetworkId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/other` });
      zone.linkVirtualNetwork('batch', { virtualNetworkId: vnet.id });
      new PrivateBatch(s, 'batch', { account: ACCOUNT, subnet: { id: subnet.id, addressPrefix: '10.20.1.0/24', virtualNetwork: vnet }, dns: { zone } }).addPool(pool);
    });
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small.depends_on).toEqual(expect.arrayContaining([
      'azurerm_private_dns_zone_virtual_network_link.link_batch',
    ]));
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_batch_pool').pool_contosobatch_small.depends_on).not.toContain('azurerm_private_dns_zone_virtual_network_link.link_other');
    expect(BatchGuards.check(stack)).toEqual([]);
  });

  it('makes the account\'s lock wait for every pool, which it would block', () => {
    const stack = withBatch({ lock: { kind: 'CanNotDelete' } }, (batch) => { batch.addPool(pool); batch.addPool({ ...pool, name: 'large' }); });
    expect(resources(JSON.parse(Testing.synth(stack)), 'azurerm_management_lock').lock_contosobatch.depends_on).toEqual(expect.arrayContaining([
      'azurerm_batch_pool.pool_contosobatch_small', 'azurerm_batch_pool.pool_contosobatch_large',
    ]));
    expect(stack.node.findAll().flatMap((c) => c.node.validate())).toEqual([]);
  });

  it('refuses a ReadOnly lock on an account with pools, naming the lock prop: pools inherit it and every resize would fail', () => {
    const stack = withBatch({ lock: { kind: 'ReadOnly' } }, (batch) => { batch.addPool(pool); batch.addPool({ ...pool, name: 'large' }); });
    expect(stack.node.findAll().flatMap((c) => c.node.validate())).toEqual([
      expect.stringMatching(/^stack\/batch: lock\.kind is ReadOnly, but the account has pools \(small\): pools inherit the lock, .*409 ScopeLocked; use CanNotDelete/),
    ]);
  });

  it('outputs each pool and, once, the node management FQDN its nodes resolve', () => {
    let added: BatchPool[] = [];
    let batchRef: PrivateBatch | undefined;
    const stack = withBatch({ outputs: true }, (batch) => {
      batchRef = batch;
      added = [batch.addPool(pool), batch.addPool({ ...pool, name: 'big', subnet: SUBNET_ID.replace('snet-pools', 'other'), outputs: false })];
    });
    const outputs = JSON.parse(Testing.synth(stack)).output;
    expect(Object.keys(outputs).filter((o) => !o.includes('endpoint_ips') && !o.includes('record_fqdns') && !o.includes('zone_id')).sort())
      .toEqual(['contosobatch_node_management_fqdn', 'contosobatch_pool_small']);
    expect(outputs.contosobatch_node_management_fqdn.value).toBe('${azurerm_private_endpoint.pe_contosobatch_nodemanagement.custom_dns_configs[0].fqdn}');
    expect(batchRef!.pools).toEqual(added);
    expect(batchRef!.nodeManagementFqdn).toBeDefined();
  });

  it('refuses a second pool of one name, ignoring case', () => {
    const stack = withBatch({}, (batch) => { batch.addPool(pool); batch.addPool({ ...pool, name: 'Small' }); });
    expect(stack.node.findAll().flatMap((c) => c.node.validate())).toContain('stack/batch/pool-Small: name names pool Small again: pool names are unique in an account, ignoring case');
  });

  it('lets the guards refuse a pool when the account has no nodeManagement endpoint', () => {
    const stack = withBatch({ endpoints: [{ subResource: 'batchAccount' }] }, (batch) => { batch.addPool(pool); });
    expect(BatchGuards.check(stack)).toEqual([expect.stringMatching(/^stack\/batch\/pool-small\/Resource: account_name = .*and the stack has none/)]);
  });

  it('accepts the declared existing endpoint, and external DNS on the endpoint', () => {
    const declared = withBatch({ endpoints: [{ subResource: 'batchAccount' }] }, (batch) => { batch.addPool({ ...pool, nodeManagement: { existingEndpoint: true } }); });
    expect(BatchGuards.check(declared)).toEqual([]);
    const external = withBatch({ dns: { mode: 'external' } }, (batch) => { batch.addPool(pool); });
    expect(BatchGuards.check(external)).toEqual([]);
  });
});
