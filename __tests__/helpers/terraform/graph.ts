import { StackSource, writeStack } from './lifecycle';
import { withWorkspace } from './workspace';

/** The order Terraform gives a stack's resources, as its own graph builder makes it. */
export interface ResourceGraph {
  /** The resource addresses each resource waits for directly (after Terraform's transitive reduction). */
  readonly edges: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whether Terraform creates `later` only once `earlier` exists: a path of edges from one to the other. */
  after(later: string, earlier: string): boolean;
}

const EDGE = /^\s*"\[root\] ([^" ]+) \(expand\)" -> "\[root\] ([^" ]+) \(expand\)"$/;

/**
 * `terraform graph -type=plan` of a stack (through the project's plugins), read as resource-to-resource edges:
 * `depends_on` and references as Terraform evaluates them, which is what orders an apply.
 */
export async function terraformGraph(stack: StackSource): Promise<ResourceGraph> {
  return withWorkspace(async (ws) => {
    writeStack(stack, ws.root);
    const result = await ws.terraform(['graph', '-type=plan']);
    if (result.code !== 0) throw new Error(`terraform graph failed:\n${result.stderr}${result.stdout}`);
    const edges = new Map<string, Set<string>>();
    for (const line of result.stdout.split('\n')) {
      const match = EDGE.exec(line);
      if (match) edges.set(match[1], (edges.get(match[1]) ?? new Set()).add(match[2]));
    }
    const after = (later: string, earlier: string, seen = new Set<string>()): boolean => {
      if (seen.has(later)) return false;
      seen.add(later);
      return [...(edges.get(later) ?? [])].some((next) => next === earlier || after(next, earlier, seen));
    };
    return { edges, after: (later, earlier) => after(later, earlier) };
  });
}
