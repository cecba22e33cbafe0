import { readFileSync } from 'fs';
import { join } from 'path';

/** A synthesized stack of an app: its name and directory. */
export interface AppStack {
  readonly name: string;
  readonly dir: string;
  /** The stacks it depends on (cdktf's manifest). */
  readonly dependencies: readonly string[];
}

interface Manifest {
  stacks: Record<string, { name: string; workingDirectory: string; dependencies?: string[] }>;
}

/**
 * The stacks of a synthesized app (the dir holding cdktf's manifest.json), in the order to apply them: each after
 * the stacks it depends on, otherwise in the manifest's order.
 */
export function stacksInOrder(appDir: string): AppStack[] {
  const manifest = JSON.parse(readFileSync(join(appDir, 'manifest.json'), 'utf8')) as Manifest;
  const all = Object.values(manifest.stacks).map((s) => ({ name: s.name, dir: join(appDir, s.workingDirectory), dependencies: s.dependencies ?? [] }));
  const byName = new Map(all.map((s) => [s.name, s]));
  const ordered: AppStack[] = [];
  const visiting = new Set<string>();
  const visit = (stack: AppStack): void => {
    if (ordered.includes(stack)) return;
    if (visiting.has(stack.name)) throw new Error(`stack dependencies form a cycle through ${stack.name}`);
    visiting.add(stack.name);
    for (const dep of stack.dependencies) {
      const s = byName.get(dep);
      if (s) visit(s);
    }
    ordered.push(stack);
  };
  all.forEach(visit);
  return ordered;
}
