import { ModelResource, StackModel } from './stack-model';

/** What Terraform waits for before it creates each resource of a stack: its `depends_on` and its references. */
export interface DependencyGraph {
  /** The addresses a resource waits for directly. */
  direct(address: string): ReadonlySet<string>;
  /** Whether Terraform creates `later` only once `earlier` exists: a chain of dependencies leads from one to the other. */
  after(later: string, earlier: string): boolean;
}

// `azurerm_private_endpoint.pe`, `data.azapi_resource.x`: a type has its provider's prefix and an underscore.
const ADDRESS = /(?<![\w.])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*)/g;
const LOCAL = /(?<![\w.])local\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** Every string in a value, nested objects and lists included; `//` (cdktf's metadata) is left out. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== '//') stringsIn(v, out);
  }
  return out;
}

/**
 * The stack's dependency graph as Terraform builds it: each resource waits for the resources and data sources its
 * configuration refers to (through locals too) and those in its `depends_on`. Only addresses of the stack count.
 */
export function dependencyGraph(model: StackModel): DependencyGraph {
  const known = new Set(model.resources.map((r) => r.address));
  const localRefs = new Map<string, Set<string>>();
  const refsOf = (value: unknown, seenLocals: Set<string>): Set<string> => {
    const found = new Set<string>();
    for (const text of stringsIn(value)) {
      for (const [, address] of text.matchAll(ADDRESS)) if (known.has(address)) found.add(address);
      for (const [, name] of text.matchAll(LOCAL)) {
        if (seenLocals.has(name)) continue;
        seenLocals.add(name);
        const cached = localRefs.get(name) ?? refsOf(model.locals[name], seenLocals);
        localRefs.set(name, cached);
        cached.forEach((a) => found.add(a));
      }
    }
    return found;
  };
  const edges = new Map<string, Set<string>>(model.resources.map((r: ModelResource) => {
    // replace_triggered_by's references are dependencies too, as in Terraform.
    const direct = refsOf(r.config, new Set());
    direct.delete(r.address);
    return [r.address, direct];
  }));
  const reach = new Map<string, Set<string>>();
  const reachable = (address: string): Set<string> => {
    const cached = reach.get(address);
    if (cached) return cached;
    const all = new Set<string>();
    reach.set(address, all);
    for (const next of edges.get(address) ?? []) {
      all.add(next);
      reachable(next).forEach((a) => all.add(a));
    }
    return all;
  };
  return {
    direct: (address) => edges.get(address) ?? new Set(),
    after: (later, earlier) => reachable(later).has(earlier),
  };
}
