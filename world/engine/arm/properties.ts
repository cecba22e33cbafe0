/** Small helpers for ARM property bags. */

/** The lower-cased region name ARM stores (`East US` → `eastus`). */
export function region(location: string | undefined): string {
  return (location ?? '').replace(/\s+/g, '').toLowerCase();
}

/** `{ id }` references ARM uses between resources. */
export function ref(id: string): { id: string } {
  return { id };
}

/** A string property, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
