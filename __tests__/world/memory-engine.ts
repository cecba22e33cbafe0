/**
 * A minimal engine for the plugin's tests (world/engine/index.ts's contract, none of Azure's rules): it gives each
 * created resource an ID from its type and name, keeps every state in the world file, refuses to create what is
 * there already (as azurerm does) and replaces a resource whose name changes. The plugin loads it through
 * AZURE_WORLD_ENGINE.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import type { Engine, EngineDiagnostic, ProviderEnv } from '../../world/engine';
import { isUnknown, Obj } from '../../world/engine/values';

interface Entry { type: string; id: string; state: Obj }

const SUB = '00000000-0000-0000-0000-000000000000';

/** Runs `fn` on the world file's entries under a lock file (azurerm and azapi run as two processes). */
function withWorld<T>(file: string, fn: (entries: Entry[]) => T): T {
  const lock = `${file}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (e) {
      if (tries > 2000) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    const entries = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Entry[]) : [];
    const result = fn(entries);
    writeFileSync(file, `${JSON.stringify(entries, null, 2)}\n`);
    return result;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Every unknown value: `id` gets the ID, the rest null. */
function known(value: unknown, name: string, id: string): unknown {
  if (isUnknown(value)) return name === 'id' ? id : null;
  if (Array.isArray(value)) return value.map((v) => known(v, name, id));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, known(v, k, id)]));
  return value;
}

export function createEngine(): Engine {
  let file = '';
  const none: EngineDiagnostic[] = [];
  return {
    configure(env: ProviderEnv) {
      file = env.worldFile;
      return [];
    },
    planResource(_type, { prior, planned }) {
      const renamed = prior && planned && prior.name !== planned.name;
      return { planned, requiresReplace: renamed ? [['name']] : [], diagnostics: none };
    },
    applyResource(type, { prior, planned }) {
      return withWorld(file, (entries) => {
        if (!planned) {
          entries.splice(entries.findIndex((e) => e.id === prior!.id), 1);
          return { state: null, diagnostics: none };
        }
        const id = (prior?.id as string) ?? `/subscriptions/${SUB}/resourceGroups/rg/providers/World.Test/${type}/${String(planned.name)}`;
        const existing = entries.findIndex((e) => e.id === id);
        if (!prior && existing >= 0) {
          return { state: null, diagnostics: [{ severity: 'error' as const, summary: `a resource with the ID "${id}" already exists - to be managed via Terraform this resource needs to be imported into the State. Please see the resource documentation for "${type}" for more information`, detail: '' }] };
        }
        const state = known(planned, '', id) as Obj;
        if (existing >= 0) entries[existing] = { type, id, state };
        else entries.push({ type, id, state });
        return { state, diagnostics: none };
      });
    },
    readResource(_type, state) {
      return withWorld(file, (entries) => ({ state: entries.find((e) => e.id === state.id)?.state ?? null, diagnostics: none }));
    },
    importResource(_type, id) {
      return withWorld(file, (entries) => ({ state: entries.find((e) => e.id === id)?.state ?? null, diagnostics: none }));
    },
    readDataSource(type, config) {
      return { state: known({ ...config, id: config.id ?? `/subscriptions/${SUB}/data/${type}` }, '', '') as Obj, diagnostics: none };
    },
  };
}
