import { existsSync } from 'fs';
import { resolve } from 'path';

/**
 * The environment for the cdktf CLI, without its noise. `CHECKPOINT_DISABLE=1` stops the CLI and the Terraform it
 * starts from asking checkpoint-api.hashicorp.com for new versions: offline, or behind a proxy, each failed lookup
 * prints an `[ERROR]` box that reads like a failed synth. A `TF_CLI_CONFIG_FILE` (or the legacy `TERRAFORM_CONFIG`)
 * that names a missing file makes every Terraform command the CLI runs print "Unable to open CLI configuration
 * file"; without it Terraform reads its default (`~/.terraformrc`, if there is one), which is what the missing
 * file would have given. A config file that exists is kept: it may hold credentials or provider mirrors.
 *
 * Off a terminal (`npm run synth:hcl | tee`, a CI log) the CLI's spinner (ink) writes every frame as a line, 45 of
 * them for one synth; ink draws only the final output when `CI` is set, so it is set there, unless the user set it.
 * The CLI reads `CI` for nothing else that synth, diff or deploy does off a terminal (its prompts need one anyway).
 */
export function quietCliEnv(
  env: NodeJS.ProcessEnv,
  exists: (path: string) => boolean = existsSync,
  terminal: boolean = Boolean(process.stdout.isTTY),
): NodeJS.ProcessEnv {
  const quiet: NodeJS.ProcessEnv = { ...env, CHECKPOINT_DISABLE: '1' };
  if (!terminal && quiet.CI === undefined) quiet.CI = 'true';
  for (const key of ['TF_CLI_CONFIG_FILE', 'TERRAFORM_CONFIG']) {
    const file = quiet[key];
    if (file !== undefined && (file === '' || !exists(resolve(file)))) delete quiet[key];
  }
  return quiet;
}
