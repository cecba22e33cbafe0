import { everyMember } from './every-member';

/** The private link sub-resources (group ids) of `Microsoft.Batch/batchAccounts`. */
export const BATCH_SUB_RESOURCES = everyMember<BatchSubResource>()(['batchAccount', 'nodeManagement']);

/**
 * A private link sub-resource of a Batch account: `batchAccount` is the account's data plane API,
 * `nodeManagement` is what pool nodes use to reach the node management service.
 */
export type BatchSubResource = 'batchAccount' | 'nodeManagement';

/** Whether a string is one of {@link BATCH_SUB_RESOURCES}, spelled exactly (the API is case-sensitive here). */
export function isBatchSubResource(value: string): value is BatchSubResource {
  return (BATCH_SUB_RESOURCES as readonly string[]).includes(value);
}
