import { BatchEndpointView } from './batch-view';
import { providerSubscription, vnetOfSubnet } from './network-view';
import { ModelResource, StackModel, blocks, literalValue, referenceOf, resourceAt, resourcesOfType } from './stack-model';

/** A Batch pool of the stack, as the pool guards see it. */
export interface PoolView {
  /** The pool resource. */
  readonly resource: ModelResource;
  /** The pool's account, when it is an `azurerm_batch_account` of the stack. */
  readonly account?: ModelResource;
  /** Identifies the account as {@link BatchEndpointView.accountKey} does: its address, or its ID in lower case. */
  readonly accountKey?: string;
  /** `network_configuration.subnet_id` as synthesized; undefined when the pool is in no VNet. */
  readonly subnetId: unknown;
  /** Whether the nodes get public IPs: anything but `NoPublicIPAddresses` (Azure's default is `BatchManaged`). */
  readonly publicIps: boolean;
  /** Dedicated plus Spot nodes of a fixed-size pool, when known at synth; undefined for autoscale. */
  readonly fixedNodes?: number;
}

/** The azurerm default of `fixed_scale.target_dedicated_nodes` when the block leaves it out. */
const DEFAULT_DEDICATED_NODES = 1;

function managedAccounts(model: StackModel): ModelResource[] {
  return resourcesOfType(model, 'azurerm_batch_account');
}

/** The account a pool's `account_name` names: a reference to an account of the stack, or its literal name and group. */
function accountOf(model: StackModel, pool: ModelResource): ModelResource | undefined {
  const ref = referenceOf(pool.config.account_name);
  if (ref) return managedAccounts(model).find((a) => a.address === ref.address);
  const name = literalValue(model, pool.config.account_name);
  const group = literalValue(model, pool.config.resource_group_name)?.toLowerCase();
  return managedAccounts(model).find((a) => name !== undefined && literalValue(model, a.config.name) === name
    && literalValue(model, a.config.resource_group_name)?.toLowerCase() === group);
}

/** An account outside the stack as endpoints name it by literal ID, when its subscription is known. */
function literalAccountKey(model: StackModel, pool: ModelResource): string | undefined {
  const name = literalValue(model, pool.config.account_name);
  const group = literalValue(model, pool.config.resource_group_name);
  const subscription = providerSubscription(model, pool);
  return name && group && subscription
    ? `/subscriptions/${subscription}/resourcegroups/${group}/providers/microsoft.batch/batchaccounts/${name}`.toLowerCase()
    : undefined;
}

function nodeCount(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'number' ? value : undefined;
}

function fixedNodes(pool: ModelResource): number | undefined {
  const fixed = blocks(pool.config.fixed_scale)[0];
  if (!fixed || blocks(pool.config.auto_scale).length > 0) return undefined;
  const dedicated = nodeCount(fixed.target_dedicated_nodes, DEFAULT_DEDICATED_NODES);
  const lowPriority = nodeCount(fixed.target_low_priority_nodes, 0);
  return dedicated === undefined || lowPriority === undefined ? undefined : dedicated + lowPriority;
}

/** Every `azurerm_batch_pool` of the stack. */
export function batchPools(model: StackModel): PoolView[] {
  return resourcesOfType(model, 'azurerm_batch_pool').map((resource) => {
    const network = blocks(resource.config.network_configuration)[0];
    const account = accountOf(model, resource);
    return {
      resource,
      account,
      accountKey: account?.address ?? literalAccountKey(model, resource),
      subnetId: network?.subnet_id,
      publicIps: network?.public_address_provisioning_type !== 'NoPublicIPAddresses',
      fixedNodes: fixedNodes(resource),
    };
  });
}

/** Whether an account of the stack has public network access disabled, so that only private endpoints reach it. */
export function isPrivateAccount(account: ModelResource | undefined): account is ModelResource {
  return account?.config.public_network_access_enabled === false;
}

/** The endpoints of the stack to a pool's account for one sub-resource. */
export function accountEndpoints(endpoints: readonly BatchEndpointView[], accountKey: string | undefined, subResource: string): BatchEndpointView[] {
  return accountKey === undefined ? [] : endpoints.filter((e) => e.accountKey === accountKey && e.subResource === subResource);
}

/** The VNet a subnet ID is in, as a key that compares equal for both spellings of one VNet; undefined when unknown. */
export function vnetKeyOfSubnet(model: StackModel, subnetId: unknown): string | undefined {
  return subnetId === undefined ? undefined : vnetOfSubnet(model, subnetId)?.key;
}

/** The subnet resource of the stack a subnet ID refers to. */
export function subnetResource(model: StackModel, subnetId: unknown): ModelResource | undefined {
  const ref = referenceOf(subnetId);
  const subnet = ref && ref.attribute === 'id' ? resourceAt(model, ref.address) : undefined;
  return subnet?.type === 'azurerm_subnet' ? subnet : undefined;
}
