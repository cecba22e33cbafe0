import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { PoolImage } from '../rules/pool-image';
import { PoolInboundNatPool, PoolPublicIps } from '../rules/pool-network';
import { AutoPoolScale, FixedPoolScale } from '../rules/pool-scale';
import { PoolStartTask } from '../rules/pool-start-task';
import { SubnetInfo } from '../rules/subnets';

/**
 * What the stack does not show about how a pool's nodes reach node management, declared so that the guards accept
 * it. Each is an opt-in a reviewer can see.
 */
export interface PoolNodeManagement {
  /**
   * The account's `nodeManagement` private endpoint exists outside this stack (another stack's or team's), so the
   * guards do not look for one here. Its DNS must still answer in the pool's VNet: a Batch zone linked to that VNet
   * in this stack, or `externalDns`.
   * @default false
   */
  readonly existingEndpoint?: boolean;
  /**
   * DNS this stack does not show answers the node management name in the pool's VNet: your DNS servers, or a hub
   * zone that its owner linked to the VNet.
   * @default false
   */
  readonly externalDns?: boolean;
}

/** Props of a pool that {@link PrivateBatch.addPool} makes: everything but the account, and the subnet is optional. */
export interface PrivateBatchPoolOptions {
  /** The pool's name (its ID in the account): 1-64 letters, digits, `-` and `_`; unique in the account, ignoring case. */
  readonly name: string;
  /**
   * The subnet the nodes take their addresses from: its resource ID, an azurerm `Subnet` construct, or a
   * {@link SubnetInfo} with its prefix (to check the node count against) and VNet (to check the region).
   * @default with `PrivateBatch.addPool`, the endpoints' subnet
   */
  readonly subnet?: string | SubnetInfo;
  /** The VM size, e.g. `Standard_D2s_v3`. */
  readonly vmSize: string;
  /** The OS image and its node agent SKU. */
  readonly image: PoolImage;
  /**
   * A fixed number of nodes. Give this or `autoScale`.
   * @default none
   */
  readonly fixedScale?: FixedPoolScale;
  /**
   * An autoscale formula. Give this or `fixedScale`. The guards cannot read a formula: size the subnet for its
   * largest result.
   * @default none
   */
  readonly autoScale?: AutoPoolScale;
  /**
   * The task each node runs when it joins.
   * @default none
   */
  readonly startTask?: PoolStartTask;
  /**
   * User-assigned identities for the nodes (pools have no system-assigned identity): to read Storage, a container
   * registry or Key Vault without keys. Pools without public IPs cannot use task authentication tokens; use these.
   * @default none
   */
  readonly identityIds?: readonly string[];
  /**
   * Task slots per node: 1 to 256 (Azure also caps it at 4 times the VM's cores).
   * @default 1
   */
  readonly maxTasksPerNode?: number;
  /**
   * Let nodes talk to each other directly (MPI). Azure's default; it limits the pool's size.
   * @default false
   */
  readonly interNodeCommunication?: boolean;
  /**
   * Opt-in: public IP addresses on the nodes, `BatchManaged` or `UserManaged` with your IPs. Without it the nodes have
   * none (`NoPublicIPAddresses`) and no internet route of their own.
   * @default none: no public IPs
   */
  readonly publicIpAddresses?: PoolPublicIps;
  /**
   * Opt-in: inbound NAT pools that forward public ports to each node (SSH, RDP). They need `publicIpAddresses`.
   * @default none: no inbound access from outside the VNet
   */
  readonly inboundNatPools?: readonly PoolInboundNatPool[];
  /**
   * Declarations for what the stack does not show about reaching node management.
   * @default none: the guards look for the nodeManagement endpoint and its DNS in the stack
   */
  readonly nodeManagement?: PoolNodeManagement;
  /**
   * What must exist before the pool is created. `PrivateBatch.addPool` adds the account's nodeManagement endpoints
   * and their A records, so that the first nodes find node management.
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * Add an output `<account>_pool_<pool>` with the pool's ID and subnet.
   * @default false (`PrivateBatch.addPool`: the `PrivateBatch`'s `outputs`)
   */
  readonly outputs?: boolean;
  /**
   * The azurerm provider for the pool.
   * @default the stack's default azurerm provider (`PrivateBatch.addPool`: the `PrivateBatch`'s)
   */
  readonly provider?: TerraformProvider;
}

/** Props of {@link BatchPool}. */
export interface BatchPoolProps extends PrivateBatchPoolOptions {
  /**
   * The account: a `BatchAccount` of this stack, or an account by its literal ID (`batchAccountFromId`),
   * whose resource group the pool is created in.
   */
  readonly account: IBatchAccount;
  /** The subnet the nodes take their addresses from. */
  readonly subnet: string | SubnetInfo;
}
