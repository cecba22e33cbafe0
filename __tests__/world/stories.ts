/** What the world's stories share: a scratch run, a stack folder of raw JSON, and how an apply is read. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formatWorld, loadWorld } from '../../world/engine/arm/world-file';
import { World } from '../../world/engine/arm/world';
import { ApplySummary, plannedChanges, WorldRun } from '../../world/run';

/** Each failed apply as `<stack>: <errors>`; [] when every apply went through. */
export const failures = (summaries: ApplySummary[]): string[] =>
  summaries.filter((s) => !s.ok).map((s) => `${s.stack}: ${s.errors.map((e) => `${e.summary} ${e.detail}`).join('; ')}`);

/** What the applies changed, as `<stack>: <action> <address>`; [] for applies that changed nothing. */
export const changesOf = (summaries: ApplySummary[]): string[] =>
  summaries.flatMap((s) => plannedChanges(s).map((p) => `${s.stack}: ${p.action} ${p.address}`));

/** The applies went through and changed nothing. */
export const expectNoOp = (summaries: ApplySummary[]): void =>
  expect({ failures: failures(summaries), changes: changesOf(summaries) }).toEqual({ failures: [], changes: [] });

/** A world run in a scratch folder, starting from `world` (or nothing). */
export function scratch(world?: World): { dir: string; run: WorldRun; world: () => World } {
  const dir = mkdtempSync(join(tmpdir(), 'world-story-'));
  const worldFile = join(dir, 'world.json');
  if (world) writeFileSync(worldFile, formatWorld(world));
  const run = new WorldRun({ worldFile, workDir: join(dir, 'run'), azurermVersion: process.env.AZURE_WORLD_AZURERM_VERSION });
  return { dir, run, world: () => loadWorld(worldFile) };
}

/** Writes one stack's JSON as a stack folder of its own (another team's stack, a portal setup); returns the folder. */
export function stackDir(dir: string, name: string, json: unknown): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  return folder;
}
