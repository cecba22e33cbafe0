import { ReviewRow, ReviewSection } from './review-section';
import { StackReview } from './review-stack';

const ARROW = ' → ';

/** A resource that keeps its state under a new address (a `moved` block). */
export interface Move {
  /** The old address, e.g. `azurerm_batch_account.contosobatch01_F8E61559`. */
  readonly from: string;
  /** The new address, e.g. `azurerm_batch_account.batch_contosobatch01`. */
  readonly to: string;
}

/** A row key with a moved resource's old address replaced by its new one (keys start with an address). */
function movedKey(key: string, moved: readonly Move[]): string {
  const move = moved.find(({ from }) => key === from || key.startsWith(`${from} `));
  return move ? `${move.to}${key.slice(move.from.length)}` : key;
}

/** The rows of `after` that differ from `before`, by key: added, removed, or changed (`before → after` per cell). */
function changedRows(beforeRows: readonly ReviewRow[], after: readonly ReviewRow[], moved: readonly Move[]): ReviewRow[] {
  const before = beforeRows.map((row) => ({ ...row, key: movedKey(row.key, moved) }));
  const old = new Map(before.map((row) => [row.key, row]));
  const now = new Map(after.map((row) => [row.key, row]));
  const rows: ReviewRow[] = [];
  for (const row of after) {
    const previous = old.get(row.key);
    if (!previous) rows.push({ ...row, change: 'added' });
    else if (previous.cells.join('\0') !== row.cells.join('\0')) {
      rows.push({ key: row.key, change: 'changed', cells: row.cells.map((cell, i) => (cell === previous.cells[i] ? cell : `${previous.cells[i] ?? '—'}${ARROW}${cell}`)) });
    }
  }
  for (const row of before) if (!now.has(row.key)) rows.push({ ...row, change: 'removed' });
  return rows;
}

/**
 * What changed in a stack's review between two syntheses: each section keeps only its added, removed and changed
 * rows, and sections without any are left out. A stack that is new or gone is all added or all removed. Rows of
 * resources that `moved` (see `resourceChanges`) are paired across their old and new address.
 */
export function compareReviews(before: StackReview | undefined, after: StackReview | undefined, moved: readonly Move[] = []): StackReview {
  const stack = (after ?? before)!.stack;
  const sections = new Map<string, { before?: ReviewSection; after?: ReviewSection }>();
  for (const section of before?.sections ?? []) sections.set(section.id, { before: section });
  for (const section of after?.sections ?? []) sections.set(section.id, { ...sections.get(section.id), after: section });
  const compared = [...sections.values()].map(({ before: old, after: now }) => {
    const shape = (now ?? old)!;
    return { ...shape, rows: changedRows(old?.rows ?? [], now?.rows ?? [], moved) };
  });
  return { stack, sections: compared.filter((section) => section.rows.length > 0) };
}
