import { reviewMarkdown } from '../../lib/review/markdown';

const sections = [
  { id: 'a', title: 'Things', columns: ['Name', 'Note'], none: 'No thing.', rows: [{ key: 'k', cells: ['`a|b`', 'line\nbreak'], change: 'changed' as const }] },
  { id: 'b', title: 'Empty', columns: ['X'], none: 'Nothing here.', rows: [] },
];

describe('reviewMarkdown', () => {
  it('writes a heading per stack and a table per section, with | and line breaks escaped', () => {
    expect(reviewMarkdown([{ review: { stack: 's', sections }, file: 'stacks/s/cdk.tf.json', summary: 'Resources: 1 changed.' }], { title: 'Review', intro: 'Intro.' })).toBe([
      '# Review', '', 'Intro.', '',
      '## Stack `s` (`stacks/s/cdk.tf.json`)', '', 'Resources: 1 changed.', '',
      '### Things', '', '| Name | Note |', '| --- | --- |', '| `a\\|b` | line break |', '',
      '### Empty', '', 'Nothing here.', '',
    ].join('\n'));
  });

  it('adds a Change column in a comparison, and says when a stack has no change in its sections', () => {
    const text = reviewMarkdown([{ review: { stack: 's', sections: [sections[0]] } }, { review: { stack: 't', sections: [] } }], { title: 'R', changes: true });
    expect(text).toContain('| Change | Name | Note |\n| --- | --- | --- |\n| changed | `a\\|b` | line break |');
    expect(text).toContain('## Stack `t`\n\nNo change to the accounts, endpoints, connection rules or opt-ins.');
  });
});
