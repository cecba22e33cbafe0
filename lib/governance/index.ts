/**
 * `cdktf-azure-private-batch/governance`: a management lock, role assignments and diagnostic settings on one
 * resource, AVM-style. `PrivateBatch` composes them from its `lock`, `roleAssignments` and `diagnosticSettings`
 * props, whose types are at the package root.
 */
export { ResourceLock, ResourceLockProps } from './resource-lock';
export { RoleAssignments, RoleAssignmentsProps } from './role-assignments';
export { BatchDiagnosticSettings, BatchDiagnosticSettingsProps } from './batch-diagnostic-settings';
