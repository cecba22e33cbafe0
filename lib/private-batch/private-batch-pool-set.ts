import type { Construct } from 'constructs';
import type { TerraformOutput } from 'cdktf';
import type { BatchPool } from '../pools/batch-pool';
import type { PrivateBatchPoolOptions } from '../pools/batch-pool-props';
import type { PrivateBatchPoolDefaults, PrivateBatchPools } from '../pools/private-batch-pools';

// CommonJS's require, for the pool code loaded on use (lib/ is built without Node's types).
declare const require: (id: string) => unknown;

/**
 * The pools part of a `PrivateBatch` (`owner`): its pools, made on first use. The pool code is required there,
 * not imported: a stack without pools never loads it (BENCHMARKS.md).
 */
export class PrivateBatchPoolSet {
  private set?: PrivateBatchPools;

  constructor(private readonly owner: Construct, private readonly defaults: PrivateBatchPoolDefaults) {}

  /** A new pool of the account, with the owner's defaults. */
  public add(options: PrivateBatchPoolOptions): BatchPool {
    const { PrivateBatchPools: Pools } = require('../pools/private-batch-pools') as typeof import('../pools/private-batch-pools');
    this.set ??= new Pools(this.owner, this.defaults);
    return this.set.add(options);
  }

  /** The pools made with {@link add}, in order. */
  public get pools(): readonly BatchPool[] {
    return this.set?.pools ?? [];
  }

  /** The `<account>_node_management_fqdn` output, once a pool is added with `outputs`. */
  public get nodeManagementFqdn(): TerraformOutput | undefined {
    return this.set?.nodeManagementFqdn;
  }
}
