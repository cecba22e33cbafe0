import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { fileOrigin, formatProblem, locate, problemsError, problemsIn, reportProblems, setPropOrigin } from '../lib/core/problems';

const tree = () => {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  const composite = new Construct(stack, 'batch');
  const endpoint = new Construct(composite, 'pe');
  const resource = new Construct(endpoint, 'Resource');
  return { stack, composite, endpoint, resource };
};

describe('reported problems', () => {
  it('are all checked at synth, together, naming the construct path and the prop', () => {
    const { stack, endpoint } = tree();
    reportProblems(endpoint, [{ field: 'staticIp', problem: 'must be an IPv4 address, got "x"' }]);
    reportProblems(endpoint, [{ field: 'dns.ttl', problem: 'must be a whole number' }]);
    reportProblems(endpoint, []);
    expect(endpoint.node.validate()).toEqual([
      'stack/batch/pe: staticIp must be an IPv4 address, got "x"',
      'stack/batch/pe: dns.ttl must be a whole number',
    ]);
    expect(() => stack.runAllValidations()).toThrow(/\[stack\/batch\/pe\] stack\/batch\/pe: staticIp[^]*\[stack\/batch\/pe\] stack\/batch\/pe: dns\.ttl/);
    expect(problemsIn(stack).map((p) => p.field)).toEqual(['staticIp', 'dns.ttl']);
  });

  it('can be thrown at once when a construct cannot be built without the prop', () => {
    const { endpoint } = tree();
    expect(problemsError(endpoint, [{ field: 'a', problem: 'is wrong' }, { field: 'b', problem: 'too' }]).message)
      .toBe('stack/batch/pe: a is wrong\nstack/batch/pe: b too');
  });
});

describe('prop origins', () => {
  it('name the prop of the outer construct the user built', () => {
    const { composite, endpoint } = tree();
    setPropOrigin(endpoint, { owner: composite, path: 'endpoints[1]', fields: { location: 'location' } });
    const staticIp = locate(endpoint, { field: 'staticIp', problem: 'is taken' });
    expect(staticIp).toMatchObject({ owner: composite, field: 'endpoints[1].staticIp' });
    expect(formatProblem(staticIp)).toBe('stack/batch: endpoints[1].staticIp is taken');
    expect(locate(endpoint, { field: 'location', problem: 'x' }).field).toBe('location');
  });

  it('lead out of the tree to a file, through every construct on the way', () => {
    const { composite, endpoint, resource } = tree();
    setPropOrigin(endpoint, { owner: composite, path: 'endpoints[0]', fields: { dns: 'privateDns', 'dns.ttl': 'endpoints[0].dnsTtl' } });
    setPropOrigin(composite, { source: 'config/example.json', path: 'stacks[0].accounts[0]', fields: { privateDns: 'stacks[0].dns' } });
    const ttl = locate(endpoint, { field: 'dns.ttl', problem: 'must be at least 1' });
    expect(ttl).toMatchObject({ owner: undefined, source: 'config/example.json', field: 'stacks[0].accounts[0].endpoints[0].dnsTtl' });
    expect(formatProblem(ttl)).toBe('config/example.json: stacks[0].accounts[0].endpoints[0].dnsTtl: must be at least 1');
    expect(locate(endpoint, { field: 'dns.zone', problem: '' }).field).toBe('stacks[0].dns.zone');
    expect(fileOrigin(resource)).toEqual({ source: 'config/example.json', path: 'stacks[0].accounts[0].endpoints[0]' });
  });

  it('leave a construct without an origin where it is', () => {
    const { stack, resource } = tree();
    expect(fileOrigin(resource)).toBeUndefined();
    expect(locate(resource, { field: 'x', problem: 'y' })).toMatchObject({ owner: resource, field: 'x' });
    expect(fileOrigin(stack)).toBeUndefined();
  });
});
