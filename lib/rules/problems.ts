/** A problem with one prop (or config field), so that every problem can be reported at once. */
export interface PropProblem {
  /** The prop as the caller spells it, e.g. `dns.ttl` or `connections[1].action`. */
  readonly field: string;
  /** What is wrong and what is allowed, e.g. `must be 3-24 lowercase letters and digits, got "Bad_Name"`. */
  readonly problem: string;
}

/**
 * A field path below `prefix`: `fieldPath('dns', 'ttl')` is `dns.ttl`, `fieldPath('connections', '[1]')` is
 * `connections[1]`, and an empty prefix leaves the field as it is.
 */
export function fieldPath(prefix: string, field: string): string {
  if (prefix === '') return field;
  if (field === '') return prefix;
  return field.startsWith('[') ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** The problems of a nested prop, named from the parent: `under('dns', [{ field: 'ttl', … }])` names `dns.ttl`. */
export function under(prefix: string, problems: readonly PropProblem[]): PropProblem[] {
  return problems.map((p) => ({ field: fieldPath(prefix, p.field), problem: p.problem }));
}
