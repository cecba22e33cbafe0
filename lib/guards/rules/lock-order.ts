import { DependencyGraph, dependencyGraph } from '../dependency-graph';
import { Finding } from '../finding';
import { batchPools } from '../pool-view';
import { StackModel, referenceOf, resourcesOfType } from '../stack-model';

/**
 * A management lock on a Batch account of the stack comes after the account's pools: pools inherit the account's
 * lock (Learn, "Lock your Azure resources"), so a lock put in place first would block their creation. (A `ReadOnly`
 * lock over pools is refused where PrivateBatch makes it, at its `lock.kind`.)
 */
export function lockOrderFindings(model: StackModel, graph: DependencyGraph = dependencyGraph(model)): Finding[] {
  const pools = batchPools(model);
  return resourcesOfType(model, 'azurerm_management_lock').flatMap((lock): Finding[] => {
    const scope = referenceOf(lock.config.scope);
    const locked = scope?.attribute === 'id' ? pools.filter((p) => p.account?.address === scope.address) : [];
    if (locked.length === 0) return [];
    const early = locked.filter((p) => !graph.after(lock.address, p.resource.address));
    return early.length === 0 ? [] : [{
      path: lock.path,
      attribute: 'depends_on',
      value: lock.config.depends_on,
      problem: `the lock may be put on the account before its pools ${early.map((p) => `${p.resource.path} (${p.resource.address})`).join(', ')} exist, and would block their creation`,
      fix: 'add the pools to the lock\'s depends_on (PrivateBatch does this for its lock and pools)',
    }];
  });
}
