import { Finding } from './finding';

/**
 * Reports every item after the first whose key is taken, as Azure refuses a second object under a key that is
 * already in use. Items whose key cannot be told at synth (undefined) are left out.
 */
export function duplicates<T>(items: readonly T[], keyOf: (item: T) => string | undefined, report: (item: T, first: T) => Finding): Finding[] {
  const seen = new Map<string, T>();
  return items.flatMap((item) => {
    const key = keyOf(item);
    if (key === undefined) return [];
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, item);
      return [];
    }
    return [report(item, first)];
  });
}
