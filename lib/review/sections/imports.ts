import { code } from '../cells';
import { ReviewInput, ReviewRow, ReviewSection } from '../review-section';

/** An import's ID as a reviewer reads it: literal parts as they are, each reference shown as `<…>`. */
function importId(id: unknown): string {
  if (typeof id !== 'string') return 'known at plan';
  return code(id.replace(/\$\{[^}]*\}/g, '<…>'));
}

/**
 * The ID an `import` block with `id = each.value` imports, from its `for_each` local (`cond ? [<id>] : []`, the id a
 * string or `join("", [...])` of strings and references), references shown as `<…>`.
 */
function idFromLocal(block: Record<string, any>, locals: Record<string, unknown>): string | undefined {
  const local = /^\$\{local\.([A-Za-z0-9_]+)\}$/.exec(String(block.for_each))?.[1];
  const text = local === undefined ? undefined : locals[local];
  if (typeof text !== 'string') return undefined;
  const start = text.lastIndexOf('? [');
  const end = text.lastIndexOf('] : []');
  if (start < 0 || end < start) return undefined;
  const inner = text.slice(start + 3, end).replace(/^join\("", \[(.*)\]\)$/, '$1');
  return inner.split(/, (?=")|(?<=["\w\]]), /).map((part) => (part.startsWith('"') ? JSON.parse(part) as string : '${ref}')).join('');
}

function when(block: Record<string, any>): string {
  if (block.for_each === undefined) return 'always (skipped once it is in state)';
  const local = /local\.([A-Za-z0-9_]+)/.exec(String(block.for_each))?.[1];
  return `when it exists, read at plan${local ? ` (${code(`local.${local}`)})` : ''}`;
}

/**
 * What the next apply takes over instead of creating: the stack's `import` blocks (adopting a portal-made setup,
 * or a DNS record that is already in a zone), with the ID each imports and whether it always imports or only
 * what the plan finds.
 */
export function importsSection({ json }: ReviewInput): ReviewSection {
  const imports: Record<string, any>[] = Array.isArray(json.import) ? json.import : [];
  const locals: Record<string, unknown> = json.locals ?? {};
  return {
    id: 'imports',
    title: 'Imports',
    columns: ['Into', 'ID', 'When', 'Through'],
    none: 'Nothing is imported: every resource is created.',
    rows: imports.map((block): ReviewRow => ({
      key: `import ${String(block.to)}`,
      cells: [code(String(block.to)), importId(block.id === '${each.value}' ? idFromLocal(block, locals) ?? block.id : block.id), when(block), block.provider ? code(String(block.provider)) : 'the default provider'],
    })),
  };
}
