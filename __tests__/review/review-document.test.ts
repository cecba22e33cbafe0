import { readFileSync } from 'fs';
import { join } from 'path';
import { reviewDocument } from '../../lib/review/review-document';
import { REPO, rawConfig, synthConfig } from '../helpers/config';

const stacksOf = (file: string, change: (raw: any) => void = () => undefined) => {
  const raw = rawConfig(file);
  change(raw);
  return new Map(Object.entries(synthConfig(raw)));
};

/** The fenced block between `<!-- review:start -->` and `<!-- review:end -->` in docs/review.md. */
function readmeReview(): string {
  const text = readFileSync(join(REPO, 'docs', 'review.md'), 'utf8');
  const block = /<!-- review:start -->\s*```markdown\n([\s\S]*?)```\s*<!-- review:end -->/.exec(text);
  if (!block) throw new Error('docs/review.md has no ```markdown block between <!-- review:start --> and <!-- review:end -->');
  return block[1];
}

describe('reviewDocument on the shipped configs', () => {
  it('reviews the default example as docs/review.md shows it', () => {
    const markdown = reviewDocument({ stacks: stacksOf('example.json'), config: 'config/example.json' });
    expect(markdown).toContain('## Stack `batch-private-eastus` (`stacks/batch-private-eastus/cdk.tf.json`)');
    expect(markdown).toContain('| `contosobatch01` | eastus | Disabled | AAD | SystemAssigned | BatchService |');
    expect(markdown).toContain('| `pe-contosobatch01-batchaccount` | `contosobatch01` | batchAccount | 10.20.1.10 (static) |');
    expect(readmeReview()).toBe(markdown);
  });

  it('reviews both stacks of manual-approval.json: the team endpoint and the owner rule that approves it', () => {
    const markdown = reviewDocument({ stacks: stacksOf('manual-approval.json'), config: 'config/manual-approval.json' });
    expect(markdown.match(/^## Stack .*$/gm)).toEqual([
      '## Stack `batch-analytics-eastus` (`stacks/batch-analytics-eastus/cdk.tf.json`)',
      '## Stack `batch-shared-eastus` (`stacks/batch-shared-eastus/cdk.tf.json`)',
    ]);
    expect(markdown).toMatch(/\| `pe-sharedbatch01-analytics` \| `sharedbatch01` \(not in this stack\) \| batchAccount \| .* \| manual: "Team analytics/);
    expect(markdown).toMatch(/\| `sharedbatch01` \| approve \| endpoint `pe-sharedbatch01-analytics` in `rg-analytics-eastus` \| Approved for team analytics/);
    expect(markdown).toMatchSnapshot();
  });
});

describe('reviewDocument against a base', () => {
  it('shows only what changed, stack by stack, with the resource counts', () => {
    const base = { label: 'main', stacks: stacksOf('manual-approval.json') };
    const stacks = stacksOf('manual-approval.json', (raw) => {
      const shared = raw.stacks.find((s: any) => s.name === 'batch-shared-eastus');
      shared.accounts[0].allowSharedKeyAuthentication = true;
      shared.accounts[0].connections[0].description = 'Approved again (NET-2000)';
    });
    const markdown = reviewDocument({ stacks, config: 'config/manual-approval.json', base });
    expect(markdown).toContain('# Private Batch review: changes against `main`');
    expect(markdown).toContain('1 stack without changes left out.');
    expect(markdown).not.toContain('batch-analytics-eastus');
    expect(markdown).toContain('Resources: 0 added, 2 changed, 0 removed.');
    expect(markdown).toContain('| changed | `sharedbatch01` | eastus | Disabled | AAD → AAD, **SharedKey** |');
    expect(markdown).toMatch(/\| changed \| `[^`]+` \| `sharedbatch01` \| approve \| .* \| Approved for team analytics: .* → Approved again \(NET-2000\) \|/);
    expect(markdown).toContain('| added | `allowSharedKeyAuthentication` | `sharedbatch01` |');
    expect(markdown).not.toContain('### Private endpoints');
  });

  it('says so when nothing changed, and names a stack that is new', () => {
    const stacks = stacksOf('example.json');
    expect(reviewDocument({ stacks, base: { label: 'main', stacks } })).toContain('No stack changes.');
    const markdown = reviewDocument({ stacks, base: { label: 'main', stacks: new Map(), note: 'config/example.json does not exist in main' } });
    expect(markdown).toContain('(config/example.json does not exist in main.)');
    expect(markdown).toContain('New stack. Resources: 12 added, 0 changed, 0 removed.');
    expect(markdown).toContain('| added | `contosobatch01` |');
  });
});
