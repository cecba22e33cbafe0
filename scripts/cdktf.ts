// `npm run cdktf -- <command>` (and `npm run synth:hcl`): the cdktf CLI of this project, without the update
// checks and missing-config warnings that it would print as errors (see quietCliEnv).
import { spawnSync } from 'child_process';
import { join } from 'path';
import { quietCliEnv } from './lib/quiet-cli-env';

const cli = join(__dirname, '..', 'node_modules', '.bin', 'cdktf');
const result = spawnSync(cli, process.argv.slice(2), { stdio: 'inherit', env: quietCliEnv(process.env) });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
