import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';

export interface SynthesizedApp {
  outdir: string;
  /** Stack name → `<outdir>/stacks/<name>`. */
  stackDirs: Record<string, string>;
  /** Removes `outdir`. */
  cleanup(): void;
}

/**
 * Builds an App whose outdir is a fresh temp dir, synthesizes it, and returns the stack dirs.
 * Call `cleanup()` when done (e.g. in afterAll).
 */
export function synthApp(build: (app: App) => void): SynthesizedApp {
  const outdir = mkdtempSync(join(tmpdir(), 'tfcheck-synth-'));
  const cleanup = (): void => rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { name: string; workingDirectory: string }>;
    };
    const stackDirs = Object.fromEntries(
      Object.values(manifest.stacks).map((stack) => [stack.name, join(outdir, stack.workingDirectory)]),
    );
    return { outdir, stackDirs, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
