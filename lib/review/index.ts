/**
 * `cdktf-azure-private-batch/review`: the review model behind `npm run review`. A synthesized stack becomes
 * sections of rows (accounts, endpoints, pools, connection rules, governance, imports, opt-ins), two reviews are
 * compared, and the result is written as Markdown for a pull request.
 */
export { ReviewRow, ReviewSection, RowChange } from './review-section';
export { reviewStack, StackReview } from './review-stack';
export { compareReviews, Move } from './compare';
export { ResourceChanges, describeResourceChanges, hasResourceChanges, resourceChanges } from './resource-changes';
export { ReviewDocumentOptions, ReviewEntry, reviewMarkdown } from './markdown';
export { ReviewBase, ReviewDocumentInput, reviewDocument, SynthesizedStacks } from './review-document';
