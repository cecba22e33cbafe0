/**
 * `npm run simulate`: synthesizes a config and plays its stacks' applies into an offline Azure world (world/engine,
 * through the project's provider plugins), then says what the accounts' names resolve to from each VNet.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { appWarnings, buildApp } from '../../app/build-app';
import { loadConfig } from '../../app/load-config';
import { loadWorld } from '../engine/arm/world-file';
import { ApplySummary, plannedChanges, WorldRun } from '../run';
import { dnsReport, formatDnsReport } from './dns-report';

export interface SimulateOptions {
  /** The app's config file. */
  readonly config: string;
  /** The world to start from; not changed. @default an empty world */
  readonly world?: string;
  /** How many applies to play; every one after the first must change nothing. @default 1 */
  readonly applies: number;
  /** End with a destroy of the stacks, in reverse order. @default false */
  readonly destroy: boolean;
  /** Where to write the world after the last step. @default not written */
  readonly worldOut?: string;
  /** The azurerm schema the plugins serve (4.74.0 for the cdktn flavour). @default 4.55.0 */
  readonly azurermVersion?: string;
}

/** What a simulation printed, and whether it went as a deployment must: every apply ok, later applies no-ops. */
export interface SimulateResult {
  readonly ok: boolean;
  readonly lines: string[];
}

const changes = (s: ApplySummary): number => s.added + s.changed + s.destroyed + s.imported;

function summaryLine(round: string, s: ApplySummary): string {
  const counts = `${s.imported} imported, ${s.added} added, ${s.changed} changed, ${s.destroyed} destroyed`;
  return `${round} ${s.stack}: ${s.ok ? 'ok' : `FAILED (exit ${s.exitCode})`}, ${counts}`;
}

function describe(round: string, summaries: ApplySummary[], mustBeNoOp: boolean): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let ok = true;
  for (const s of summaries) {
    lines.push(summaryLine(round, s));
    for (const e of s.errors) lines.push(`    error: ${e.summary}${e.address ? ` (${e.address})` : ''}${e.detail ? `: ${e.detail.split('\n')[0]}` : ''}`);
    for (const w of s.warnings.filter((w) => !w.summary.startsWith('Provider development overrides'))) lines.push(`    warning: ${w.summary}${w.address ? ` (${w.address})` : ''}${w.detail ? `: ${w.detail.split('\n')[0]}` : ''}`);
    if (!s.ok) ok = false;
    if (s.ok && mustBeNoOp && changes(s) > 0) {
      ok = false;
      lines.push(`    not a no-op: ${plannedChanges(s).map((p) => `${p.action} ${p.address}`).join(', ')}`);
    }
  }
  return { ok, lines };
}

/** Runs a simulation; prints nothing itself. */
export function simulate(options: SimulateOptions): SimulateResult {
  const work = mkdtempSync(join(tmpdir(), 'simulate-'));
  const worldFile = join(work, 'world.json');
  if (options.world) copyFileSync(resolve(options.world), worldFile);
  const run = new WorldRun({ worldFile, workDir: join(work, 'run'), azurermVersion: options.azurermVersion });
  try {
    const config = loadConfig(options.config);
    const app = buildApp(config, { file: options.config, outdir: join(work, 'cdktf.out') });
    app.synth();
    const lines = appWarnings(app).map((w) => `warning: ${w}`);
    let ok = true;
    for (let i = 1; i <= options.applies && ok; i++) {
      const round = describe(`apply ${i}`, run.apply(app.outdir), i > 1);
      lines.push(...round.lines);
      ok &&= round.ok;
    }
    const accounts = config.stacks.flatMap((stack) => stack.accounts.map((account) => ({ name: account.name, subscriptionId: stack.subscriptionId })));
    lines.push('', 'DNS, from each VNet:', ...formatDnsReport(dnsReport(loadWorld(worldFile), accounts)));
    if (options.destroy && ok) {
      const round = describe('destroy', run.destroy(app.outdir), false);
      lines.push('', ...round.lines);
      ok &&= round.ok;
    }
    if (options.worldOut && existsSync(worldFile)) copyFileSync(worldFile, resolve(options.worldOut));
    return { ok, lines };
  } finally {
    run.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}
