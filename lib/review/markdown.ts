import { ReviewSection } from './review-section';
import { StackReview } from './review-stack';

/** One stack of a review document. */
export interface ReviewEntry {
  /** The stack's review, or what changed in it (see `compareReviews`). */
  readonly review: StackReview;
  /** The stack's file, e.g. `stacks/<name>/cdk.tf.json`. */
  readonly file?: string;
  /** A line under the stack's heading, e.g. its resource changes. */
  readonly summary?: string;
}

/** How the document is headed, and whether it shows changes. */
export interface ReviewDocumentOptions {
  /** The document's heading. */
  readonly title: string;
  /** A paragraph under the heading (Markdown), e.g. the config and the base it is compared with. */
  readonly intro?: string;
  /**
   * True for a comparison: rows carry a Change column, and a stack whose review did not change says so.
   * @default false
   */
  readonly changes?: boolean;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(section: ReviewSection, changes: boolean): string[] {
  const columns = changes ? ['Change', ...section.columns] : [...section.columns];
  const rows = section.rows.map((row) => (changes ? [row.change ?? '', ...row.cells] : [...row.cells]));
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.map(cell).join(' | ')} |`),
  ];
}

function stackMarkdown(entry: ReviewEntry, changes: boolean): string[] {
  const heading = `## Stack \`${entry.review.stack}\`${entry.file ? ` (\`${entry.file}\`)` : ''}`;
  const lines = [heading, ''];
  if (entry.summary) lines.push(entry.summary, '');
  if (changes && entry.review.sections.length === 0) return [...lines, 'No change to the accounts, endpoints, connection rules or opt-ins.', ''];
  for (const section of entry.review.sections) {
    lines.push(`### ${section.title}`, '');
    lines.push(...(section.rows.length > 0 ? table(section, changes) : [section.none]), '');
  }
  return lines;
}

/** The review as one Markdown document, for a pull request comment or a CI job summary. */
export function reviewMarkdown(entries: readonly ReviewEntry[], options: ReviewDocumentOptions): string {
  const lines = [`# ${options.title}`, ''];
  if (options.intro) lines.push(options.intro, '');
  for (const entry of entries) lines.push(...stackMarkdown(entry, options.changes === true));
  return `${lines.join('\n').trimEnd()}\n`;
}
