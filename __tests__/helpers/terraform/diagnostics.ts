import type { Stack } from './stack-groups';

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

export interface RawDiagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail: string;
  address?: string;
  range?: SourceRange;
  snippet?: { context?: string | null };
}

const DEV_OVERRIDES_WARNING = 'Provider development overrides are in effect';

export const isError = (d: RawDiagnostic): boolean => d.severity === 'error';

// Terraform also gives byte offsets; lines and columns are what a reader needs.
const point = ({ line, column }: SourceRange['start']): SourceRange['start'] => ({ line, column });

export function toValidation(stack: Stack, diagnostics: RawDiagnostic[]): StackValidation {
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
