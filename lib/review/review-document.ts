import { compareReviews } from './compare';
import { ReviewEntry, reviewMarkdown } from './markdown';
import { describeResourceChanges, hasResourceChanges, resourceChanges } from './resource-changes';
import { reviewStack } from './review-stack';

/** Synthesized stacks (`cdk.tf.json`, parsed) by stack name. */
export type SynthesizedStacks = ReadonlyMap<string, Record<string, any>>;

/** The synth a change is compared with. */
export interface ReviewBase {
  /** What to call it, e.g. `main` or `origin/main`. */
  readonly label: string;
  /** Its stacks. */
  readonly stacks: SynthesizedStacks;
  /** Why it has no stacks, when the config does not exist there. @default none */
  readonly note?: string;
}

/** What to review. */
export interface ReviewDocumentInput {
  /** The stacks of the change. */
  readonly stacks: SynthesizedStacks;
  /** The config they were synthesized from, named in the document. @default not named */
  readonly config?: string;
  /**
   * The stacks to compare with (the base branch's), and what to call them. With it the document shows only what
   * changed, and the stacks it does not touch are left out.
   * @default a full review of `stacks`
   */
  readonly base?: ReviewBase;
}

const fileOf = (stack: string): string => `stacks/${stack}/cdk.tf.json`;
const from = (config?: string): string => (config ? ` from \`${config}\`` : '');

/** The review as a Markdown document: a section per stack, a table per concern (see `sections/`). */
export function reviewDocument(input: ReviewDocumentInput): string {
  const { base } = input;
  if (!base) {
    const entries = [...input.stacks.keys()].sort().map((stack) => ({ review: reviewStack(stack, input.stacks.get(stack)!), file: fileOf(stack) }));
    return reviewMarkdown(entries, { title: 'Private Batch review', intro: `Every stack synthesized${from(input.config)}.` });
  }
  const names = [...new Set([...base.stacks.keys(), ...input.stacks.keys()])].sort();
  const entries: ReviewEntry[] = names.flatMap((stack) => {
    const before = base.stacks.get(stack);
    const after = input.stacks.get(stack);
    const changes = resourceChanges(before, after);
    const review = compareReviews(before && reviewStack(stack, before), after && reviewStack(stack, after), changes.moved);
    if (review.sections.length === 0 && !hasResourceChanges(changes)) return [];
    const state = !before ? 'New stack. ' : !after ? 'Stack removed. ' : '';
    return [{ review, file: fileOf(stack), summary: `${state}Resources: ${describeResourceChanges(changes)}.` }];
  });
  const unchanged = names.length - entries.length;
  const intro = [
    `What the change does to the stacks synthesized${from(input.config)}, against \`${base.label}\`.`,
    base.note ? `(${base.note}.)` : '',
    entries.length === 0 ? 'No stack changes.' : unchanged > 0 ? `${unchanged} stack${unchanged === 1 ? '' : 's'} without changes left out.` : '',
  ].filter(Boolean).join(' ');
  return reviewMarkdown(entries, { title: `Private Batch review: changes against \`${base.label}\``, intro, changes: true });
}
