import { Construct } from 'constructs';
import { TerraformOutput } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import { stableAddress } from '../core/addresses';
import { PrivateBatchPool } from './private-batch-pool';
import { PrivateBatchPoolOptions, PrivateBatchPoolProps } from './private-batch-pool-props';
import { PrivateBatchProps } from '../private-batch/private-batch-props';
import { reportProblems } from '../core/problems';
import { outputName } from '../rules/logical-ids';
import { samePoolName } from '../rules/pool-names';

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
  public readonly pools: PrivateBatchPool[] = [];
  /** The `<account>_node_management_fqdn` output, once a pool is added with `outputs`. */
  public nodeManagementFqdn?: TerraformOutput;

  constructor(private readonly scope: Construct, private readonly defaults: PrivateBatchPoolDefaults) {}

  /**
   * A pool of the account: in the endpoints' subnet unless `subnet` says otherwise, created after the account's
   * nodeManagement endpoints and their A records so that the first nodes find node management.
   */
  public add(options: PrivateBatchPoolOptions): PrivateBatchPool {
    const { account } = this.defaults;
    const nodeEndpoints = this.defaults.endpoints().filter((e) => e.subResource === 'nodeManagement');
    const props: PrivateBatchPoolProps = {
      ...options,
      account,
      subnet: (options.subnet ?? this.defaults.subnet)!,
      provider: options.provider ?? this.defaults.provider,
      outputs: options.outputs ?? this.defaults.outputs,
      dependsOn: [...nodeEndpoints.flatMap((e) => (e.dnsRecord ? [e.resource, e.dnsRecord.resource] : [e.resource])), ...(options.dependsOn ?? [])],
    };
    const taken = this.pools.some((p) => samePoolName(p.name, options.name));
    const id = `pool-${options.name}`;
    const pool = new PrivateBatchPool(this.scope, this.scope.node.tryFindChild(id) ? `${id}-${this.pools.length + 1}` : id, props);
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
