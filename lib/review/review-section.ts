import { StackModel } from '../guards/stack-model';

/** How a row differs from the same row in the synth it is compared with. */
export type RowChange = 'added' | 'removed' | 'changed';

/** One row of a review table. */
export interface ReviewRow {
  /** Pairs the row with the same thing in another synth: a Terraform address, or an address and a qualifier. */
  readonly key: string;
  /** One Markdown cell per column (inline Markdown; the renderer escapes `|`). */
  readonly cells: readonly string[];
  /** Set by a comparison: how the row changed. Changed cells then read `before → after`. */
  readonly change?: RowChange;
}

/** One concern of a stack's review, rendered as a table. */
export interface ReviewSection {
  /** Identifies the section across two syntheses, e.g. `accounts`. */
  readonly id: string;
  /** The heading, e.g. `Batch accounts`. */
  readonly title: string;
  /** The column headings. */
  readonly columns: readonly string[];
  /** The rows, in the order to show them. */
  readonly rows: readonly ReviewRow[];
  /** What to write when there are no rows, e.g. `No connection rule.` */
  readonly none: string;
}

/** What a section is built from: the stack's synthesized JSON (`cdk.tf.json`) and the guards' model of it. */
export interface ReviewInput {
  /** The synthesized stack, as `toTerraform()` or `cdk.tf.json` holds it. */
  readonly json: Record<string, any>;
  /** Its resources, outputs and providers (see `guards/stack-model.ts`). */
  readonly model: StackModel;
}

/** Builds one section. A section per concern: accounts, endpoints, connection rules, opt-ins, ... */
export type ReviewSectionBuilder = (input: ReviewInput) => ReviewSection;
