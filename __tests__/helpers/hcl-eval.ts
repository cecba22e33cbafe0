/**
 * What an HCL expression evaluates to, by Terraform itself: tests of the expression builders assert on results for
 * given inputs, not on how an expression is spelled, so a rewording that keeps the meaning keeps them green.
 *
 * `terraform console` evaluates only the last line it reads from a pipe, so every expression of a call goes into
 * one object, `jsonencode`d, in one line. The inputs are locals of a scratch configuration, which needs no provider
 * and no `terraform init`.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Evaluates each expression (which may refer to `local.<name>` for each input) and returns the results by key.
 * Throws with Terraform's message when an expression does not evaluate.
 */
export function evaluateHcl<K extends string>(expressions: Record<K, string>, locals: Record<string, unknown> = {}): Record<K, unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'hcl-eval-'));
  try {
    // Locals in JSON syntax are templates: a literal "${" in an input would be read as interpolation.
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ locals: escapeTemplates(locals) }));
    const entries = Object.entries<string>(expressions).map(([key, expression]) => `${key} = ${expression.replace(/\n/g, ' ')}`);
    return consoleJson(dir, `jsonencode({ ${entries.join(', ')} })\n`) as Record<K, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `terraform console` in `dir` on one line that gives a `jsonencode`d value; that value, parsed. */
function consoleJson(dir: string, line: string): unknown {
  const run = spawnSync('terraform', ['console', '-no-color'], {
    cwd: dir,
    input: line,
    encoding: 'utf8',
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
  if (run.error) throw new Error(`terraform console could not run (terraform must be on PATH): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`terraform console refused ${line}${run.stderr}`);
  // The console prints the JSON text as an HCL string literal, whose escapes are JSON's.
  try {
    return JSON.parse(JSON.parse(run.stdout.trim()));
  } catch {
    throw new Error(`terraform console gave no JSON for ${line}${run.stdout}${run.stderr}`);
  }
}

/** The locals `roots` refer to, directly or through other locals of `templates` (the others may read what is not given). */
function localsUsed(templates: Record<string, string>, roots: string[]): Set<string> {
  const used = new Set<string>();
  const visit = (name: string): void => {
    if (used.has(name) || templates[name] === undefined) return;
    used.add(name);
    for (const [, next] of templates[name].matchAll(/\blocal\.([A-Za-z_][\w-]*)/g)) visit(next);
  };
  roots.forEach(visit);
  return used;
}

function escapeTemplates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (Array.isArray(value)) return value.map(escapeTemplates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeTemplates(v)]));
  }
  return value;
}

/**
 * What expressions of a synthesized stack evaluate to, by Terraform, given what Azure would return: the stack's own
 * `locals` (templates, as synthesized) stay as they are, so a chain of locals is evaluated as written; `inputs`
 * replaces what the plan would read, by address: `local.<name>` replaces that local, any other address
 * (`data.<type>.<name>`, `<type>.<name>`) is read from a local of its own wherever it is referred to.
 * `expressions` are templates as the stack holds them (`${...}`).
 */
export function evaluateStackExpressions<K extends string>(
  stackLocals: Record<string, string> | undefined, expressions: Record<K, string>, inputs: Record<string, unknown>,
): Record<K, unknown> {
  const templates: Record<string, string> = { ...stackLocals };
  for (const [key, template] of Object.entries<string>(expressions)) templates[`evaluated_${key}`] = template;
  const values: Record<string, unknown> = {};
  for (const [address, value] of Object.entries(inputs)) {
    if (address.startsWith('local.')) {
      delete templates[address.slice('local.'.length)];
      values[address.slice('local.'.length)] = value;
      continue;
    }
    const name = `input_${address.replace(/\W/g, '_')}`;
    values[name] = value;
    const reference = new RegExp(`${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g');
    for (const key of Object.keys(templates)) templates[key] = templates[key].replace(reference, `local.${name}`);
  }
  const keys = Object.keys(expressions) as K[];
  const dir = mkdtempSync(join(tmpdir(), 'hcl-eval-'));
  try {
    const used = localsUsed(templates, keys.map((k) => `evaluated_${k}`));
    const locals = Object.fromEntries(Object.entries(templates).filter(([name]) => used.has(name)));
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ locals: { ...locals, ...(escapeTemplates(values) as object) } }));
    return consoleJson(dir, `jsonencode({ ${keys.map((k) => `${k} = local.evaluated_${k}`).join(', ')} })\n`) as Record<K, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
