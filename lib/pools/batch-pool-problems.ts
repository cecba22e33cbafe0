import { Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchPoolProps } from './batch-pool-props';
import { poolImageProblems } from '../rules/pool-image';
import { poolNameProblem, vmSizeProblem } from '../rules/pool-names';
import { identityIdProblems, inboundNatPoolProblems, poolSubnetPlacementProblem, publicIpProblems } from '../rules/pool-network';
import { poolScaleProblems } from '../rules/pool-scale';
import { startTaskProblems } from '../rules/pool-start-task';
import { PropProblem, under } from '../rules/problems';
import { literalSubscription, parseResourceId } from '../rules/resource-id';
import { resolveSubnet } from '../rules/subnets';

/** Azure's cap on task slots per node (it is also at most 4 times the VM's cores, which the library cannot know). */
export const MAX_TASKS_PER_NODE = 256;

/**
 * The account's name and resource group as a pool refers to them: references to a `BatchAccount`'s resource
 * (so that Terraform creates the account first), or the parts of a literal account ID. Undefined when neither.
 */
export function poolAccountRefs(account: IBatchAccount): { name: string; resourceGroupName: string } | undefined {
  const resource = (account as { resource?: { terraformResourceType?: string; name: string; resourceGroupName: string } }).resource;
  if (resource?.terraformResourceType === 'azurerm_batch_account') return { name: resource.name, resourceGroupName: resource.resourceGroupName };
  const parts = Token.isUnresolved(account.id) ? undefined : parseResourceId(account.id);
  return parts && parts.type.toLowerCase() === 'microsoft.batch/batchaccounts' ? { name: parts.name, resourceGroupName: parts.resourceGroupName } : undefined;
}

function literal(value: unknown): value is string {
  return typeof value === 'string' && !Token.isUnresolved(value);
}

/**
 * Every problem with a pool's props, each naming its prop: Azure's and azurerm's rules for each field, and what
 * makes the pool private (no public IP or inbound NAT without the opt-in). Pure, so the example app's config checks
 * reach the same rules.
 */
export function privateBatchPoolProblems(props: BatchPoolProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  if (props.account === undefined) add('account', 'is required: a BatchAccount, or an existing account (batchAccountFromId)');
  else if (poolAccountRefs(props.account) === undefined) add('account', 'must be a BatchAccount of this app, or an account by its literal ID (batchAccountFromId): the pool needs its resource group');
  if (literal(props.name)) add('name', poolNameProblem(props.name));
  else add('name', typeof props.name === 'string' ? 'must be known at synth (it names the pool\'s Terraform address), got a token' : 'is required');
  if (literal(props.vmSize)) add('vmSize', vmSizeProblem(props.vmSize));
  else if (typeof props.vmSize !== 'string') add('vmSize', 'is required, e.g. Standard_D2s_v3');
  problems.push(...under('image', poolImageProblems(props.image)));
  problems.push(...poolScaleProblems(props));
  const tasks = props.maxTasksPerNode;
  if (tasks !== undefined && !(Number.isInteger(tasks) && tasks >= 1 && tasks <= MAX_TASKS_PER_NODE)) {
    add('maxTasksPerNode', `must be a whole number from 1 to ${MAX_TASKS_PER_NODE}, got ${JSON.stringify(tasks)}`);
  }
  if (props.identityIds !== undefined) problems.push(...under('identityIds', identityIdProblems(props.identityIds)));
  if (props.startTask !== undefined) problems.push(...under('startTask', startTaskProblems(props.startTask, props.identityIds)));
  problems.push(...networkProblems(props));
  return problems;
}

function networkProblems(props: BatchPoolProps): PropProblem[] {
  const problems: PropProblem[] = [];
  if (props.subnet === undefined) return [{ field: 'subnet', problem: 'is required: the subnet the nodes take their addresses from' }];
  const subnet = resolveSubnet(props.subnet);
  if (props.account !== undefined) {
    const placement = poolSubnetPlacementProblem(props.account, { vnetLocation: subnet.vnetLocation, subscriptionId: literalSubscription(subnet.id) });
    if (placement) problems.push({ field: 'subnet', problem: placement });
  }
  const fixed = props.fixedScale;
  const nodes = fixed && props.autoScale === undefined ? { dedicated: fixed.dedicatedNodes ?? 0, lowPriority: fixed.lowPriorityNodes ?? 0 } : undefined;
  if (props.publicIpAddresses !== undefined) problems.push(...under('publicIpAddresses', publicIpProblems(props.publicIpAddresses, nodes)));
  const natPools = props.inboundNatPools ?? [];
  if (natPools.length > 0 && props.publicIpAddresses === undefined) {
    problems.push({ field: 'inboundNatPools', problem: 'need publicIpAddresses: a pool without public IPs cannot have inbound NAT (Azure refuses it); reach its nodes from inside the VNet (Bastion, a jumpbox) instead' });
  }
  problems.push(...under('inboundNatPools', inboundNatPoolProblems(natPools)));
  return problems;
}
