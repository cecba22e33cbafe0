import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { ConfigError } from './load-config';

/**
 * The `context` of the project's `cdktf.json`, which `npx cdktf synth` gives the app (the CLI puts it in
 * CDKTF_CONTEXT_JSON). `npm run synth` runs the app without the CLI, so the app reads it itself: a flag such as
 * `cdktf-azure-private-batch:movedFromV01` then works from both. Context the CLI passes still wins (App reads the
 * environment after its constructor's context), and it is the same file's. No cdktf.json: no context.
 */
export function cdktfJsonContext(dir: string = process.cwd()): Record<string, unknown> {
  const file = join(dir, 'cdktf.json');
  if (!existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cdktf.json: not valid JSON: ${(error as Error).message}`);
  }
  const context = (json as { context?: unknown } | null)?.context ?? {};
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    throw new ConfigError(`cdktf.json: context must be an object of names to values, got ${JSON.stringify(context)}`);
  }
  return context as Record<string, unknown>;
}
