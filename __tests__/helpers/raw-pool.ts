import { Fn, TerraformStack } from 'cdktf';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { BatchPool as AzurermBatchPool, BatchPoolConfig } from '@cdktf/provider-azurerm/lib/batch-pool';
import { PrivateDnsARecord } from '@cdktf/provider-azurerm/lib/private-dns-a-record';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { PUBLIC_CLOUD, RawCloud, rawPrivateSetup } from './raw-stack';

/** A raw pool of an account, in a subnet: no public IPs, simplified communication, 2 dedicated nodes. */
export function rawPool(stack: TerraformStack, id: string, batch: AzurermBatchAccount, subnet: Subnet | string, config: Partial<BatchPoolConfig> = {}): AzurermBatchPool {
  return new AzurermBatchPool(stack, id, {
    name: id,
    accountName: batch.name,
    resourceGroupName: batch.resourceGroupName,
    vmSize: 'Standard_D2s_v3',
    nodeAgentSkuId: 'batch.node.ubuntu 22.04',
    storageImageReference: { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts', version: 'latest' },
    fixedScale: { targetDedicatedNodes: 2 },
    targetNodeCommunicationMode: 'Simplified',
    networkConfiguration: { subnetId: typeof subnet === 'string' ? subnet : subnet.id, publicAddressProvisioningType: 'NoPublicIPAddresses' },
    ...config,
  });
}

/**
 * The raw private setup of `rawPrivateSetup` with the whole private path for pools: a nodeManagement endpoint, its
 * Terraform-owned A record in the linked zone, and a pool in the endpoints' subnet that waits for them all (endpoint,
 * record, zone, link). Each test breaks one thing.
 */
export function rawPoolSetup(stack: TerraformStack, cloud: RawCloud = PUBLIC_CLOUD) {
  const setup = rawPrivateSetup(stack, {}, cloud);
  const nodes = setup.endpoint('pe-nodes', 'nodeManagement');
  const nodesRecord = new PrivateDnsARecord(stack, 'nodes-record', {
    name: Fn.trimsuffix(nodes.customDnsConfigs.get(0).fqdn, `.${cloud.suffix}`),
    zoneName: setup.zone.name,
    resourceGroupName: 'rg',
    ttl: 10,
    records: [nodes.privateServiceConnection.privateIpAddress],
  });
  const pool = rawPool(stack, 'pool', setup.batch, setup.subnet, { dependsOn: [nodes, nodesRecord, setup.zone, setup.link] });
  return { ...setup, nodes, nodesRecord, pool };
}
