import { compareReviews } from '../../lib/review/compare';
import { StackReview } from '../../lib/review/review-stack';

const section = (id: string, rows: [string, ...string[]][]) => ({
  id, title: id, columns: ['Name', 'Value'], none: 'none', rows: rows.map(([key, ...cells]) => ({ key, cells })),
});
const review = (...sections: ReturnType<typeof section>[]): StackReview => ({ stack: 's', sections });

describe('compareReviews', () => {
  it('keeps only added, removed and changed rows, with the changed cells as before → after', () => {
    const before = review(section('a', [['t.one', 'one', '1'], ['t.two', 'two', '2'], ['t.gone', 'gone', '0']]));
    const after = review(section('a', [['t.one', 'one', '1'], ['t.two', 'two', '3'], ['t.new', 'new', '4']]));
    expect(compareReviews(before, after).sections[0].rows).toEqual([
      { key: 't.two', change: 'changed', cells: ['two', '2 → 3'] },
      { key: 't.new', change: 'added', cells: ['new', '4'] },
      { key: 't.gone', change: 'removed', cells: ['gone', '0'] },
    ]);
  });

  it('leaves out sections without changes, and the whole stack is then empty', () => {
    const same = review(section('a', [['t.one', 'one', '1']]), section('b', []));
    expect(compareReviews(same, same).sections).toEqual([]);
  });

  it('pairs the rows of a moved resource, also in keys that go on after the address', () => {
    const before = review(section('a', [['t.old', 'x', '1'], ['t.old optIn', 'y', '1']]));
    const after = review(section('a', [['t.new', 'x', '1'], ['t.new optIn', 'y', '2']]));
    expect(compareReviews(before, after, [{ from: 't.old', to: 't.new' }]).sections[0].rows).toEqual([
      { key: 't.new optIn', change: 'changed', cells: ['y', '1 → 2'] },
    ]);
  });

  it('shows a new stack as all added, and a removed one as all removed', () => {
    const one = review(section('a', [['t.one', 'one', '1']]));
    expect(compareReviews(undefined, one).sections[0].rows.map((r) => r.change)).toEqual(['added']);
    expect(compareReviews(one, undefined).sections[0].rows.map((r) => r.change)).toEqual(['removed']);
  });
});
