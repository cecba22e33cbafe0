import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { ArmResource, Fault, Principal, World } from './world';

/**
 * The world file (`AZURE_WORLD_FILE`): a JSON array of ARM resources as `az resource show` prints them, or an object
 * `{ "resources": [...], "principals": [...], "faults": [...], "seed": "..." }` when it declares more than
 * resources. Format: docs/azure-world.md.
 */
export function parseWorld(text: string): World {
  const data = text.trim() === '' ? [] : JSON.parse(text);
  if (Array.isArray(data)) return new World(data as ArmResource[]);
  if (data === null || typeof data !== 'object') throw new Error('a world file holds an array of ARM resources or an object with "resources"');
  return new World(data.resources ?? [], (data.principals ?? []) as Principal[], (data.faults ?? []) as Fault[], data.seed ?? 'azure-world', false);
}

/** The world as text: keys sorted at every level, resources by lower-cased ID, two-space indent, a final newline. */
export function formatWorld(world: World): string {
  const resources = world.sorted();
  const data = world.bare && world.principals.length === 0 && world.faults.length === 0 && world.seed === 'azure-world'
    ? resources
    : { faults: world.faults, principals: world.principals, resources, seed: world.seed };
  return `${JSON.stringify(sortKeys(data), null, 2)}\n`;
}

/** Reads a world file; a missing file is an empty world. */
export function loadWorld(file: string): World {
  return existsSync(file) ? parseWorld(readFileSync(file, 'utf8')) : new World();
}

/** Writes a world file atomically (a reader never sees half a file). */
export function saveWorld(file: string, world: World): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, formatWorld(world));
  renameSync(tmp, file);
}

/**
 * Runs `fn` on the world in the file, under a lock, and saves what it changed. Terraform runs up to 10 operations at
 * once, and each provider configuration is its own process, so every operation reads, changes and writes the file
 * while holding `<file>.lock`.
 */
export function withWorld<T>(file: string, fn: (world: World) => T, options: { write?: boolean } = {}): T {
  const release = lock(`${file}.lock`);
  try {
    const world = loadWorld(file);
    const before = options.write === false ? undefined : formatWorld(world);
    const result = fn(world);
    if (before !== undefined && formatWorld(world) !== before) saveWorld(file, world);
    return result;
  } finally {
    release();
  }
}

const STALE_LOCK_MS = 60_000;

function lock(path: string): () => void {
  const deadline = Date.now() + 2 * STALE_LOCK_MS;
  for (;;) {
    try {
      closeSync(openSync(path, 'wx'));
      return () => unlinkSync(path);
    } catch (e: any) {
      if (e.code !== 'EEXIST') throw e;
      // A lock left by a killed process is taken over once it is old.
      try {
        if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) unlinkSync(path);
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`the world file is locked: ${path}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as any)[k])]));
  }
  return value;
}
