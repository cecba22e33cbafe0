/** What a change does to the managed resources of one stack, by Terraform address. */
export interface ResourceChanges {
  /** Addresses that are new (and not the target of a `moved` block from an old address). */
  readonly added: readonly string[];
  /**
   * Addresses whose configuration changed (a moved resource is compared with its old address; a reference that
   * only follows a move is no change).
   */
  readonly changed: readonly string[];
  /** Addresses that are gone (and not moved). */
  readonly removed: readonly string[];
  /** Resources that keep their state under a new address, through a `moved` block. */
  readonly moved: readonly {
    /** The old address. */
    readonly from: string;
    /** The new address. */
    readonly to: string;
  }[];
}

type StackJson = Record<string, any> | undefined;

/**
 * Every managed resource's configuration by address, without cdktf's `//` metadata, with references to `renamed`
 * addresses written with their new address (so that a reference to a moved resource is no change).
 */
function resourcesOf(json: StackJson, renamed: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json?.resource ?? {})) {
    for (const [name, config] of Object.entries(byName)) out.set(`${type}.${name}`, withAddresses(canonical(config), renamed));
  }
  return out;
}

function withAddresses(text: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return text;
  const escaped = [...renamed.keys()].map((address) => address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`\\b(${escaped.join('|')})(?![A-Za-z0-9_-])`, 'g'), (address) => renamed.get(address)!);
}

/** The `moved` blocks of `after` whose old address is only in `before` and whose new one only in `after`. */
function movesBetween(before: StackJson, after: StackJson): { from: string; to: string }[] {
  const old = new Set(resourcesOf(before).keys());
  const now = new Set(resourcesOf(after).keys());
  return ((after?.moved ?? []) as { from: string; to: string }[])
    .filter(({ from, to }) => old.has(from) && !now.has(from) && now.has(to) && !old.has(to))
    .map(({ from, to }) => ({ from, to }));
}

/** JSON with sorted keys and no `//` comments, to compare configurations by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === '//') return undefined;
    return v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v;
  });
}

/**
 * The resources added, changed, removed and moved between two syntheses of a stack (either may be missing: a
 * stack that is new, or gone). Data sources, outputs and providers are not counted.
 */
export function resourceChanges(before: Record<string, any> | undefined, after: Record<string, any> | undefined): ResourceChanges {
  const moved = movesBetween(before, after);
  const old = resourcesOf(before, new Map(moved.map((m) => [m.from, m.to])));
  const now = resourcesOf(after);
  const movedFrom = new Map(moved.map((m) => [m.to, m.from]));
  const movedAway = new Set(moved.map((m) => m.from));
  const added = [...now.keys()].filter((address) => !old.has(address) && !movedFrom.has(address));
  const removed = [...old.keys()].filter((address) => !now.has(address) && !movedAway.has(address));
  const changed = [...now.entries()]
    .filter(([address, config]) => {
      const previous = old.get(movedFrom.get(address) ?? address);
      return previous !== undefined && previous !== config;
    })
    .map(([address]) => address);
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort(), moved };
}

/** `1 added, 2 changed, 0 removed`, and `, 7 moved` when any moved. */
export function describeResourceChanges(changes: ResourceChanges): string {
  const counts = `${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed`;
  return changes.moved.length > 0 ? `${counts}, ${changes.moved.length} moved` : counts;
}

/** Whether the change touches any resource. */
export function hasResourceChanges(changes: ResourceChanges): boolean {
  return changes.added.length + changes.changed.length + changes.removed.length + changes.moved.length > 0;
}
