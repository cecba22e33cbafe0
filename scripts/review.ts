// `npm run review [-- --base REF] [--out FILE]`: a Markdown review of the stacks the working tree synthesizes
// from PRIVATE_BATCH_CONFIG (or config/example.json): accounts, endpoints, connection rules and opt-ins. With
// --base, only what changed against REF (synthesized in a temporary git worktree). Printed, or written to FILE
// (for a pull request comment, or $GITHUB_STEP_SUMMARY). The pieces are lib/review/.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { reviewDocument } from '../lib/review/review-document';
import { repoRoot, Synthesis, synthRef, synthWorkingTree } from './lib/synth-tree';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  if (!args[i + 1] || args[i + 1].startsWith('--')) throw new Error(`${name} needs a value`);
  return args[i + 1];
}

const unknown = process.argv.slice(2).filter((arg, i, all) => arg.startsWith('--') ? !['--base', '--out'].includes(arg) : !['--base', '--out'].includes(all[i - 1]));
if (unknown.length > 0) {
  console.error(`review: unknown arguments ${unknown.join(' ')}\nusage: npm run review [-- --base REF] [--out FILE]`);
  process.exit(2);
}
const base = option('--base');
const out = option('--out');
const config = process.env.PRIVATE_BATCH_CONFIG || 'config/example.json';
const root = repoRoot();
const work = mkdtempSync(join(tmpdir(), 'review-'));
const jsonOf = (synthesis: Synthesis) => new Map([...synthesis.stacks].map(([name, stack]) => [name, stack.json]));

try {
  const now = synthWorkingTree(root, config, join(work, 'after'));
  const old = base === undefined ? undefined : synthRef(root, base, config, join(work, 'checkout'), join(work, 'before'));
  const markdown = reviewDocument({
    stacks: jsonOf(now),
    config,
    base: old && { label: base!, stacks: jsonOf(old), note: old.note },
  });
  if (out) writeFileSync(out, markdown);
  else process.stdout.write(markdown);
} finally {
  rmSync(work, { recursive: true, force: true });
}
