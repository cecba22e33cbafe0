/** What one `terraform apply` (or destroy) of a stack did, read from its `-json` output. */
export interface ApplySummary {
  readonly stack: string;
  readonly operation: 'apply' | 'destroy';
  /** Terraform's exit status was 0. */
  readonly ok: boolean;
  readonly exitCode: number;
  /** Counts as Terraform's "Apply complete!" line gives them (a replacement is one added and one destroyed). */
  readonly added: number;
  readonly changed: number;
  readonly destroyed: number;
  readonly imported: number;
  /** The planned action of each resource instance that had one, e.g. `{ address: 'azurerm_subnet.a', action: 'create' }`. */
  readonly planned: readonly { address: string; action: string }[];
  readonly errors: readonly ApplyDiagnostic[];
  readonly warnings: readonly ApplyDiagnostic[];
  /** Terraform's messages, one a line, as its human-readable output would give them. */
  readonly log: string;
}

export interface ApplyDiagnostic {
  readonly summary: string;
  readonly detail: string;
  /** The resource or data source it is about, when Terraform says. */
  readonly address?: string;
}

interface JsonLine {
  type?: string;
  '@message'?: string;
  changes?: { add: number; change: number; import?: number; remove: number };
  diagnostic?: { severity: string; summary: string; detail: string; address?: string };
  change?: { resource: { addr: string }; action: string };
  hook?: { resource: { addr: string }; action: string };
}

const COUNTED: Record<string, 'added' | 'changed' | 'destroyed'> = { create: 'added', update: 'changed', delete: 'destroyed' };

/** Reads `terraform apply -json` output. After a failed apply, the counts are of the changes that completed. */
export function summarize(stack: string, operation: 'apply' | 'destroy', exitCode: number, stdout: string, stderr: string): ApplySummary {
  const lines = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as JsonLine);
  const counts = { added: 0, changed: 0, destroyed: 0, imported: 0 };
  let summary: JsonLine['changes'];
  const planned: { address: string; action: string }[] = [];
  const errors: ApplyDiagnostic[] = [];
  const warnings: ApplyDiagnostic[] = [];
  for (const line of lines) {
    if (line.type === 'change_summary' && line.changes && /Apply complete/.test(line['@message'] ?? '')) summary = line.changes;
    if (line.type === 'planned_change' && line.change) planned.push({ address: line.change.resource.addr, action: line.change.action });
    if (line.type === 'apply_complete' && line.hook && COUNTED[line.hook.action]) counts[COUNTED[line.hook.action]]++;
    if (line.type === 'diagnostic' && line.diagnostic) {
      const { severity, summary: s, detail, address } = line.diagnostic;
      (severity === 'error' ? errors : warnings).push({ summary: s, detail, ...(address && { address }) });
    }
  }
  if (summary) Object.assign(counts, { added: summary.add, changed: summary.change, destroyed: summary.remove, imported: summary.import ?? 0 });
  if (exitCode !== 0 && !errors.length) errors.push({ summary: `terraform exited with ${exitCode}`, detail: stderr.trim() });
  const log = lines.map((l) => l['@message'] ?? '').filter(Boolean).join('\n') + (stderr ? `\n${stderr}` : '');
  return { stack, operation, ok: exitCode === 0, exitCode, ...counts, planned, errors, warnings, log };
}

/**
 * The planned actions that change something: a data source inside a `check` block is read again on every plan (a
 * `read`), which changes nothing, so a converged stack's apply still lists it.
 */
export function plannedChanges(summary: ApplySummary): { address: string; action: string }[] {
  return summary.planned.filter((p) => p.action !== 'read');
}
