import { stackModel } from '../guards/stack-model';
import { ReviewSection } from './review-section';
import { REVIEW_SECTIONS } from './sections';

/** A stack's review: one section per concern. */
export interface StackReview {
  /** The stack's name. */
  readonly stack: string;
  /** The sections, in order. */
  readonly sections: readonly ReviewSection[];
}

/**
 * Reviews one synthesized stack (its `cdk.tf.json`, parsed): what a pull request reviewer needs to see of a private
 * Batch setup, read from the Terraform itself, so it holds for raw provider resources beside the constructs too.
 */
export function reviewStack(stack: string, json: Record<string, any>): StackReview {
  const input = { json, model: stackModel(json) };
  return { stack, sections: REVIEW_SECTIONS.map((build) => build(input)) };
}
