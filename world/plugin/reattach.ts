/**
 * Terraform's providers from a plugin host (host.ts) instead of started plugins: `attachPlugins(env)` gives the
 * environment for terraform with TF_REATTACH_PROVIDERS set to a host serving what that environment asks for (the
 * AZURE_WORLD_* and ARM_* variables). Synchronous, for callers that run terraform with spawnSync. A host's output
 * (handler errors, AZURE_WORLD_DEBUG's log of each call) goes to host.log in its folder while it runs.
 *
 * A host lives as long as the process that started it: `shared` hosts are kept per configuration for the process
 * (the mock plugins of every validate, plan and `terraform test`), an owned one until `stop()` (a world run's).
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const HOST = resolve(__dirname, 'host.js');
/** The variables the plugins and the engine read (AZURE_WORLD_*, ARM_*): a host serves one combination of them. */
const readByPlugins = (name: string): boolean => name.startsWith('AZURE_WORLD_') || name.startsWith('ARM_');
const READY_TIMEOUT_MS = 60_000;

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const running = new Set<PluginHost>();
process.on('exit', () => running.forEach((host) => host.stop()));

export class PluginHost {
  private static readonly shared = new Map<string, PluginHost>();

  /** The host for this environment's plugin variables, started on first use and kept for the process. */
  static sharedFor(env: NodeJS.ProcessEnv): PluginHost {
    const key = JSON.stringify(Object.entries(env).filter(([name]) => readByPlugins(name)).sort());
    let host = PluginHost.shared.get(key);
    if (!host || !host.alive()) PluginHost.shared.set(key, (host = new PluginHost(env)));
    return host;
  }

  /** TF_REATTACH_PROVIDERS for terraform. */
  readonly reattach: string;
  private readonly dir: string;
  private readonly pid: number;

  /** Starts a host for the plugin variables of `env` and waits until it listens. */
  constructor(env: NodeJS.ProcessEnv) {
    // A unix socket's path has at most 107 bytes: a long TMPDIR falls back to /tmp.
    const base = tmpdir().length > 60 ? '/tmp' : tmpdir();
    this.dir = mkdtempSync(join(base, 'azure-world-host-'));
    const logFile = join(this.dir, 'host.log');
    const out = openSync(logFile, 'a');
    const child = spawn(process.execPath, [HOST, this.dir], { env, stdio: ['ignore', out, out] });
    closeSync(out);
    child.unref();
    this.pid = child.pid!;
    running.add(this);
    const ready = join(this.dir, 'reattach.json');
    for (const start = Date.now(); !existsSync(ready); sleep(5)) {
      if (!this.alive() || Date.now() - start > READY_TIMEOUT_MS) {
        const logged = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
        this.stop();
        throw new Error(`the Azure world's plugin host did not start:\n${logged}`);
      }
    }
    this.reattach = readFileSync(ready, 'utf8');
  }

  /** `env` with Terraform attached to this host's plugins. */
  env(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...env, TF_REATTACH_PROVIDERS: this.reattach };
  }

  /** Whether the host runs (a host that exited stays a zombie until the event loop reaps it: /proc tells). */
  alive(): boolean {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    } catch {
      try {
        process.kill(this.pid, 0);
        return true;
      } catch {
        return false;
      }
    }
  }

  stop(): void {
    running.delete(this);
    try {
      process.kill(this.pid, 'SIGTERM');
    } catch {
      // gone already
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `env` with Terraform attached to the shared host for its plugin variables. */
export const attachPlugins = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => PluginHost.sharedFor(env).env(env);
