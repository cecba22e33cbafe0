/**
 * The package root: the constructs a user builds, their props and the types those props take. Everything else a
 * user may need is behind a documented subpath (package.json `exports`, docs/api.md): `/dns`, `/governance`,
 * `/guards`, `/azapi`, `/terraform`, `/review`. The rest of lib/ is internal, free to change in any release.
 * api/*.api.md is the reviewed surface of each entry point (`npm run api`); __tests__/api-report.test.ts keeps it
 * current and this file at 60 symbols or fewer.
 */
export { PrivateBatch } from './private-batch/private-batch';
export { PrivateBatchConnectionRule, PrivateBatchDns, PrivateBatchEndpoint, PrivateBatchProps } from './private-batch/private-batch-props';
export {
  AutoStorage, BatchAccountIdentity, KeyVaultReference, BatchAccount, BatchAccountProps,
} from './account/batch-account';
export { IBatchAccount } from './account/batch-account-ref';
export { BatchPrivateEndpoint, BatchPrivateEndpointProps, EndpointDns, EndpointSubnet, ManualApproval } from './endpoints/batch-private-endpoint';
export {
  AdoptedZone, BatchPrivateDnsZone, BatchPrivateDnsZoneProps, ExistingZoneProps, IBatchPrivateDnsZone, VirtualNetworkLinkProps,
} from './dns/batch-private-dns-zone';
export { ZoneHealingProps } from './dns/zone-healing';
export { BatchEndpointConnections, BatchEndpointConnectionsProps } from './connections/batch-endpoint-connections';
export { BatchConnectionApiVersion, ConnectionAction, ConnectionEndpointRef, ConnectionRule } from './rules/connections';
export { BatchConnectionApprovers, BatchConnectionApproversProps } from './connections/batch-connection-approvers';
export { ConnectionApprover, PrincipalType } from './rules/approvers';
export { BatchPool } from './pools/batch-pool';
export { PoolNodeManagement, PrivateBatchPoolOptions, BatchPoolProps } from './pools/batch-pool-props';
export { PoolImage } from './rules/pool-image';
export { AutoPoolScale, FixedPoolScale, NodeDeallocationMethod } from './rules/pool-scale';
export { PoolResourceFile, PoolStartTask } from './rules/pool-start-task';
export { PoolInboundNatPool, PoolNsgRule, PoolPublicIps, PublicIpProvisioning } from './rules/pool-network';
export { LockKind, LockSettings } from './rules/locks';
export { RoleAssignmentSettings } from './rules/roles';
export { BatchLogCategory, DiagnosticSettingSettings, LogCategoryGroup } from './rules/diagnostics';
export { AdoptSettings } from './rules/adoption';
export { BatchSubResource } from './rules/sub-resources';
export { AzureCloud } from './rules/clouds';
export { DnsMode } from './rules/dns-modes';
export { SubnetInfo, VirtualNetworkInfo } from './rules/subnets';
