/**
 * Offline `terraform validate` / `terraform plan` for synthesized stacks.
 *
 * Providers come from tfshim (../shared/tools/tfshim, or env TFSHIM): fake plugins serving the real
 * azurerm/azapi schemas, wired in through a CLI config with `dev_overrides` (TF_CLI_CONFIG_FILE),
 * so no `terraform init` is needed. Without tfshim, outside CI, the helper falls back to
 * `terraform init -backend=false` and the public registry.
 */
import { spawn, spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { basename, join, resolve } from 'path';
import { App } from 'cdktf';

export type TerraformAvailability = { available: true } | { available: false; reason: string };

/** Where a diagnostic points, relative to the stack dir (e.g. `cdk.tf.json`). */
export interface SourceRange {
  filename: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface TerraformDiagnostic {
  summary: string;
  detail: string;
  /** Terraform's name for the enclosing configuration item, e.g. `resource.azurerm_batch_account.batch`. */
  address?: string;
  range?: SourceRange;
}

export interface StackValidation {
  /** The stack name (its directory name). */
  stack: string;
  dir: string;
  valid: boolean;
  errors: TerraformDiagnostic[];
  /** Warnings, without the "Provider development overrides are in effect" one every run prints. */
  warnings: TerraformDiagnostic[];
}

export interface ValidateOptions {
  /** Validate compatible stacks together in one Terraform run. @default true */
  readonly combine?: boolean;
}

export interface PlannedChange {
  address: string;
  type: string;
  actions: string[];
}

export interface StackPlan {
  stack: string;
  resourceChanges: PlannedChange[];
  /** The whole `terraform show -json` document of the saved plan. */
  json: { resource_changes?: { address: string; type: string; change: { actions: string[] } }[] };
}

export interface SynthesizedApp {
  outdir: string;
  /** Stack name → `<outdir>/stacks/<name>`. */
  stackDirs: Record<string, string>;
  /** Removes `outdir`. */
  cleanup(): void;
}

// ---- finding terraform and a provider source ---------------------------------------------------

type ProviderSource = { kind: 'tfshim'; tfrc: string } | { kind: 'registry' };
type Resolved = { ok: true; source: ProviderSource } | { ok: false; reason: string };

const REPO_ROOT = resolve(__dirname, '../..');
const DEV_OVERRIDES_WARNING = 'Provider development overrides are in effect';

const isCi = (): boolean => /^(true|1)$/i.test(process.env.CI ?? '');

let resolved: Resolved | undefined;

function resolveProviderSource(): Resolved {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv() });
  if (version.status !== 0) {
    return { ok: false, reason: `no usable terraform on PATH (${version.error?.message ?? version.stderr.trim()})` };
  }
  const tfshim = process.env.TFSHIM ?? resolve(REPO_ROOT, '../shared/tools/tfshim/tfshim');
  if (existsFile(tfshim)) {
    // `tfshim tfrc` also installs tfshim's own dependencies on first use, hence once per process.
    const tfrc = spawnSync(tfshim, ['tfrc'], { encoding: 'utf8' });
    if (tfrc.status !== 0) return { ok: false, reason: `${tfshim} tfrc failed: ${tfrc.stderr.trim()}` };
    return { ok: true, source: { kind: 'tfshim', tfrc: tfrc.stdout } };
  }
  if (process.env.TFSHIM) return { ok: false, reason: `TFSHIM=${tfshim} does not exist` };
  const missing = `no tfshim at ${tfshim} (set TFSHIM)`;
  // CI machines have tfshim; a registry fallback there would hide a broken checkout.
  if (isCi()) return { ok: false, reason: missing };
  if (!registryReachable()) return { ok: false, reason: `${missing}, and registry.terraform.io is unreachable` };
  return { ok: true, source: { kind: 'registry' } };
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A DNS lookup only: enough to tell an offline machine from one where `terraform init` may work. */
function registryReachable(): boolean {
  const script = "require('dns').lookup('registry.terraform.io', (e) => process.exit(e ? 1 : 0))";
  return spawnSync(process.execPath, ['-e', script], { timeout: 5000 }).status === 0;
}

function providerSource(): ProviderSource {
  resolved ??= resolveProviderSource();
  if (!resolved.ok) throw new Error(`terraform checks cannot run: ${resolved.reason}`);
  return resolved.source;
}

/** Whether terraform and a provider source (tfshim, or the registry outside CI) are available. */
export function terraformAvailability(): TerraformAvailability {
  resolved ??= resolveProviderSource();
  return resolved.ok ? { available: true } : { available: false, reason: resolved.reason };
}

/**
 * `describe` for suites that run terraform. Without terraform it reports one skipped test whose
 * name carries the reason (and warns), so the suite never passes silently; with CI=true that
 * test fails instead.
 */
export function describeWithTerraform(name: string, body: () => void): void {
  const availability = terraformAvailability();
  if (availability.available) {
    describe(name, body);
  } else if (isCi()) {
    describe(name, () => {
      it('has terraform and tfshim (required when CI=true)', () => {
        throw new Error(availability.reason);
      });
    });
  } else {
    console.warn(`${name}: SKIPPED, ${availability.reason}`);
    describe(name, () => it.skip(`SKIPPED: ${availability.reason}`, () => undefined));
  }
}

// ---- running terraform in a throwaway workspace -------------------------------------------------

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Workspace {
  /** The root module dir, where terraform runs. */
  root: string;
  terraform(args: string[]): Promise<RunResult>;
  /**
   * Makes the root module runnable: local module calls installed, providers resolvable.
   * Resolves to the output of a failed `terraform get`/`init` ('' on success): it fails on
   * configuration errors (after installing the modules), which the next command reports again.
   */
  initialize(hasModuleCalls: boolean): Promise<string>;
}

function terraformEnv(cliConfig?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  // These would change what runs (extra CLI args, another data dir or workspace).
  for (const key of Object.keys(env)) {
    if (key.startsWith('TF_CLI_ARGS') || key === 'TF_DATA_DIR' || key === 'TF_WORKSPACE') delete env[key];
  }
  if (cliConfig) env.TF_CLI_CONFIG_FILE = cliConfig;
  return env;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn('terraform', args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

async function withWorkspace<T>(use: (ws: Workspace) => Promise<T>): Promise<T> {
  const source = providerSource();
  const dir = mkdtempSync(join(tmpdir(), 'tfcheck-'));
  try {
    let cliConfig: string | undefined;
    if (source.kind === 'tfshim') {
      cliConfig = join(dir, 'tfshim.tfrc');
      writeFileSync(cliConfig, source.tfrc);
    }
    const root = join(dir, 'root');
    const env = terraformEnv(cliConfig);
    const terraform = (args: string[]): Promise<RunResult> => run(args, root, env);
    const initialize = async (hasModuleCalls: boolean): Promise<string> => {
      if (source.kind === 'tfshim' && !hasModuleCalls) return '';
      // With dev_overrides `init` still asks the registry for providers and fails offline;
      // `get` only installs the (local) module calls.
      const args = source.kind === 'registry' ? ['init', '-backend=false', '-input=false', '-no-color'] : ['get', '-no-color'];
      const result = await terraform(args);
      return result.code === 0 ? '' : `terraform ${args[0]} failed:\n${result.stderr}${result.stdout}\n`;
    };
    return await use({ root, terraform, initialize });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- copying stacks ---------------------------------------------------------------------------

/**
 * Renames the keys at `paths` to "//", a comment in Terraform's JSON syntax. The text is edited
 * in place so that line numbers in diagnostics still match the synthesized file. Block arrays
 * (`"terraform": [{...}]`) are looked through, as in tfshim's strip-backend.js.
 */
function commentOutKeys(text: string, paths: readonly (readonly string[])[]): string {
  const wanted = new Set(paths.map((path) => path.join('\0')));
  const frames: { object: boolean; expectKey: boolean; key?: string }[] = [];
  const hits: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === '{' || c === '[') frames.push({ object: c === '{', expectKey: c === '{' });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',' && top?.object) top.expectKey = true;
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.object && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectKey = false;
        const path = frames.filter((frame) => frame.object).map((frame) => frame.key);
        if (wanted.has(path.join('\0'))) hits.push([i, end + 1]);
      }
      i = end;
    }
  }
  for (const [from, to] of hits.reverse()) text = `${text.slice(0, from)}"//"${text.slice(to)}`;
  return text;
}

