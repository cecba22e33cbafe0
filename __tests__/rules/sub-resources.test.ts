import { BATCH_SUB_RESOURCES, isBatchSubResource } from '../../lib/rules/sub-resources';

describe('sub-resources', () => {
  it('lists batchAccount and nodeManagement as the Batch private link sub-resources', () => {
    expect([...BATCH_SUB_RESOURCES]).toEqual(['batchAccount', 'nodeManagement']);
  });

  it.each(['batchAccount', 'nodeManagement'])('accepts %s', (name) => {
    expect(isBatchSubResource(name)).toBe(true);
  });

  it.each(['batchaccount', 'NodeManagement', 'blob', '', 'batchAccount '])('refuses %j (spelling is exact)', (name) => {
    expect(isBatchSubResource(name)).toBe(false);
  });
});
