import { existsSync } from 'fs';
import { resolve } from 'path';

/**
 * The environment for the cdktf CLI, without its noise. `CHECKPOINT_DISABLE=1` stops the CLI and the Terraform it
 * starts from asking checkpoint-api.hashicorp.com for new versions: offline, or behind a proxy, each failed lookup
 * prints an `[ERROR]` box that reads like a failed synth. A `TF_CLI_CONFIG_FILE` (or the legacy `TERRAFORM_CONFIG`)
 * that names a missing file makes every Terraform command the CLI runs print "Unable to open CLI configuration
 * file"; without it Terraform reads its default (`~/.terraformrc`, if there is one), which is what the missing
 * file would have given. A config file that exists is kept: it may hold credentials or provider mirrors.
 */
export function quietCliEnv(env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): NodeJS.ProcessEnv {
  const quiet: NodeJS.ProcessEnv = { ...env, CHECKPOINT_DISABLE: '1' };
  for (const key of ['TF_CLI_CONFIG_FILE', 'TERRAFORM_CONFIG']) {
    const file = quiet[key];
    if (file !== undefined && (file === '' || !exists(resolve(file)))) delete quiet[key];
  }
  return quiet;
}
