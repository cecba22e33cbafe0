import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider, dependable } from 'cdktf';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { stableAddress } from '../core/addresses';
import { reportProblems } from '../core/problems';
import { lockLogicalId } from '../rules/logical-ids';
import { LockSettings, defaultLockName, defaultLockNotes, lockProblems } from '../rules/locks';

/** Props of {@link ResourceLock}. */
export interface ResourceLockProps extends LockSettings {
  /** The ID of the resource to lock. */
  readonly resourceId: string;
  /** The resource's name, for the default lock name `lock-<name>`. */
  readonly resourceName: string;
  /** What names the lock's address, `lock_<key>`: the account name, or an endpoint's key. */
  readonly key: string;
  /**
   * What must exist before the lock does, e.g. the role assignments and security group associations of the
   * resource, which a `ReadOnly` lock would block.
   * @default none
   */
  readonly dependsOn?: ITerraformDependable[];
  /**
   * The azurerm provider.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A management lock (`azurerm_management_lock`) on one resource, AVM-style: `CanNotDelete` or `ReadOnly`, named
 * `lock-<resource>` by default. A lock applies to the resource's children too (Learn, Management Locks REST API:
 * "When you apply a lock at a parent scope, all child resources inherit the same lock"). Creating one needs
 * `Microsoft.Authorization/locks/*` (Owner or User Access Administrator). Every change replaces the lock (azurerm
 * has no update for it). `kind: 'None'` makes nothing.
 */
export class ResourceLock extends Construct {
  /** The azurerm lock; undefined with `kind: 'None'`. */
  public readonly resource?: ManagementLock;
  /** The lock's level. */
  public readonly kind: LockSettings['kind'];

  constructor(scope: Construct, id: string, props: ResourceLockProps) {
    super(scope, id);
    reportProblems(this, lockProblems(props));
    this.kind = props.kind;
    if (props.kind === 'None') return;
    this.resource = stableAddress(new ManagementLock(this, 'Resource', {
      provider: props.provider,
      name: props.name ?? defaultLockName(props.resourceName),
      scope: props.resourceId,
      lockLevel: props.kind,
      notes: props.notes ?? defaultLockNotes(props.kind),
      dependsOn: props.dependsOn,
    }), lockLogicalId(props.key), { existedInV01: false });
  }

  /** Creates the lock only after something else that it would block, e.g. a pool added after the lock was made. */
  public waitFor(other: ITerraformDependable): void {
    if (this.resource) this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(other)];
  }
}
