// Pure (no cdktf): the duplicate rules read these too.

/**
 * The resource log categories of `Microsoft.Batch/batchAccounts` (Learn, "Supported logs for
 * Microsoft.Batch/batchAccounts", 2024 and 2026 pages): `AuditLog` and `ServiceLog`, both to the AzureDiagnostics
 * table. `ServiceLogs` (plural) is the deprecated legacy category and is refused.
 */
export const BATCH_LOG_CATEGORIES = ['AuditLog', 'ServiceLog'] as const;

/** One of {@link BATCH_LOG_CATEGORIES}. */
export type BatchLogCategory = (typeof BATCH_LOG_CATEGORIES)[number];
