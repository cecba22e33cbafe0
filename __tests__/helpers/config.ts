import { spawnSync, SpawnSyncReturns } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing, TerraformStack } from 'cdktf';
import { buildApp } from '../../app/build-app';
import { parseConfig } from '../../app/load-config';
import { AppConfig } from '../../app/config-schema';

export const REPO = join(__dirname, '..', '..');

/** A shipped config file, raw. */
export function rawConfig(name = 'example.json'): any {
  return JSON.parse(readFileSync(join(REPO, 'config', name), 'utf8'));
}

/** Validates a raw config object as the app does. */
export function validConfig(raw: unknown): AppConfig {
  return parseConfig(JSON.stringify(raw), 'test.json');
}

/**
 * Runs `build` with cdktf context given as the cdktf CLI gives cdktf.json's (CDKTF_CONTEXT_JSON, which every `App`
 * reads), e.g. `{ 'cdktf-azure-private-batch:movedFromV01': true }`.
 */
export function withAppContext<T>(context: Record<string, unknown>, build: () => T): T {
  process.env.CDKTF_CONTEXT_JSON = JSON.stringify(context);
  try {
    return build();
  } finally {
    delete process.env.CDKTF_CONTEXT_JSON;
  }
}

/** Synthesizes every stack of a config in memory (validations run), by stack name. */
export function synthConfig(raw: unknown): Record<string, any> {
  const app = buildApp(validConfig(raw), { file: 'test.json' });
  return Object.fromEntries(
    app.node.children
      .filter((c): c is TerraformStack => c instanceof TerraformStack)
      .map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack))]),
  );
}

/** The resources of one type in a synthesized stack, without cdktf's `//` metadata, by logical id. */
export function resources(json: any, type: string): Record<string, any> {
  return Object.fromEntries(Object.entries(json.resource?.[type] ?? {}).map(([id, r]: [string, any]) => {
    const { ['//']: _metadata, ...config } = r;
    return [id, config];
  }));
}

/** A deep copy of the example stack for a test to change. */
export function exampleStack(): any {
  return structuredClone(rawConfig().stacks[0]);
}

/**
 * Runs the app command (`main.ts`) on a config file, as `npm run synth` does, writing into `outdir`; `cwd` is the
 * project folder whose cdktf.json it reads.
 */
export function runApp(configFile: string, outdir: string, cwd: string = REPO): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['-r', join(REPO, 'app', 'register.js'), join(REPO, 'main.ts')], {
    cwd,
    env: { ...process.env, PRIVATE_BATCH_CONFIG: configFile, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
}
