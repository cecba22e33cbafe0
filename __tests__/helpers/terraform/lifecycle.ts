import { mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { BACKEND_KEYS, copyStack } from './copy-stack';
import { withWorkspace } from './workspace';

/**
 * Lifecycle tests: Terraform's own `terraform test` runs a sequence of applies (and plans) against mock
 * providers, with `override_data` standing in for what Azure returns in each run. Runs in one file share state,
 * so one file tells one story. Mock providers take their schemas from the project's plugins (world/bin); the
 * README's "Lifecycle tests" says what they do and do not model.
 */

/** One story: written to `tests/<name>.tftest.hcl` beside the stack. */
export interface LifecycleStory {
  /** The file name without `.tftest.hcl`: letters, digits, `_` and `-`. */
  readonly name: string;
  /** The `.tftest.hcl` text: `mock_provider` blocks and `run` blocks. */
  readonly hcl: string;
}

/** A diagnostic Terraform reported in a run (or for a file, outside any run). */
export interface LifecycleDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail: string;
  /** Where it points, e.g. `check.approve_acct_team.assert[0]` or `run "first_deploy"`. */
  readonly context?: string;
  /** Terraform's text for it, as `terraform test` prints it without `-json`. */
  readonly text: string;
}

/** One resource change of a `command = plan` run, as in `terraform show -json` of a plan. */
export interface PlannedResourceChange {
  /** E.g. `azurerm_private_dns_a_record.dns_acct_batchaccount` or `azapi_resource_action.remove_stale_acct["x"]`. */
  readonly address: string;
  readonly change: {
    /** `["create"]`, `["update"]`, `["no-op"]`, `["delete"]`, `["read"]`, … */
    readonly actions: string[];
    /** Set when the plan imports the resource: the ID it imports. */
    readonly importing?: { readonly id?: string };
    readonly before?: Record<string, unknown> | null;
    readonly after?: Record<string, unknown> | null;
  };
}

/** What one `run` block did. */
export interface LifecycleRun {
  /** The story's name. */
  readonly story: string;
  /** The run block's name. */
  readonly run: string;
  /** `pass`, `fail` (an assertion failed), `error` (Terraform failed) or `skip` (an earlier run failed). */
  readonly status: 'pass' | 'fail' | 'error' | 'skip';
  readonly diagnostics: LifecycleDiagnostic[];
  /**
   * With `{ plans: true }`, for a `command = plan` run that passed: its resource changes, which show what assertions
   * in HCL cannot (that a resource is imported rather than created).
   */
  readonly plannedChanges?: PlannedResourceChange[];
}

/** Options of {@link runLifecycleTests}. */
export interface LifecycleOptions {
  /**
   * Run `terraform test -verbose` and keep each plan run's resource changes ({@link LifecycleRun.plannedChanges}).
   * Costs a few MB of output per run (Terraform adds the provider schemas).
   * @default false
   */
  readonly plans?: boolean;
  /**
   * Other versions of the stack (a rule removed, an old release), written without their backend to
   * `variants/<name>/`. A run applies or plans one with `module { source = "./variants/<name>" }`; give it and the
   * runs before it the same `state_key` (e.g. `state_key = "stack"`), so that it works on their state.
   * @default none
   */
  readonly variants?: Record<string, StackSource>;
}

/** What `terraform test` did with the stories. */
export interface LifecycleResult {
  /** True when every run of every story passed. */
  readonly passed: boolean;
  /** Every run, in the order Terraform ran them. */
  readonly runs: LifecycleRun[];
  /** The runs of one story, by story name. */
  readonly stories: Record<string, LifecycleRun[]>;
  /** Terraform's whole output as text: progress lines and every diagnostic. */
  readonly output: string;
}

/** A synthesized stack: its directory (e.g. `cdktf.out/stacks/NAME`) or its `cdk.tf.json` as an object. */
export type StackSource = string | Record<string, unknown>;

