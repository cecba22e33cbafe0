import { Construct } from 'constructs';
import { TerraformOutput, Token } from 'cdktf';
import { BatchPool as AzurermBatchPool, BatchPoolNetworkConfigurationEndpointConfiguration, BatchPoolStartTask } from '@cdktf/provider-azurerm/lib/batch-pool';
import { IBatchAccount } from '../account/batch-account-ref';
import { stableAddress } from '../core/addresses';
import { BatchGuards } from '../guards/batch-guards';
import { optIn } from '../guards/opt-ins';
import { poolAccountRefs, privateBatchPoolProblems } from './batch-pool-problems';
import { BatchPoolProps } from './batch-pool-props';
import { mapAttributes, reportProblems } from '../core/problems';
import { outputName, poolLogicalId } from '../rules/logical-ids';
import { PoolImage } from '../rules/pool-image';
import { PoolInboundNatPool, frontendPortRange } from '../rules/pool-network';
import { normalizedDuration } from '../rules/pool-scale';
import { PoolStartTask } from '../rules/pool-start-task';
import { resolveSubnet } from '../rules/subnets';
import { normalizedResourceId } from '../rules/resource-id';

/** The node communication mode every pool of this library uses: classic was retired on 31 March 2026. */
export const POOL_NODE_COMMUNICATION_MODE = 'Simplified';

/**
 * A Batch pool for a private account: its nodes sit in the given subnet with no public IP addresses and no inbound
 * NAT, and reach the Batch node management service through the account's `nodeManagement` private endpoint
 * (simplified node communication). Public IPs and inbound NAT pools are opt-ins; the stack guards check that the
 * nodes can reach node management privately.
 *
 * `public_address_provisioning_type` and `target_node_communication_mode` are always written out: azurerm does not
 * read them back as computed values, so leaving either to Azure's default would show a change on the next plan.
 */
export class BatchPool extends Construct {
  /** The azurerm pool, for settings this construct does not cover. */
  public readonly resource: AzurermBatchPool;
  /** The account the pool belongs to. */
  public readonly account: IBatchAccount;
  /** The pool's name (its ID in the account). */
  public readonly name: string;
  /** The pool's resource ID. */
  public readonly id: string;
  /** The subnet the nodes take their addresses from. */
  public readonly subnetId: string;
  /** Whether the nodes have public IP addresses (the opt-in). */
  public readonly hasPublicIps: boolean;
  /** The `<account>_pool_<pool>` output, with `outputs`. */
  public readonly output?: TerraformOutput;

