import { spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { providerSource } from './availability';
import { attachPlugins } from '../../../world/plugin/reattach';
import { terraformEnv } from './env';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Workspace {
  /** The root module dir, where terraform runs. */
  root: string;
  terraform(args: string[]): Promise<RunResult>;
  /**
   * Makes the root module runnable: local module calls installed, providers resolvable.
   * Resolves to the output of a failed `terraform get`/`init` ('' on success): it fails on
   * configuration errors (after installing the modules), which the next command reports again.
   */
  initialize(hasModuleCalls: boolean): Promise<string>;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn('terraform', args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

export async function withWorkspace<T>(use: (ws: Workspace) => Promise<T>): Promise<T> {
  const source = providerSource();
  const dir = mkdtempSync(join(tmpdir(), 'tfcheck-'));
  try {
    const cliConfig = join(dir, 'azure-world.tfrc');
    writeFileSync(cliConfig, source.tfrc);
    const root = join(dir, 'root');
    // One plugin host per configuration serves every run of this process (Terraform attaches to it).
    const env = attachPlugins(terraformEnv(cliConfig));
    const terraform = (args: string[]): Promise<RunResult> => run(args, root, env);
    const initialize = async (hasModuleCalls: boolean): Promise<string> => {
      if (!hasModuleCalls) return '';
      // With dev_overrides `init` still asks the registry for providers and fails offline;
      // `get` only installs the (local) module calls.
      const result = await terraform(['get', '-no-color']);
      return result.code === 0 ? '' : `terraform get failed:\n${result.stderr}${result.stdout}\n`;
    };
    return await use({ root, terraform, initialize });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
