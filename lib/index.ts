// The public API: constructs, their props, the stack guards and the pure rules they are built on.
export * from './private-batch/private-batch';
export * from './private-batch/private-batch-props';
export {
  DEFAULT_PRIVATE_BATCH_ENDPOINTS, isExistingAccount, privateBatchConnectionProblems, privateBatchConnectionRule, privateBatchEndpointKey,
  privateBatchProblems,
} from './private-batch/private-batch-problems';
export * from './dns/batch-zone-choice';
export * from './governance/resource-lock';
export * from './governance/role-assignments';
export * from './governance/batch-diagnostic-settings';
export * from './account/private-batch-account';
export * from './pools/private-batch-pool';
export * from './pools/private-batch-pool-props';
export { MAX_TASKS_PER_NODE, poolAccountRefs, privateBatchPoolProblems } from './pools/private-batch-pool-problems';
export * from './pools/private-batch-pools';
export * from './account/batch-account-ref';
export * from './endpoints/batch-private-endpoint';
export * from './dns/batch-private-dns-zone';
export * from './dns/batch-dns-record';
export * from './dns/batch-dns-outputs';
export * from './connections/batch-endpoint-connections';
export * from './terraform/project-local-backend';
export * from './dns/zone-healing';
export * from './dns/account-lookup';
export * from './connections/batch-connection-approvers';
export { MOVED_FROM_V01_CONTEXT, StableAddressOptions, stableAddress } from './core/addresses';
export * from './core/problems';
export * from './rules/problems';
export * from './azapi/provider';
export * from './azapi/resource-action';
export * from './azapi/data-resource';
export * from './azapi/data-resource-list';
export * from './terraform/check-block';
export * from './terraform/import-block';
export { BatchGuards } from './guards/batch-guards';
export { bareHclReferences } from './hcl/bare-references';
export { addHclStep, HclStep, useBareHclReferences } from './hcl/stack-hcl';
export { optIn, hasOptedIn, optInsOf, OptIn, OPT_INS } from './guards/opt-ins';
export * from './review/review-section';
export * from './review/review-stack';
export * from './review/compare';
export * from './review/markdown';
export * from './review/resource-changes';
export * from './review/review-document';
export { REVIEW_SECTIONS } from './review/sections';
export { FoundOptIn, OPT_IN_DETECTORS, OptInDetector } from './review/sections/opt-ins';
export { Finding } from './guards/finding';
export * from './rules/adoption';
export * from './rules/built-in-roles';
export * from './rules/clouds';
export {
  BATCH_CONNECTION_API_VERSIONS, BatchConnectionApiVersion, CONNECTION_ACTIONS, ConnectionAction, ConnectionEndpointRef, ConnectionRule,
  ConnectionStatus, DEFAULT_BATCH_CONNECTION_API_VERSION, connectionId, connectionResourceType, connectionRuleKey,
  connectionRuleProblems,
} from './rules/connections';
export * from './rules/approvers';
export * from './rules/dns-modes';
export * from './rules/diagnostics';
export * from './rules/dns-records';
export * from './rules/ip';
export * from './rules/locks';
export * from './rules/logical-ids';
export * from './rules/naming';
export * from './rules/durations';
export * from './rules/pool-image';
export * from './rules/pool-names';
export * from './rules/pool-network';
export * from './rules/pool-scale';
export * from './rules/pool-start-task';
export * from './rules/resource-id';
export * from './rules/roles';
export * from './rules/state-path';
export * from './rules/sub-resources';
export * from './rules/subnets';
export * from './rules/zones';
export * from './rules/zone-records';
