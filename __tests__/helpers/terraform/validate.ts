import { writeFileSync } from 'fs';
import { availableParallelism } from 'os';
import { join, resolve } from 'path';
import { BACKEND_KEYS, copyStack } from './copy-stack';
import { isError, type RawDiagnostic, type StackValidation, toValidation } from './diagnostics';
import { inspectStack, type Stack } from './stack-groups';
import { withWorkspace } from './workspace';

export interface ValidateOptions {
  /** Validate compatible stacks together in one Terraform run. @default true */
  readonly combine?: boolean;
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
