// `npm run synth:diff [-- BASE]`: what a change does to the synthesized Terraform. Synthesizes BASE (default:
// main) in a temporary git worktree and the working tree here, with the same config (PRIVATE_BATCH_CONFIG, or
// config/example.json), then prints a unified diff per stack file, each hunk headed by the file and the Terraform
// item it is in, and one line per stack: resources added, changed, removed (and moved).
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { describeResourceChanges, resourceChanges } from '../lib/review/resource-changes';
import { annotateHunks } from './lib/json-hunks';
import { repoRoot, SynthesizedStack, synthRef, synthWorkingTree } from './lib/synth-tree';

const base = process.argv[2] ?? 'main';
const config = process.env.PRIVATE_BATCH_CONFIG || 'config/example.json';
const root = repoRoot();
const work = mkdtempSync(join(tmpdir(), 'synth-diff-'));

/** `diff -u` of one stack's file in both trees (`/dev/null` for a stack that is new or gone). */
function diffStack(name: string, before?: SynthesizedStack, after?: SynthesizedStack): string {
  const file = (after ?? before)!.file;
  const args = ['-u', '--label', before ? `${base}:${file}` : '/dev/null', '--label', after ? `working tree:${file}` : '/dev/null'];
  const result = spawnSync('diff', [...args, before?.path ?? '/dev/null', after?.path ?? '/dev/null'], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`diff failed for stack ${name}: ${result.stderr}`);
  return annotateHunks(result.stdout, before?.text ?? '', after?.text ?? '');
}

try {
  const old = synthRef(root, base, config, join(work, 'checkout'), join(work, 'before'));
  const now = synthWorkingTree(root, config, join(work, 'after'));
  const names = [...new Set([...old.stacks.keys(), ...now.stacks.keys()])].sort();
  const summary: string[] = [];
  for (const name of names) {
    const before = old.stacks.get(name);
    const after = now.stacks.get(name);
    process.stdout.write(diffStack(name, before, after));
    const state = !before ? ' (new stack)' : !after ? ' (stack removed)' : '';
    summary.push(`  ${name} (${(after ?? before)!.file})${state}: ${describeResourceChanges(resourceChanges(before?.json, after?.json))}`);
  }
  if (old.note) console.log(`synth-diff: ${old.note}`);
  console.log(`\nsynth-diff: ${config}, working tree against ${base}; resources per stack:`);
  console.log(summary.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
