import { spawnSync } from 'child_process';
import { existsSync, readFileSync, symlinkSync } from 'fs';
import { join } from 'path';

/** One stack as a synth wrote it. */
export interface SynthesizedStack {
  /** The stack's name. */
  readonly name: string;
  /** Its file, relative to the outdir: `stacks/<name>/cdk.tf.json`. */
  readonly file: string;
  /** Its file's full path. */
  readonly path: string;
  /** Its file's text. */
  readonly text: string;
  /** Its file, parsed. */
  readonly json: Record<string, any>;
}

/** The stacks one tree (a git ref, or the working tree) synthesizes from one config. */
export interface Synthesis {
  /** `working tree`, or the ref. */
  readonly label: string;
  /** Every stack, by name. */
  readonly stacks: ReadonlyMap<string, SynthesizedStack>;
  /** Why there are no stacks, when the config does not exist in that tree. */
  readonly note?: string;
}

const git = (root: string, args: string[]) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });

/** Runs the tree's cdktf.json app command with `config`, writing to `outdir` (JSON, never HCL). */
function runApp(tree: string, config: string, outdir: string): void {
  const app = (JSON.parse(readFileSync(join(tree, 'cdktf.json'), 'utf8')) as { app?: string }).app ?? 'node -r sucrase/register main.ts';
  const { SYNTH_HCL_OUTPUT: _hcl, ...env } = process.env;
  const result = spawnSync('sh', ['-c', app], { cwd: tree, encoding: 'utf8', env: { ...env, PRIVATE_BATCH_CONFIG: config, CDKTF_OUTDIR: outdir } });
  if (result.status !== 0) throw new Error(`synth failed in ${tree} (${app}, ${config}):\n${result.stderr}${result.stdout}`);
}

function readStacks(outdir: string): Map<string, SynthesizedStack> {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { name: string; synthesizedStackPath: string }> };
  const stacks = Object.values(manifest.stacks).map(({ name, synthesizedStackPath }) => {
    const file = synthesizedStackPath.split('\\').join('/');
    const path = join(outdir, file);
    const text = readFileSync(path, 'utf8');
    return { name, file, path, text, json: JSON.parse(text) as Record<string, any> };
  });
  return new Map(stacks.sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, s]));
}

/** Synthesizes the working tree at `root` with `config` into `outdir`. */
export function synthWorkingTree(root: string, config: string, outdir: string): Synthesis {
  runApp(root, config, outdir);
  return { label: 'working tree', stacks: readStacks(outdir) };
}

/**
 * Synthesizes `ref` with `config` into `outdir`, from a temporary git worktree at `checkout` (removed again), with
 * this checkout's node_modules. A ref without the config has no stacks, and says so.
 */
export function synthRef(root: string, ref: string, config: string, checkout: string, outdir: string): Synthesis {
  if (git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) throw new Error(`${ref}: not a commit in ${root}`);
  if (git(root, ['cat-file', '-e', `${ref}:${config}`]).status !== 0) return { label: ref, stacks: new Map(), note: `${config} does not exist in ${ref}` };
  const added = git(root, ['worktree', 'add', '--detach', '--quiet', checkout, ref]);
  if (added.status !== 0) throw new Error(`git worktree add ${ref} failed:\n${added.stderr}`);
  try {
    if (!existsSync(join(checkout, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
    runApp(checkout, config, outdir);
    return { label: ref, stacks: readStacks(outdir) };
  } finally {
    git(root, ['worktree', 'remove', '--force', checkout]);
  }
}

/** The repository root of the current folder. */
export function repoRoot(): string {
  const result = git(process.cwd(), ['rev-parse', '--show-toplevel']);
  if (result.status !== 0) throw new Error(`not in a git checkout: ${result.stderr}`);
  return result.stdout.trim();
}
