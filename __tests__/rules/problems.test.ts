import { fieldPath, under } from '../../lib/rules/problems';

describe('field paths', () => {
  it('join a prop below its parent with a dot, and an index without one', () => {
    expect(fieldPath('dns', 'ttl')).toBe('dns.ttl');
    expect(fieldPath('connections', '[1].action')).toBe('connections[1].action');
    expect(fieldPath('', 'name')).toBe('name');
    expect(fieldPath('stacks[0].dns', '')).toBe('stacks[0].dns');
  });

  it('name nested problems from their parent', () => {
    expect(under('endpoints[0]', [{ field: 'staticIp', problem: 'must be an IPv4 address' }]))
      .toEqual([{ field: 'endpoints[0].staticIp', problem: 'must be an IPv4 address' }]);
  });
});