// Any backend needs `terraform init`; without one Terraform uses local state.
const BACKEND_KEYS = [['terraform', 'backend'], ['terraform', 'cloud']];
const IGNORED = (name: string): boolean =>
  name === '.terraform' || name === '.terraform.lock.hcl' || /\.tfstate(\..*)?$|\.tfplan$/.test(name);

/** Copies a stack dir (without state or init leftovers) and comments out `keys` in its *.tf.json. */
function copyStack(from: string, to: string, keys: readonly (readonly string[])[]): void {
  cpSync(from, to, { recursive: true, filter: (src) => src === from || !IGNORED(basename(src)) });
  for (const file of readdirSync(to).filter((name) => name.endsWith('.tf.json'))) {
    const path = join(to, file);
    writeFileSync(path, commentOutKeys(readFileSync(path, 'utf8'), keys));
  }
}

// ---- validate -------------------------------------------------------------------------------

interface Stack {
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

function inspectStack(dir: string): Stack {
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

/** Validates many stacks, with as few Terraform runs as is safe (see validateTogether). */
export async function validateStacks(dirs: string[], options: ValidateOptions = {}): Promise<StackValidation[]> {
  const stacks = dirs.map((dir) => inspectStack(resolve(dir)));
  const groups = new Map<string, Stack[]>();
  stacks.forEach((stack, i) => {
    const key = options.combine === false || !stack.groupKey ? `#${i}` : stack.groupKey;
    groups.set(key, [...(groups.get(key) ?? []), stack]);
  });
  const results = (await mapLimit([...groups.values()], concurrency(), validateTogether)).flat();
  return stacks.map((stack) => results.find((result) => result.dir === stack.dir)!);
}

// jest already runs test files in parallel workers; each terraform run keeps about one core busy.
const concurrency = (): number => Math.min(2, availableParallelism());

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const CHILDREN_DIR = 'tfcheck-stacks';
const CANARY = 'tfcheck_walk_canary';
const GENERATED_FILE = 'tfcheck.tf.json';

/**
 * Validates stacks that share a provider setup in one run: the first is the root module, the
 * others are child modules (`module "<key>" { source = "./tfcheck-stacks/<key>" }`) with their
 * provider blocks commented out, so they inherit the root's identical configuration. One
 * provider configuration means one plugin process, however many stacks there are.
 *
 * Errors Terraform finds while loading the configuration (e.g. an unknown `lifecycle` key)
 * stop it before the graph walk, which would hide the other stacks' schema errors. A root output
 * that always fails during the walk (the canary) shows whether the walk ran; if not, the stacks
 * without errors are validated again.
 */
async function validateTogether(stacks: Stack[]): Promise<StackValidation[]> {
  const [root, ...children] = stacks;
  const keys = moduleKeys(children);
  const diagnostics = await withWorkspace(async (ws) => {
    copyStack(root.dir, ws.root, BACKEND_KEYS);
    children.forEach((child, i) => copyStack(child.dir, join(ws.root, CHILDREN_DIR, keys[i]), [...BACKEND_KEYS, ['provider']]));
    if (children.length) writeFileSync(join(ws.root, GENERATED_FILE), JSON.stringify(combiningConfig(keys)));
    await ws.initialize(children.length > 0);
    const result = await ws.terraform(['validate', '-json', '-no-color']);
    try {
      return (JSON.parse(result.stdout) as { diagnostics: RawDiagnostic[] }).diagnostics;
    } catch {
      throw new Error(`terraform validate gave no JSON (exit ${result.code}):\n${result.stderr}${result.stdout}`);
    }
  });
  if (!children.length) return [toValidation(root, diagnostics)];

  const isCanary = (d: RawDiagnostic): boolean => d.range?.filename === GENERATED_FILE && d.detail.includes(`"${CANARY}"`);
  const walked = diagnostics.some(isCanary);
  const byStack = new Map<Stack, RawDiagnostic[]>(stacks.map((stack) => [stack, []]));
  const unattributed: RawDiagnostic[] = [];
  for (const diagnostic of diagnostics.filter((d) => !isCanary(d))) {
    const owner = ownerOf(diagnostic, root, children, keys);
    if (owner) byStack.get(owner)!.push(relativeTo(diagnostic, owner === root ? '' : `${CHILDREN_DIR}/${keys[children.indexOf(owner)]}/`));
    else unattributed.push(diagnostic);
  }
  if (walked) {
    // Errors in the root's provider blocks are also the children's, which inherited them.
    const shared = byStack.get(root)!.filter((d) => d.snippet?.context?.startsWith('provider'));
    return stacks.map((stack) =>
      toValidation(stack, [...byStack.get(stack)!, ...(stack === root ? [] : shared.map(sharedFrom(root))), ...unattributed]),
    );
  }
  const failed = stacks.filter((stack) => byStack.get(stack)!.some(isError));
  // Errors that name no stack, or none at all: only separate runs can tell whose they are.
  if (unattributed.some(isError) || !failed.length) {
    return (await mapLimit(stacks.map((stack) => [stack]), concurrency(), validateTogether)).flat();
  }
  const rest = stacks.filter((stack) => !failed.includes(stack));
  return [...failed.map((stack) => toValidation(stack, byStack.get(stack)!)), ...(rest.length ? await validateTogether(rest) : [])];
}

/** Module call names: the stack name where it is a valid, unused identifier. */
function moduleKeys(stacks: Stack[]): string[] {
  const keys: string[] = [];
  stacks.forEach((stack, i) => {
    const key = stack.name.replace(/[^A-Za-z0-9_-]/g, '_');
    keys.push(/^[A-Za-z_]/.test(key) && !keys.includes(key) ? key : `stack_${i}_${key}`);
  });
  return keys;
}

function combiningConfig(keys: string[]): object {
  return {
    module: Object.fromEntries(keys.map((key) => [key, { source: `./${CHILDREN_DIR}/${key}` }])),
    output: { [CANARY]: { value: `\${tonumber("${CANARY}")}` } },
  };
}

interface RawDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  address?: string;
  range?: SourceRange;
  snippet?: { context?: string | null };
}

const isError = (d: RawDiagnostic): boolean => d.severity === 'error';

function ownerOf(d: RawDiagnostic, root: Stack, children: Stack[], keys: string[]): Stack | undefined {
  const file = d.range?.filename;
  if (file === GENERATED_FILE) return undefined;
  if (file) {
    const index = keys.findIndex((key) => file.startsWith(`${CHILDREN_DIR}/${key}/`));
    return index >= 0 ? children[index] : root;
  }
  // Diagnostics without a source range name the module in their text, if anywhere.
  const mentioned = keys.findIndex((key) => `${d.address ?? ''} ${d.detail}`.includes(`module.${key}`));
  return mentioned >= 0 ? children[mentioned] : undefined;
}

function relativeTo(d: RawDiagnostic, prefix: string): RawDiagnostic {
  return d.range && prefix ? { ...d, range: { ...d.range, filename: d.range.filename.slice(prefix.length) } } : d;
}

const sharedFrom = (root: Stack) => (d: RawDiagnostic): RawDiagnostic => ({
  ...d,
  detail: `${d.detail}\n(in the provider configuration this stack shares with stack ${root.name}; the range is that stack's)`,
});

// Terraform also gives byte offsets; lines and columns are what a reader needs.
const point = ({ line, column }: SourceRange['start']): SourceRange['start'] => ({ line, column });

function toValidation(stack: Stack, diagnostics: RawDiagnostic[]): StackValidation {
  const simplify = ({ summary, detail, address, range, snippet }: RawDiagnostic): TerraformDiagnostic => {
    const where = address ?? snippet?.context ?? undefined;
    return {
      summary,
      detail,
      ...(where ? { address: where } : {}),
      ...(range ? { range: { filename: range.filename, start: point(range.start), end: point(range.end) } } : {}),
    };
  };
  const errors = diagnostics.filter(isError).map(simplify);
  const warnings = diagnostics.filter((d) => !isError(d) && d.summary !== DEV_OVERRIDES_WARNING).map(simplify);
  return { stack: stack.name, dir: stack.dir, valid: errors.length === 0, errors, warnings };
}

// ---- plan and synth ---------------------------------------------------------------------------

/**
 * `terraform plan` of a stack dir (on a copy without its backend, so with empty local state:
 * everything is a create), then `terraform show -json` of the saved plan. Throws with
 * Terraform's output if the plan fails.
 */
export async function planStack(dir: string): Promise<StackPlan> {
  const stack = basename(resolve(dir));
  return withWorkspace(async (ws) => {
    copyStack(resolve(dir), ws.root, BACKEND_KEYS);
    const init = await ws.initialize(false);
    const plan = await ws.terraform(['plan', '-input=false', '-lock=false', '-no-color', '-out=tfcheck.tfplan']);
    if (plan.code !== 0) throw new Error(`terraform plan failed for stack ${stack}:\n${init}${plan.stderr}${plan.stdout}`);
    const show = await ws.terraform(['show', '-json', '-no-color', 'tfcheck.tfplan']);
    if (show.code !== 0) throw new Error(`terraform show failed for stack ${stack}:\n${show.stderr}`);
    const json = JSON.parse(show.stdout) as StackPlan['json'];
    const resourceChanges = (json.resource_changes ?? []).map(({ address, type, change }) => ({ address, type, actions: change.actions }));
    return { stack, resourceChanges, json };
  });
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
