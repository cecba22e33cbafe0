import { Construct } from 'constructs';
import { ITerraformDependable, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { stableAddress } from '../core/addresses';
import { BatchPool } from './batch-pool';
import { PrivateBatchPoolOptions, BatchPoolProps } from './batch-pool-props';
import { PrivateBatchProps } from '../private-batch/private-batch-props';
import { reportProblems } from '../core/problems';
import { outputName } from '../rules/logical-ids';
import { samePoolName } from '../rules/pool-names';
import { resolveInStack } from '../core/resolve';
import { resolveSubnet } from '../rules/subnets';
import type { IBatchPrivateDnsZone } from '../dns/batch-private-dns-zone';

/** What the pools of a {@link PrivateBatch} take from it. */
export interface PrivateBatchPoolDefaults extends Pick<PrivateBatchProps, 'subnet' | 'provider' | 'outputs'> {
  /** The account. */
  readonly account: IBatchAccount;
  /** The endpoints, once made. */
  readonly endpoints: () => readonly BatchPrivateEndpoint[];
}

/** The pools of one `PrivateBatch`: what `addPool` makes, and the account's node management FQDN output. */
export class PrivateBatchPools {
  /** The pools, in the order they were added. */
  public readonly pools: BatchPool[] = [];
  /** The `<account>_node_management_fqdn` output, once a pool is added with `outputs`. */
  public nodeManagementFqdn?: TerraformOutput;

  constructor(private readonly scope: Construct, private readonly defaults: PrivateBatchPoolDefaults) {}

  /**
   * A pool of the account: in the endpoints' subnet unless `subnet` says otherwise, created after what its first
   * nodes need to find node management: the account's nodeManagement endpoints, their A records, their zone and the
   * zone's links to the pool's VNet (those made before the pool).
   */
  public add(options: PrivateBatchPoolOptions): BatchPool {
    const { account } = this.defaults;
    const nodeEndpoints = this.defaults.endpoints().filter((e) => e.subResource === 'nodeManagement');
    const subnet = (options.subnet ?? this.defaults.subnet)!;
    const props: BatchPoolProps = {
      ...options,
      account,
      subnet,
      provider: options.provider ?? this.defaults.provider,
      outputs: options.outputs ?? this.defaults.outputs,
      dependsOn: [...nodeManagementDependencies(nodeEndpoints, subnet), ...(options.dependsOn ?? [])],
    };
    const taken = this.pools.some((p) => samePoolName(p.name, options.name));
    const id = `pool-${options.name}`;
    const pool = new BatchPool(this.scope, this.scope.node.tryFindChild(id) ? `${id}-${this.pools.length + 1}` : id, props);
    if (taken) reportProblems(pool, [{ field: 'name', problem: `names pool ${options.name} again: pool names are unique in an account, ignoring case` }]);
    this.pools.push(pool);
    if (props.outputs && nodeEndpoints.length > 0 && this.nodeManagementFqdn === undefined) {
      const name = outputName(account.name, 'node_management_fqdn');
      this.nodeManagementFqdn = stableAddress(new TerraformOutput(this.scope, name, {
        description: `The node management FQDN that the pools of ${account.name} resolve to the nodeManagement endpoint`,
        value: nodeEndpoints[0].fqdn,
      }), name);
    }
    return pool;
  }
}

/**
 * What a pool's nodes need to resolve node management, in the order Azure needs them: each nodeManagement endpoint,
 * its A record, its zone when this stack makes it, and the zone's links to the pool's VNet (every link when the
 * pool's VNet is not known at synth). A link made after the pool is added is not seen; the stack guards report it.
 */
function nodeManagementDependencies(endpoints: readonly BatchPrivateEndpoint[], subnet: BatchPoolProps['subnet'] | undefined): ITerraformDependable[] {
  const vnetId = subnet === undefined ? undefined : resolveSubnet(subnet).vnetId;
  const all = endpoints.flatMap((e) => [e.resource, ...(e.dnsRecord ? [e.dnsRecord.resource] : []), ...(e.zone ? zoneParts(e.zone, vnetId) : [])]);
  return all.filter((d, i) => all.indexOf(d) === i);
}

/** A zone's own resource (when made here) and its links to the VNet. */
function zoneParts(zone: IBatchPrivateDnsZone, vnetId: string | undefined): TerraformResource[] {
  const own = (zone as { resource?: TerraformResource }).resource;
  const links = zone.node.children.filter((c): c is TerraformResource & { virtualNetworkIdInput?: string } =>
    TerraformResource.isTerraformResource(c) && c.terraformResourceType === 'azurerm_private_dns_zone_virtual_network_link');
  const stack = TerraformStack.of(zone);
  return [...(own ? [own] : []), ...links.filter((link) => vnetId === undefined || sameVnet(stack, link.virtualNetworkIdInput, vnetId))];
}

/**
 * Whether two VNet IDs name one VNet: references to one attribute (each read of `vnet.id` is a token of its own, so
 * they are compared resolved), or literal IDs equal but for case.
 */
function sameVnet(stack: TerraformStack, a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  if (!Token.isUnresolved(a) && !Token.isUnresolved(b)) return a.toLowerCase() === b.toLowerCase();
  return resolveInStack(stack, a) === resolveInStack(stack, b);
}
