import { tagProblems, utf8Length } from '../../lib/rules/tags';

const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));

describe('tags', () => {
  it('accepts up to 50 tags on a resource and 15 on a private DNS zone or record', () => {
    expect(tagProblems(many(50))).toEqual([]);
    expect(tagProblems(many(15), 'privateDns')).toEqual([]);
    expect(tagProblems({})).toEqual([]);
  });

  it('refuses a 51st tag, and a 16th on private DNS, naming the field', () => {
    expect(tagProblems(many(51))).toEqual([{ field: 'tags', problem: 'has 51 tags; Azure allows at most 50 on a resource (count them after merging inherited tags)' }]);
    expect(tagProblems(many(16), 'privateDns', 'dns.tags')).toEqual([
      { field: 'dns.tags', problem: 'has 16 tags; Azure allows at most 15 on a private DNS zone or record (count them after merging inherited tags)' },
    ]);
  });

  it.each(['a<b', 'a>b', '50%', 'R&D', 'a\\b', 'why?', 'a/b', 'tab\there', 'del\u007f'])('refuses the tag name %j', (name) => {
    expect(tagProblems({ [name]: 'x' })).toEqual([{ field: `tags[${JSON.stringify(name)}]`, problem: 'must not contain < > % & \\ ? / or control characters' }]);
  });

  it('refuses an empty tag name', () => {
    expect(tagProblems({ '': 'x' })).toEqual([{ field: 'tags[""]', problem: 'must not be empty' }]);
  });

  it('counts bytes: a name of 512 bytes passes, 513 does not; a value of 256 bytes passes, 257 does not', () => {
    expect(tagProblems({ ['n'.repeat(512)]: 'v'.repeat(256) })).toEqual([]);
    expect(tagProblems({ ['n'.repeat(513)]: 'v' })).toEqual([{ field: expect.any(String), problem: 'must be at most 512 bytes, got 513' }]);
    expect(tagProblems({ n: 'v'.repeat(257) })).toEqual([{ field: 'tags["n"]', problem: 'has a value of 257 bytes; at most 256' }]);
    expect(tagProblems({ n: 'é'.repeat(129) })).toEqual([{ field: 'tags["n"]', problem: 'has a value of 258 bytes; at most 256' }]);
    expect(tagProblems({ ['é'.repeat(257)]: 'v' })).toEqual([{ field: expect.any(String), problem: 'must be at most 512 bytes, got 514' }]);
  });

  it('refuses two names that differ only in case, which Azure takes for one tag', () => {
    expect(tagProblems({ Env: 'prod', env: 'test' })).toEqual([{ field: 'tags["env"]', problem: 'is the tag "Env" again: Azure compares tag names without case' }]);
  });

  it.each(['cost center', 'team(a)', '1st', 'café', '(team', ' team', 'éa', 'a)'])('refuses the tag name %j on private DNS only', (name) => {
    expect(tagProblems({ [name]: 'x' })).toEqual([]);
    expect(tagProblems({ [name]: 'x' }, 'privateDns')).toEqual([{
      field: `tags[${JSON.stringify(name)}]`,
      problem: 'must not start with a digit or contain spaces, parentheses or non-ASCII characters on a private DNS zone or record',
    }]);
  });

  it.each(['env', 'cost-center', 'owner_team', 'a1', 'Env.Name'])('accepts the tag name %j on private DNS', (name) => {
    expect(tagProblems({ [name]: 'any value (with spaces)' }, 'privateDns')).toEqual([]);
  });

  it('leaves a value that is no string (a token resolved later) alone', () => {
    expect(tagProblems({ n: 5 as unknown as string })).toEqual([]);
  });

  it('reports an empty name once on private DNS', () => {
    expect(tagProblems({ '': 'x' }, 'privateDns')).toEqual([{ field: 'tags[""]', problem: 'must not be empty' }]);
  });

  it('measures UTF-8 length', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('日本')).toBe(6);
    expect(utf8Length('\u07ff\u0800')).toBe(5);
    expect(utf8Length('\u007f\u0080')).toBe(3);
    expect(utf8Length('\uffff')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('')).toBe(0);
  });
});
