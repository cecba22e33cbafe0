import type { Construct } from 'constructs';
import type { BatchConnectionApprovers } from '../connections/batch-connection-approvers';
import type { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import type { BatchDiagnosticSettings } from '../governance/batch-diagnostic-settings';
import type { ResourceLock, ResourceLockProps } from '../governance/resource-lock';
import type { RoleAssignments } from '../governance/role-assignments';
import { BatchAccount, BatchAccountProps } from '../account/batch-account';
import { setPropOrigin } from '../core/problems';
import type { LockSettings } from '../rules/locks';
import { PrivateBatchProps } from './private-batch-props';
import { optional, parts } from './private-batch-defaults';

/** What a `PrivateBatch` adds on the account it makes. */
export interface AccountParts {
  readonly roleAssignments?: RoleAssignments;
  readonly diagnosticSettings?: BatchDiagnosticSettings;
  readonly lock?: ResourceLock;
}

/** What the account's lock waits for, besides the account's own role assignments and diagnostic settings. */
export interface LockedParts {
  readonly endpoints: readonly BatchPrivateEndpoint[];
  readonly approvers?: BatchConnectionApprovers;
}

/**
 * The governance part of a `PrivateBatch` (`owner`): role assignments, diagnostic settings and the lock of the
 * account made there; the lock last.
 */
export function addAccountParts(owner: Construct, account: BatchAccount, props: PrivateBatchProps, locked: LockedParts): AccountParts {
  const provider = (props.account as BatchAccountProps).provider ?? props.provider;
  const roleAssignments = props.roleAssignments && new (optional().RoleAssignments)(account, 'RoleAssignments', {
    scope: account.id, scopeKey: account.name, assignments: props.roleAssignments, subscriptionId: account.subscriptionId, provider,
  });
  if (roleAssignments) setPropOrigin(roleAssignments, { owner, path: '', fields: { assignments: 'roleAssignments', subscriptionId: 'account.subscriptionId' } });
  const diagnosticSettings = props.diagnosticSettings && new (optional().BatchDiagnosticSettings)(account, 'DiagnosticSettings', {
    accountId: account.id, accountName: account.name, settings: props.diagnosticSettings, provider,
  });
  if (diagnosticSettings) setPropOrigin(diagnosticSettings, { owner, path: '', fields: { settings: 'diagnosticSettings' } });
  // After everything on the account that a ReadOnly lock would block.
  const lock = addLock(owner, account, props.lock, 'lock', {
    resourceId: account.id, resourceName: account.name, key: account.name, provider,
    dependsOn: [
      ...locked.endpoints.map((e) => e.resource), ...parts(roleAssignments?.assignments), ...parts(diagnosticSettings?.settings),
      ...(locked.approvers?.assignments ?? []),
    ],
  });
  return { roleAssignments, diagnosticSettings, lock };
}

/** A lock on `scope`'s resource, unless there is none or it is `None`; its props came from `at` of `owner`'s. */
export function addLock(
  owner: Construct, scope: Construct, lock: LockSettings | undefined, at: string, props: Omit<ResourceLockProps, keyof LockSettings>,
): ResourceLock | undefined {
  if (!lock || lock.kind === 'None') return undefined;
  const created = new (optional().ResourceLock)(scope, 'Lock', { ...lock, ...props });
  setPropOrigin(created, { owner, path: at });
  return created;
}