const STORY_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Copies the stack without its backend into a temp dir, writes each story to `tests/<name>.tftest.hcl`, runs
 * `terraform test` there (through the project's plugins, as the other Terraform helpers do) and returns every run's
 * result. Throws only when Terraform gave no results at all (with its output). Use inside
 * `describeWithTerraform`, and check the result with {@link expectStoriesPassed}.
 */
export async function runLifecycleTests(
  stack: StackSource, stories: readonly LifecycleStory[], options: LifecycleOptions = {},
): Promise<LifecycleResult> {
  const variants = Object.entries(options.variants ?? {});
  const bad = [...stories.map((s) => s.name), ...variants.map(([name]) => name)].filter((name) => !STORY_NAME.test(name));
  if (bad.length > 0) throw new Error(`story and variant names must be letters, digits, _ and -: ${bad.join(', ')}`);
  return withWorkspace(async (ws) => {
    writeStack(stack, ws.root);
    for (const [name, variant] of variants) writeStack(variant, join(ws.root, 'variants', name));
    mkdirSync(join(ws.root, 'tests'), { recursive: true });
    for (const story of stories) writeFileSync(join(ws.root, 'tests', `${story.name}.tftest.hcl`), story.hcl);
    // `terraform get` installs the modules that runs name (the variants); nothing else needs init with dev_overrides.
    const init = await ws.initialize(variants.length > 0);
    const result = await ws.terraform(['test', '-json', '-no-color', ...(options.plans ? ['-verbose'] : [])]);
    const parsed = parseTestOutput(result.stdout);
    if (!parsed.summary) {
      throw new Error(`terraform test gave no results (exit ${result.code}):\n${init}${parsed.output}\n${result.stderr}`);
    }
    const byStory: Record<string, LifecycleRun[]> = {};
    for (const run of parsed.runs) (byStory[run.story] ??= []).push(run);
    const passed = result.code === 0 && parsed.runs.every((r) => r.status === 'pass') && parsed.fileErrors.length === 0;
    return { passed, runs: parsed.runs, stories: byStory, output: parsed.output };
  });
}

/** Throws an error showing Terraform's output unless every run passed; jest then prints that output. */
export function expectStoriesPassed(result: LifecycleResult): void {
  if (result.passed) return;
  const failed = result.runs.filter((r) => r.status !== 'pass').map((r) => `${r.story}/${r.run}: ${r.status}`);
  throw new Error(`terraform test failed (${failed.join(', ') || 'see below'}):\n\n${result.output}`);
}

/** Writes a stack without its backend to `dir`, as the runs here see it. */
export function writeStack(stack: StackSource, dir: string): void {
  if (typeof stack === 'string') copyStack(resolve(stack), dir, BACKEND_KEYS);
  else writeStackJson(stack, dir);
}

function writeStackJson(json: Record<string, unknown>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const { backend: _backend, cloud: _cloud, ...terraform } = (json.terraform ?? {}) as Record<string, unknown>;
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ ...json, terraform }, null, 2));
}

interface JsonLine {
  '@level': string;
  '@message': string;
  '@testfile'?: string;
  '@testrun'?: string;
  type: string;
  test_run?: { path: string; run: string; progress: string; status?: LifecycleRun['status'] };
  test_summary?: { status: string };
  test_plan?: { resource_changes?: PlannedResourceChange[] };
  diagnostic?: RawDiagnostic;
}

interface RawDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  range?: { filename: string; start: { line: number } };
  snippet?: { context?: string | null; code?: string; values?: { traversal: string; statement: string }[] };
}

const DEV_OVERRIDES_WARNING = 'Provider development overrides are in effect';

const storyOf = (file: string): string => file.replace(/^tests\//, '').replace(/\.tftest\.hcl$/, '');

function parseTestOutput(stdout: string) {
  const runs: LifecycleRun[] = [];
  const byRun = new Map<string, LifecycleDiagnostic[]>();
  const plans = new Map<string, PlannedResourceChange[]>();
  const fileErrors: LifecycleDiagnostic[] = [];
  const text: string[] = [];
  let summary: JsonLine['test_summary'];
  const key = (story: string, run: string): string => `${story}\0${run}`;
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const entry = JSON.parse(line) as JsonLine;
    if (entry.type === 'diagnostic' && entry.diagnostic) {
      if (entry.diagnostic.summary === DEV_OVERRIDES_WARNING) continue;
      const diagnostic = toDiagnostic(entry.diagnostic);
      text.push(indent(diagnostic.text));
      if (entry['@testrun']) {
        const k = key(storyOf(entry['@testfile'] ?? ''), entry['@testrun']);
        byRun.set(k, [...(byRun.get(k) ?? []), diagnostic]);
      } else if (diagnostic.severity === 'error') fileErrors.push(diagnostic);
      continue;
    }
    if (entry.type === 'test_plan' && entry['@testrun']) {
      const changes = (entry.test_plan?.resource_changes ?? []).map(({ address, change }) => ({ address, change }));
      plans.set(key(storyOf(entry['@testfile'] ?? ''), entry['@testrun']), changes);
      continue;
    }
    if (entry.type === 'test_state') continue;
    if (entry.type === 'test_summary') summary = entry.test_summary;
    const run = entry.test_run;
    if (entry.type === 'test_run' && run?.progress !== 'complete') continue;
    if (run) runs.push({ story: storyOf(run.path), run: run.run, status: run.status ?? 'error', diagnostics: [] });
    if (entry.type !== 'version' && entry.type !== 'test_abstract') text.push(entry['@message']);
  }
  for (const run of runs) run.diagnostics.push(...(byRun.get(key(run.story, run.run)) ?? []));
  // Terraform reports a run's plan after the run's status, so the plans are attached once all is read.
  const withPlans = runs.map((run) => {
    const plannedChanges = plans.get(key(run.story, run.run));
    return plannedChanges ? { ...run, plannedChanges } : run;
  });
  return { runs: withPlans, fileErrors, summary, output: text.join('\n') };
}

function toDiagnostic(d: RawDiagnostic): LifecycleDiagnostic {
  const where = d.range ? `  on ${d.range.filename} line ${d.range.start.line}${d.snippet?.context ? `, in ${d.snippet.context}` : ''}:` : undefined;
  const code = d.snippet?.code ? `  ${d.range?.start.line ?? ''}: ${d.snippet.code.trim()}` : undefined;
  const values = (d.snippet?.values ?? []).map((v) => `    │ ${v.traversal} ${v.statement}`);
  const heading = `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}`;
  return {
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    ...(d.snippet?.context ? { context: d.snippet.context } : {}),
    text: [heading, where, code, ...values, d.detail].filter((part) => part !== undefined && part !== '').join('\n'),
  };
}

const indent = (text: string): string => text.split('\n').map((line) => `    ${line}`).join('\n');
