import { resolve } from 'path';
import type { Engine } from '../engine';

/**
 * Where the engine lives: world/engine/engine.ts, which exports `createEngine(): Engine`. AZURE_WORLD_ENGINE names
 * another module with the same export (a test's own engine).
 */
export const DEFAULT_ENGINE_MODULE = resolve(__dirname, '../engine/engine.ts');

export function loadEngine(module: string = DEFAULT_ENGINE_MODULE): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(resolve(module)) as { createEngine?: () => Engine; default?: () => Engine };
  const create = loaded.createEngine ?? loaded.default;
  if (typeof create !== 'function') throw new Error(`${module} exports no createEngine()`);
  return create();
}