  constructor(scope: Construct, id: string, props: BatchPoolProps) {
    super(scope, id);
    reportProblems(this, privateBatchPoolProblems(props));
    this.account = props.account;
    this.name = props.name;
    this.subnetId = resolveSubnet(props.subnet ?? '').id;
    this.hasPublicIps = props.publicIpAddresses !== undefined;
    const account = poolAccountRefs(props.account) ?? { name: props.account?.name ?? '', resourceGroupName: '' };
    const publicIps = props.publicIpAddresses;

    this.resource = new AzurermBatchPool(this, 'Resource', {
      provider: props.provider,
      name: props.name,
      accountName: account.name,
      resourceGroupName: account.resourceGroupName,
      vmSize: props.vmSize,
      nodeAgentSkuId: props.image?.nodeAgentSkuId,
      storageImageReference: imageReference(props.image),
      fixedScale: props.fixedScale && {
        targetDedicatedNodes: props.fixedScale.dedicatedNodes ?? 0,
        targetLowPriorityNodes: props.fixedScale.lowPriorityNodes ?? 0,
        resizeTimeout: normalizedDuration(props.fixedScale.resizeTimeout, 'PT15M'),
        nodeDeallocationMethod: props.fixedScale.nodeDeallocationMethod,
      },
      autoScale: props.autoScale && {
        formula: props.autoScale.formula,
        evaluationInterval: normalizedDuration(props.autoScale.evaluationInterval, 'PT15M'),
      },
      targetNodeCommunicationMode: POOL_NODE_COMMUNICATION_MODE,
      interNodeCommunication: props.interNodeCommunication ? 'Enabled' : 'Disabled',
      maxTasksPerNode: props.maxTasksPerNode,
      networkConfiguration: {
        subnetId: this.subnetId,
        publicAddressProvisioningType: publicIps?.provisioning ?? 'NoPublicIPAddresses',
        publicIps: publicIps?.provisioning === 'UserManaged' ? [...(publicIps.ipAddressIds ?? [])] : undefined,
        endpointConfiguration: props.inboundNatPools?.map(natPool),
      },
      identity: props.identityIds ? { type: 'UserAssigned', identityIds: props.identityIds.map((id) => normalizedResourceId(id, 'Microsoft.ManagedIdentity/userAssignedIdentities')) } : undefined,
      startTask: props.startTask && startTask(props.startTask),
      dependsOn: props.dependsOn,
    });
    const accountName = String(props.account?.name ?? 'account');
    // Pools are new in 0.2: no 0.1 address to move from.
    stableAddress(this.resource, poolLogicalId(accountName, Token.isUnresolved(props.name) ? 'pool' : String(props.name ?? 'pool')), { existedInV01: false });
    // The guards' findings on these attributes are reported at the props they came from. account_name is left out: a
    // finding on it (no nodeManagement endpoint for the pool) is about the pool the user wrote, not the account's entry.
    mapAttributes(this.resource, this, { 'network_configuration.subnet_id': 'subnet' });
    if (props.nodeManagement?.existingEndpoint) optIn(this.resource, 'existingNodeManagementEndpoint');
    if (props.nodeManagement?.externalDns) optIn(this.resource, 'externalNodeManagementDns');
    this.id = this.resource.id;

    if (props.outputs) {
      const name = outputName(accountName, 'pool', String(props.name));
      this.output = stableAddress(new TerraformOutput(this, 'output', {
        description: `ID and subnet of Batch pool ${props.name}`,
        value: { id: this.id, subnet_id: this.subnetId },
      }), name);
    }
    BatchGuards.of(this);
  }
}

function imageReference(image: PoolImage | undefined) {
  if (image?.id !== undefined) return { id: image.id };
  return { publisher: image?.publisher, offer: image?.offer, sku: image?.sku, version: image?.version ?? 'latest' };
}

function natPool(pool: PoolInboundNatPool): BatchPoolNetworkConfigurationEndpointConfiguration {
  return {
    name: pool.name,
    protocol: pool.protocol,
    backendPort: pool.backendPort,
    frontendPortRange: frontendPortRange(pool),
    // source_port_ranges is left out: azurerm 4.x drops it when it sends the rule, so any value but * would diff.
    networkSecurityGroupRules: pool.networkSecurityGroupRules?.map((rule) => ({
      priority: rule.priority,
      access: rule.access,
      sourceAddressPrefix: rule.sourceAddressPrefix,
    })),
  };
}

function startTask(task: PoolStartTask): BatchPoolStartTask {
  return {
    commandLine: task.commandLine,
    waitForSuccess: task.waitForSuccess ?? true,
    taskRetryMaximum: task.retryMaximum,
    commonEnvironmentProperties: task.environment ? { ...task.environment } : undefined,
    userIdentity: { autoUser: { elevationLevel: task.elevationLevel ?? 'NonAdmin', scope: task.autoUserScope ?? 'Task' } },
    resourceFile: task.resourceFiles?.map((file) => ({
      httpUrl: file.httpUrl,
      storageContainerUrl: file.storageContainerUrl,
      autoStorageContainerName: file.autoStorageContainerName,
      blobPrefix: file.blobPrefix,
      filePath: file.filePath,
      fileMode: file.fileMode,
      userAssignedIdentityId: file.identityId,
    })),
  };
}
