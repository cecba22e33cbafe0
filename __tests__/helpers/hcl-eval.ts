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
    const line = `jsonencode({ ${entries.join(', ')} })\n`;
    const run = spawnSync('terraform', ['console', '-no-color'], {
      cwd: dir,
      input: line,
      encoding: 'utf8',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
    });
    if (run.error) throw new Error(`terraform console could not run (terraform must be on PATH): ${run.error.message}`);
    if (run.status !== 0) throw new Error(`terraform console refused ${line}${run.stderr}`);
    // The console prints the JSON text as an HCL string literal, whose escapes are JSON's.
    return JSON.parse(JSON.parse(run.stdout.trim())) as Record<K, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapeTemplates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  if (Array.isArray(value)) return value.map(escapeTemplates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeTemplates(v)]));
  }
  return value;
}
