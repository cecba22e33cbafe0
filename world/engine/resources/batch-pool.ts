import { resolve } from '../../dns/resolve';
import { badRequest } from '../arm/errors';
import { keyOf, parseId } from '../arm/ids';
import { region } from '../arm/properties';
import { ArmContext, registerType } from '../arm/type-rules';
import { ArmResource } from '../arm/world';
import { CONNECTION_TYPE, POOL_TYPE } from './batch';
import { SUBNET_TYPE } from './network';

registerType({
  type: POOL_TYPE,
  /**
   * A pool's subnet exists and lies in a VNet of the account's subscription and region (Learn:
   * batch/batch-virtual-network, "The VNet must be in the same subscription and region as the Batch account").
   * Unconfirmed: the error code.
   */
  put(ctx, pool, prior) {
    const subnetId: string | undefined = pool.properties.networkConfiguration?.subnetId;
    const account = ctx.world.get(parseId(pool.id).parentId)!;
    if (subnetId) {
      const subnet = ctx.world.get(subnetId);
      if (!subnet || parseId(subnetId).type.toLowerCase() !== SUBNET_TYPE.toLowerCase()) {
        throw badRequest('InvalidPropertyValue', `The specified subnet ${subnetId} does not exist.`);
      }
      const vnet = ctx.world.get(parseId(subnetId).parentId)!;
      if (parseId(subnetId).subscriptionId?.toLowerCase() !== parseId(account.id).subscriptionId?.toLowerCase() || region(vnet.location) !== region(account.location)) {
        throw badRequest('InvalidPropertyValue', `The virtual network of subnet ${subnetId} must be in the same subscription and region as the Batch account ${account.name}.`);
      }
    }
    const nodes = prior?.nodes ?? (subnetId ? nodeReach(ctx, account, parseId(subnetId).parentId) : undefined);
    return { ...pool, ...(nodes ? { nodes } : {}), properties: { ...pool.properties, provisioningState: 'Succeeded', allocationState: 'Steady' } };
  },
});

/**
 * Whether the pool's first nodes can reach node management, judged when the pool is created (the world's own field
 * `nodes`, not ARM's). Nodes of a pool in a VNet use simplified node communication and reach node management at the
 * account's `nodeManagementEndpoint`; without a public route they need that name to resolve, in their VNet, to an
 * approved `nodeManagement` endpoint of the account, else they stay unusable (Learn batch/simplified-node-communication-
 * pool-no-public-ip; FACTS.md: default outbound access of such pools retired 31 March 2026). A node's state is not
 * re-evaluated later: nodes that booted unusable stay so (preamble facts).
 */
function nodeReach(ctx: ArmContext, account: ArmResource, vnetId: string): { usable: boolean; reason: string } {
  const name = String(account.properties.nodeManagementEndpoint ?? '');
  const answer = resolve(ctx.world, vnetId, name);
  const approved = ctx.world.children(account.id, CONNECTION_TYPE)
    .filter((c) => c.properties.privateLinkServiceConnectionState?.status === 'Approved' && (c.properties.groupIds ?? []).includes('nodeManagement'))
    .map((c) => keyOf(c.properties.privateEndpoint?.id ?? ''));
  const live = answer.endpoints.some((e) => approved.includes(keyOf(e)));
  if (live) return { usable: true, reason: `${name} resolves to ${answer.addresses.join(', ')}, an approved nodeManagement endpoint of ${account.name}` };
  const what = answer.nxdomain ? 'does not resolve (NXDOMAIN)' : `resolves to ${answer.addresses.join(', ') || 'nothing'}${answer.public ? ' (public)' : ''}`;
  return { usable: false, reason: `when the pool was created, ${name} ${what} in ${parseId(vnetId).name}: no approved nodeManagement endpoint of ${account.name} answers, so its nodes stay unusable` };
}
