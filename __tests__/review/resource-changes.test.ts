import { readFileSync } from 'fs';
import { join } from 'path';
import { describeResourceChanges, hasResourceChanges, resourceChanges } from '../../lib/review/resource-changes';
import { MOVED_FROM_V01_CONTEXT } from '../../lib/core/addresses';
import { REPO, rawConfig, synthConfig, withAppContext } from '../helpers/config';

const stack = (resource: Record<string, Record<string, object>>, moved?: object[]) => ({ resource, ...(moved ? { moved } : {}) });

describe('resourceChanges', () => {
  it('counts resources added, changed and removed, ignoring cdktf metadata', () => {
    const before = stack({ t: { a: { x: 1, '//': { path: 'old' } }, b: { x: 1 }, gone: { x: 1 } } });
    const after = stack({ t: { a: { x: 1, '//': { path: 'new' } }, b: { x: 2 }, fresh: { x: 1 } } });
    expect(resourceChanges(before, after)).toEqual({ added: ['t.fresh'], changed: ['t.b'], removed: ['t.gone'], moved: [] });
    expect(describeResourceChanges(resourceChanges(before, after))).toBe('1 added, 1 changed, 1 removed');
  });

  it('counts a resource behind a moved block as moved, and a reference that follows the move as no change', () => {
    const before = stack({ t: { old: { x: 1 }, user: { ref: '${t.old.id}', other: '${t.older.id}' } } });
    const after = stack({ t: { new: { x: 1 }, user: { ref: '${t.new.id}', other: '${t.older.id}' } } }, [{ from: 't.old', to: 't.new' }]);
    const changes = resourceChanges(before, after);
    expect(changes).toEqual({ added: [], changed: [], removed: [], moved: [{ from: 't.old', to: 't.new' }] });
    expect(describeResourceChanges(changes)).toBe('0 added, 0 changed, 0 removed, 1 moved');
    expect(hasResourceChanges(changes)).toBe(true);
  });

  it('takes a missing side as a new or a removed stack', () => {
    const one = stack({ t: { a: {} } });
    expect(resourceChanges(undefined, one).added).toEqual(['t.a']);
    expect(resourceChanges(one, undefined).removed).toEqual(['t.a']);
    expect(hasResourceChanges(resourceChanges(one, one))).toBe(false);
  });

  it('sees the upgrade from 0.1 of the default example, asked for moved blocks, as 7 moves and the records\' new order', () => {
    const v01 = JSON.parse(readFileSync(join(REPO, '__tests__', 'fixtures', 'v0.1', 'batch-private-eastus', 'cdk.tf.json'), 'utf8'));
    const now = withAppContext({ [MOVED_FROM_V01_CONTEXT]: true }, () => synthConfig(rawConfig())['batch-private-eastus']);
    const changes = resourceChanges(v01, now);
    expect(changes.moved).toContainEqual({ from: 'azurerm_batch_account.contosobatch01_F8E61559', to: 'azurerm_batch_account.batch_contosobatch01' });
    // The records now wait for their endpoints and follow them (depends_on, replace_triggered_by): meta-arguments
    // only, which Terraform plans as no change to the records themselves.
    expect(describeResourceChanges(changes)).toMatch(/^\d+ added, 2 changed, 0 removed, 7 moved$/);
    expect(changes.changed).toEqual(['azurerm_private_dns_a_record.dns_contosobatch01_batchaccount', 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement']);
    const records = Object.fromEntries(Object.entries<Record<string, unknown>>(now.resource.azurerm_private_dns_a_record)
      .map(([name, { depends_on: _order, lifecycle: _follow, ...config }]) => [name, config]));
    expect(resourceChanges(v01, { ...now, resource: { ...now.resource, azurerm_private_dns_a_record: records } }).changed).toEqual([]);
  });
});
