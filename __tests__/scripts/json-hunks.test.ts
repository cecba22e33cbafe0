import { annotateHunks, jsonLineContexts } from '../../scripts/lib/json-hunks';

const json = (value: object) => JSON.stringify(value, null, 2);

describe('jsonLineContexts', () => {
  it('names the Terraform item of each line of a cdk.tf.json', () => {
    const text = json({ data: { t: { d: { a: 1 } } }, output: { o: { value: 1 } }, resource: { azurerm_x: { one: { name: 'a', tags: { k: 'v' } } } } });
    const contexts = jsonLineContexts(text);
    const at = (needle: string) => contexts[text.split('\n').findIndex((line) => line.includes(needle))];
    expect(at('"a": 1')).toBe('data.t.d');
    expect(at('"value"')).toBe('output.o');
    expect(at('"name": "a"')).toBe('azurerm_x.one');
    expect(at('"k": "v"')).toBe('azurerm_x.one');
  });
});

describe('annotateHunks', () => {
  it('adds the item of the first changed line to each hunk header', () => {
    const before = json({ resource: { t: { a: { x: 1 }, b: { x: 1 } } } });
    const after = json({ resource: { t: { a: { x: 1 }, b: { x: 2 } } } });
    const diff = ['--- a', '+++ b', '@@ -1,12 +1,12 @@', ...before.split('\n').map((l, i) => (l === after.split('\n')[i] ? ` ${l}` : `-${l}\n+${after.split('\n')[i]}`))].join('\n');
    expect(annotateHunks(diff, before, after).split('\n')[2]).toBe('@@ -1,12 +1,12 @@ t.b');
  });
});
