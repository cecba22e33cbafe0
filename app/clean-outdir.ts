import { existsSync, readdirSync, rmdirSync, rmSync } from 'fs';
import { join } from 'path';

/** What a synth writes into a stack's folder: the JSON or the HCL form of the stack, and cdktf's metadata. */
const SYNTHESIZED = ['cdk.tf.json', 'cdk.tf', 'metadata.json'];

/**
 * Removes what an earlier synth wrote to `outdir`, so that a JSON synth never leaves a `cdk.tf` beside its
 * `cdk.tf.json` (or the other way round), which Terraform would read as every resource declared twice, and a
 * stack that is gone leaves no folder behind. What Terraform keeps in a stack folder (`.terraform/`, the lock file,
 * state, plans) stays, and so does a folder that holds any of it.
 */
export function cleanSynthOutput(outdir: string): void {
  rmSync(join(outdir, 'manifest.json'), { force: true });
  const stacks = join(outdir, 'stacks');
  if (!existsSync(stacks)) return;
  for (const entry of readdirSync(stacks, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = join(stacks, entry.name);
    for (const file of SYNTHESIZED) rmSync(join(dir, file), { force: true });
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }
}
