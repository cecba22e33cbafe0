// Pure (no cdktf): the duplicate rules read these too.
import { everyMember } from './every-member';

/**
 * The resource log categories of `Microsoft.Batch/batchAccounts` (Learn, "Supported logs for
 * Microsoft.Batch/batchAccounts", 2024 and 2026 pages): `AuditLog` and `ServiceLog`, both to the AzureDiagnostics
 * table. `ServiceLogs` (plural) is the deprecated legacy category and is refused.
 */
export type BatchLogCategory = 'AuditLog' | 'ServiceLog';

/** Every {@link BatchLogCategory}, in the order messages list them. */
export const BATCH_LOG_CATEGORIES = everyMember<BatchLogCategory>()(['AuditLog', 'ServiceLog']);
