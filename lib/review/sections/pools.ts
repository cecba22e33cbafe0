import { batchEndpoints } from '../../guards/batch-view';
import { PoolView, accountEndpoints, batchPools } from '../../guards/pool-view';
import { StackModel, blocks, isLiteral, literalValue, referenceOf, resourceAt } from '../../guards/stack-model';
import { code, shown, strong } from '../cells';
import { ReviewInput, ReviewSection } from '../review-section';

function nodes(model: StackModel, pool: PoolView): string {
  const auto = blocks(pool.resource.config.auto_scale)[0];
  if (auto) return `autoscale, every ${shown(model, auto.evaluation_interval ?? 'PT15M')}`;
  const fixed = blocks(pool.resource.config.fixed_scale)[0];
  if (!fixed) return 'not set';
  const spot = fixed.target_low_priority_nodes ? `, ${shown(model, fixed.target_low_priority_nodes)} Spot` : '';
  return `${shown(model, fixed.target_dedicated_nodes ?? 1)} dedicated${spot}`;
}

/** The subnet by name: a subnet of the stack, or the last segment of a literal ID. */
function subnet(model: StackModel, subnetId: unknown): string {
  if (subnetId === undefined) return strong('none: no VNet');
  const ref = referenceOf(subnetId);
  const resource = ref && resourceAt(model, ref.address);
  const name = resource ? literalValue(model, resource.config.name) : isLiteral(subnetId) ? subnetId.split('/').pop() : undefined;
  return name ? code(name) : 'known at apply';
}

function publicIps(pool: PoolView): string {
  if (!pool.publicIps) return 'none';
  const network = blocks(pool.resource.config.network_configuration)[0];
  const type = network?.public_address_provisioning_type ?? 'BatchManaged (not set: Azure\'s default)';
  const ips = Array.isArray(network?.public_ips) ? ` (${network.public_ips.length})` : '';
  return strong(`${type}${ips}`);
}

function inboundNat(pool: PoolView): string {
  const natPools = blocks(blocks(pool.resource.config.network_configuration)[0]?.endpoint_configuration);
  return natPools.length === 0
    ? 'none'
    : natPools.map((nat) => strong(`${nat.protocol} ${nat.frontend_port_range} → ${nat.backend_port}`)).join(', ');
}

/**
 * Each Batch pool: its account, size and image size, where its nodes sit, whether they have public IPs or inbound
 * NAT, and the nodeManagement endpoint of the stack that its nodes reach node management through.
 */
export function poolsSection({ model }: ReviewInput): ReviewSection {
  const endpoints = batchEndpoints(model);
  return {
    id: 'pools',
    title: 'Batch pools',
    columns: ['Pool', 'Account', 'VM size', 'Nodes', 'Subnet', 'Public IPs', 'Inbound NAT', 'Node management through'],
    none: 'No Batch pool in this stack.',
    rows: batchPools(model).map((pool) => {
      const nodeEndpoints = accountEndpoints(endpoints, pool.accountKey, 'nodeManagement');
      const config = pool.resource.config;
      return {
        key: pool.resource.address,
        cells: [
          code(shown(model, config.name)),
          code(shown(model, config.account_name)),
          shown(model, config.vm_size),
          nodes(model, pool),
          subnet(model, pool.subnetId),
          publicIps(pool),
          inboundNat(pool),
          nodeEndpoints.length > 0 ? nodeEndpoints.map((e) => code(shown(model, e.resource.config.name))).join(', ') : 'no endpoint in this stack',
        ],
      };
    }),
  };
}
