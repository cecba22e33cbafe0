import { ArmError } from '../arm/errors';
import { EngineDiagnostic } from '../index';
import { Obj } from '../values';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict' };

/** An ARM error as azurerm/azapi report it: `<verb> <what> (<id>): unexpected status 409 (409 Conflict) with error: <Code>: <message>`. */
export function armDiagnostic(error: unknown, verb: string, id: string): EngineDiagnostic {
  if (error instanceof ArmError) {
    return { severity: 'error', summary: `${verb} ${id}: unexpected status ${error.status} (${error.status} ${STATUS_TEXT[error.status] ?? ''}) with error: ${error.code}: ${error.message}`, detail: '' };
  }
  return { severity: 'error', summary: `${verb} ${id}: ${error instanceof Error ? error.message : String(error)}`, detail: '' };
}

/**
 * azurerm's create check: it reads the ID first and refuses to adopt what exists (helpers/tf/errors.go
 * ImportAsExistsError in hashicorp/terraform-provider-azurerm; azapi has the same text).
 */
export function importAsExists(id: string, tfType: string): EngineDiagnostic {
  return {
    severity: 'error',
    summary: `a resource with the ID ${JSON.stringify(id)} already exists - to be managed via Terraform this resource needs to be imported into the State. Please see the resource documentation for ${JSON.stringify(tfType)} for more information`,
    detail: '',
  };
}

/** A diagnostic from a plain message. */
export function errorDiagnostic(summary: string, detail = ''): EngineDiagnostic {
  return { severity: 'error', summary, detail };
}

/** Runs an operation; an error becomes a diagnostic and the state stays `fallback`. */
export function guard(fn: () => Obj | null, verb: string, id: string, fallback: Obj | null): { state: Obj | null; diagnostics: EngineDiagnostic[] } {
  try {
    return { state: fn(), diagnostics: [] };
  } catch (e) {
    return { state: fallback, diagnostics: [armDiagnostic(e, verb, id)] };
  }
}
