import { isUnknown, Obj } from '../values';

/** Replaces every UNKNOWN in `planned` by the value at the same path in `fresh` (null when it has none). */
export function fillUnknowns(planned: unknown, fresh: unknown): unknown {
  if (isUnknown(planned)) return fresh === undefined || isUnknown(fresh) ? null : fresh;
  if (Array.isArray(planned)) return planned.map((v, i) => fillUnknowns(v, Array.isArray(fresh) ? fresh[i] : undefined));
  if (planned !== null && typeof planned === 'object') {
    return Object.fromEntries(Object.entries(planned).map(([k, v]) => [k, fillUnknowns(v, fresh && typeof fresh === 'object' ? (fresh as any)[k] : undefined)]));
  }
  return planned;
}

/** Empty values Terraform and ARM spell differently: null, [], {} and "". */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);
}

/** Whether two values mean the same (empties alike, sets in any order, strings without regard to case for IDs). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const rest = [...b];
    return a.every((x) => {
      const i = rest.findIndex((y) => sameValue(x, y));
      if (i < 0) return false;
      rest.splice(i, 1);
      return true;
    });
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as any)[k], (b as any)[k]));
  }
  if (typeof a === 'string' && typeof b === 'string' && a.startsWith('/') && b.startsWith('/')) return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/**
 * A refresh: the prior state, with each attribute the world has differently taken from the world (drift shows). A
 * null in the prior state and the provider's default in the world are the same.
 */
export function refreshed(prior: Obj, fresh: Obj, defaults: Readonly<Record<string, unknown>> = {}): Obj {
  const out: Obj = { ...prior };
  for (const [k, v] of Object.entries(fresh)) {
    if (v === undefined || sameValue(prior[k], v)) continue;
    if (prior[k] === null && k in defaults && sameValue(defaults[k], v)) continue;
    out[k] = v;
  }
  return out;
}

/** A string attribute, or undefined (unknown, null or not a string). */
export function s(values: Obj, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** The first element of a list-nested block, or undefined. */
export function first(values: Obj, key: string): Obj | undefined {
  const v = values[key];
  return Array.isArray(v) && v.length > 0 ? (v[0] as Obj) : undefined;
}

/** A list of strings (unknown or null → []). */
export function strings(values: Obj | undefined, key: string): string[] {
  const v = values?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
