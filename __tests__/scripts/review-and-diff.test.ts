/**
 * `npm run review` and `npm run synth:diff` as a user runs them, in a throwaway git repository that holds a copy
 * of the app (so that the base ref is known and the change is the test's own).
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { REPO } from '../helpers/config';

let repo: string;
const git = (...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-C', repo, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};

function script(name: string, args: string[] = [], env: Record<string, string> = {}) {
  const { PRIVATE_BATCH_CONFIG: _c, CDKTF_OUTDIR: _o, ...rest } = process.env;
  return spawnSync(process.execPath, ['-r', join(REPO, 'app', 'register.js'), join(REPO, 'scripts', name), ...args], { cwd: repo, encoding: 'utf8', env: { ...rest, ...env } });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'review-repo-'));
  for (const entry of ['main.ts', 'app', 'lib', 'config', 'cdktf.json', 'package.json']) cpSync(join(REPO, entry), join(repo, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(repo, 'node_modules'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules\ncdktf.out\n');
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  // The change under review: shared keys for the account.
  const config = JSON.parse(readFileSync(join(repo, 'config', 'example.json'), 'utf8'));
  config.stacks[0].accounts[0].allowSharedKeyAuthentication = true;
  writeFileSync(join(repo, 'config', 'example.json'), JSON.stringify(config, null, 2));
}, 30_000);

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('npm run review', () => {
  it('reviews every stack of both shipped configs', () => {
    const example = script('review.ts');
    expect(example.stderr).toBe('');
    expect(example.stdout).toMatch(/^# Private Batch review\n\nEvery stack synthesized from `config\/example.json`\./);
    expect(example.stdout).toContain('| `contosobatch01` | eastus | Disabled | AAD, **SharedKey** | SystemAssigned | BatchService |');
    const manual = script('review.ts', [], { PRIVATE_BATCH_CONFIG: 'config/manual-approval.json' });
    expect(manual.stderr).toBe('');
    expect(manual.stdout.match(/^## Stack `[^`]+`/gm)).toEqual(['## Stack `batch-analytics-eastus`', '## Stack `batch-shared-eastus`']);
    expect(manual.stdout).toMatch(/\| approve \| endpoint `pe-sharedbatch01-analytics` in `rg-analytics-eastus` \|/);
  }, 30_000);

  it('shows only what changed against a base ref, written to a file', () => {
    const out = join(repo, 'review.md');
    const result = script('review.ts', ['--base', 'HEAD', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('# Private Batch review: changes against `HEAD`');
    expect(markdown).toContain('Resources: 0 added, 1 changed, 0 removed.');
    expect(markdown).toContain('| changed | `contosobatch01` | eastus | Disabled | AAD → AAD, **SharedKey** |');
    expect(markdown).toContain('| added | `allowSharedKeyAuthentication` | `contosobatch01` |');
    expect(markdown).not.toContain('### Private endpoints');
    // The base's worktree is gone again.
    expect(spawnSync('git', ['-C', repo, 'worktree', 'list'], { encoding: 'utf8' }).stdout.trim().split('\n')).toHaveLength(1);
  }, 30_000);

  it('refuses arguments it does not know', () => {
    const result = script('review.ts', ['--bsae', 'main']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run review [-- --base REF] [--out FILE]');
  });
});

describe('npm run synth:diff', () => {
  it('names each stack file in the diff and its hunks, and sums up the resources per stack', () => {
    const result = script('synth-diff.ts', ['HEAD']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['--- HEAD:stacks/batch-private-eastus/cdk.tf.json', '+++ working tree:stacks/batch-private-eastus/cdk.tf.json']);
    expect(lines).toContainEqual(expect.stringMatching(/^@@ -\d+,\d+ \+\d+,\d+ @@ azurerm_batch_account\.batch_contosobatch01$/));
    expect(lines).toContainEqual('+          "SharedKey"');
    expect(result.stdout).toContain('synth-diff: config/example.json, working tree against HEAD; resources per stack:\n'
      + '  batch-private-eastus (stacks/batch-private-eastus/cdk.tf.json): 0 added, 1 changed, 0 removed\n');
  }, 30_000);
});
