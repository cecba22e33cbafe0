import { readdirSync, readFileSync } from 'fs';
import { basename, join } from 'path';
import { IGNORED } from './copy-stack';

export interface Stack {
  name: string;
  dir: string;
  /**
   * Set when the stack can be validated as a child module of another stack: stacks with the
   * same key share one provider configuration (the root's), which is what makes combining fast.
   */
  groupKey?: string;
}

type TfJson = Record<string, unknown> & { provider?: Record<string, unknown[]>; terraform?: Record<string, unknown> };

/** JSON with sorted keys, to compare configurations by content. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export function inspectStack(dir: string): Stack {
  const name = basename(dir);
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => !IGNORED(entry.name));
  // Only plain *.tf.json behaves the same in a subfolder: relative paths (assets/) would resolve
  // against the root, and HCL files cannot have their provider blocks commented out.
  if (!entries.every((entry) => entry.isFile() && entry.name.endsWith('.tf.json'))) return { name, dir };
  const files = entries.map((entry) => JSON.parse(readFileSync(join(dir, entry.name), 'utf8')) as TfJson);
  const childSafe = files.every(
    (json) =>
      // variables would become required module arguments; import blocks and nested module
      // calls are only allowed or installed at the root; aliased providers are not inherited.
      !json.variable && !json.import && !json.module &&
      !Object.values(json.provider ?? {}).flat().some((config) => (config as { alias?: string }).alias),
  );
  if (!childSafe) return { name, dir };
  const providerSetup = files.map(({ provider, terraform }) => {
    const { backend: _backend, cloud: _cloud, ...rest } = terraform ?? {};
    return { provider, terraform: rest };
  });
  return { name, dir, groupKey: canonical(providerSetup) };
}
