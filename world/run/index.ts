/**
 * Plays a synthesized app into an Azure world: for each stack in order, `terraform apply` (no init: the project's
 * plugins, attached from a plugin host the run starts, the backend commented out) against AZURE_WORLD_FILE, with each stack's state kept
 * in a workspace of its own between calls, as separate root modules with separate states would be in real life.
 *
 *   const run = new WorldRun({ worldFile: 'world.json' });
 *   run.apply('cdktf.out');   // one ApplySummary per stack; again for a second apply
 *   run.destroy('cdktf.out'); // in reverse order
 *   run.dispose();
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { PluginHost } from '../plugin/reattach';
import { cliConfig } from '../plugin/tfrc';
import { BACKEND_KEYS, copyStack } from './copy-stack';
import { terraformEnv } from './env';
import { stacksInOrder } from './stacks';
import { ApplySummary, summarize } from './summary';

export { stacksInOrder, type AppStack } from './stacks';
export { plannedChanges, type ApplyDiagnostic, type ApplySummary } from './summary';

export interface WorldRunOptions {
  /** The world file the plugins apply to (AZURE_WORLD_FILE); created by the engine when missing. */
  readonly worldFile: string;
  /** Where each stack's workspace and state live. @default a new temp dir, removed by dispose() */
  readonly workDir?: string;
  /** The azurerm schema: 4.74.0 for the cdktn flavour. @default 4.55.0 */
  readonly azurermVersion?: string;
  /** Another engine module (AZURE_WORLD_ENGINE). @default world/engine/engine.ts */
  readonly engineModule?: string;
  /** More environment for terraform and the plugins. @default none */
  readonly env?: NodeJS.ProcessEnv;
}

export class WorldRun {
  private readonly workDir: string;
  private readonly ownsWorkDir: boolean;
  private readonly env: NodeJS.ProcessEnv;
  private readonly plugins: PluginHost;

  constructor(options: WorldRunOptions) {
    this.ownsWorkDir = !options.workDir;
    this.workDir = options.workDir ? resolve(options.workDir) : mkdtempSync(join(tmpdir(), 'azure-world-run-'));
    const tfrc = join(this.workDir, 'azure-world.tfrc');
    mkdirSync(this.workDir, { recursive: true });
    writeFileSync(tfrc, cliConfig());
    const env = {
      ...terraformEnv(tfrc),
      ...options.env,
      AZURE_WORLD_FILE: resolve(options.worldFile),
      ...(options.azurermVersion && { AZURE_WORLD_AZURERM_VERSION: options.azurermVersion }),
      ...(options.engineModule && { AZURE_WORLD_ENGINE: resolve(options.engineModule) }),
    };
    // Terraform attaches to one plugin host for the run instead of starting the plugins for every command.
    this.plugins = new PluginHost(env);
    this.env = this.plugins.env(env);
  }

  /** Applies every stack of the app in order; stops after the first that fails (later stacks depend on it). */
  apply(appDir: string): ApplySummary[] {
    return this.each(stacksInOrder(appDir), 'apply');
  }

  /** Destroys every stack of the app, in reverse order; stops after the first that fails. */
  destroy(appDir: string): ApplySummary[] {
    return this.each(stacksInOrder(appDir).reverse(), 'destroy');
  }

  /** Applies (or destroys) one stack dir, under `name`: its state is the workspace of that name. */
  applyStack(name: string, stackDir: string, operation: 'apply' | 'destroy' = 'apply'): ApplySummary {
    const root = join(this.workDir, 'stacks', name);
    copyStack(resolve(stackDir), root, BACKEND_KEYS);
    const args = ['apply', ...(operation === 'destroy' ? ['-destroy'] : []), '-auto-approve', '-input=false', '-lock=false', '-json', '-no-color'];
    const r = spawnSync('terraform', args, { cwd: root, env: this.env, encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.error) throw r.error;
    return summarize(name, operation, r.status ?? 1, r.stdout, r.stderr);
  }

  /** Stops the run's plugin host and removes the workspaces (when the run made its own work dir). */
  dispose(): void {
    this.plugins.stop();
    if (this.ownsWorkDir && existsSync(this.workDir)) rmSync(this.workDir, { recursive: true, force: true });
  }

  private each(stacks: { name: string; dir: string }[], operation: 'apply' | 'destroy'): ApplySummary[] {
    const results: ApplySummary[] = [];
    for (const stack of stacks) {
      const result = this.applyStack(stack.name, stack.dir, operation);
      results.push(result);
      if (!result.ok) break;
    }
    return results;
  }
}
