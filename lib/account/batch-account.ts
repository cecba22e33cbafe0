import { Construct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { BatchAccount as AzurermBatchAccount, BatchAccountNetworkProfile } from '@cdktf/provider-azurerm/lib/batch-account';
import { batchAccountFromId, IBatchAccount } from './batch-account-ref';
import { mapAttributes, reportProblems } from '../core/problems';
import { resourceGroupNameProblem } from '../rules/azure-names';
import { keyVaultUrlProblem } from '../rules/key-vault';
import { literalResourceIdProblem, normalizedResourceId, resourceIdProblem } from '../rules/resource-id';

const IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
import { tagProblems } from '../rules/tags';
import { PropProblem } from '../rules/problems';
import { optIn } from '../guards/opt-ins';
import { accountNameProblem, normalizeLocation } from '../rules/naming';
import { anyRegionProblem } from '../rules/regions';
import { BatchGuards } from '../guards/batch-guards';
import { stableAddress } from '../core/addresses';
import { accountLogicalId } from '../rules/logical-ids';

/** The managed identity of the account. */
export type BatchAccountIdentity =
  | {
    /** A system-assigned identity, created and deleted with the account. */
    readonly type: 'SystemAssigned';
  }
  | {
    /** User-assigned identities, which live on their own. */
    readonly type: 'UserAssigned';
    /** The resource IDs of the user-assigned identities. */
    readonly identityIds: string[];
  }
  | {
    /** No identity: rules out managed-identity auto-storage and customer-managed keys. */
    readonly type: 'None';
  };

/** The account's auto-storage account. */
export interface AutoStorage {
  /** The storage account's resource ID. */
  readonly storageAccountId: string;
  /**
   * How Batch authenticates to it. `StorageKeys` keeps storage keys in the Batch service.
   * @default 'BatchAccountManagedIdentity'
   */
  readonly authenticationMode?: 'BatchAccountManagedIdentity' | 'StorageKeys';
  /**
   * A user-assigned identity ID that compute nodes use to reach auto-storage.
   * @default none
   */
  readonly nodeIdentityId?: string;
}

/** The Key Vault that a `UserSubscription` account keeps its keys in. */
export interface KeyVaultReference {
  /** The Key Vault's resource ID, `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`. */
  readonly id: string;
  /** The Key Vault's URL, which azurerm requires to be https, e.g. `https://myvault.vault.azure.net/`. */
  readonly url: string;
}

/** Props of {@link BatchAccount}. */
export interface BatchAccountProps {
  /** The account name: 3-24 lowercase letters and digits, globally unique. Must be known at synth. */
  readonly name: string;
  /** The resource group to create the account in (1-90 ASCII letters, digits and `-_.()`, not ending in `.`). */
  readonly resourceGroupName: string;
  /** The region, one of the cloud's (the stack guards check it against the provider's cloud); "East US" is normalized to `eastus`. */
  readonly location: string;
  /**
   * The account's subscription, when known at synth. Lets the guards reject a `batchAccount` endpoint in
   * another subscription.
   * @default none (that check is skipped)
   */
  readonly subscriptionId?: string;
  /**
   * Opt-in: keep the public endpoint enabled. A private account has it disabled.
   * @default false
   */
  readonly allowPublicNetworkAccess?: boolean;
  /**
   * Firewall rules for the public endpoint (`network_profile`); only with `allowPublicNetworkAccess`,
   * since Azure ignores them while public access is disabled.
   * @default none
   */
  readonly publicNetworkProfile?: BatchAccountNetworkProfile;
  /**
   * Opt-in: allow shared-key authentication besides Microsoft Entra ID (AAD).
   * @default false (AAD only)
   */
  readonly allowSharedKeyAuthentication?: boolean;
  /**
   * Opt-in: allow task authentication tokens besides Microsoft Entra ID (AAD).
   * @default false
   */
  readonly allowTaskAuthenticationToken?: boolean;
  /**
   * How pool nodes are allocated. `UserSubscription` needs `keyVaultReference` and forbids shared keys; it
   * is create-only.
   * @default 'BatchService'
   */
  readonly poolAllocationMode?: 'BatchService' | 'UserSubscription';
  /**
   * The Key Vault for `UserSubscription` mode.
   * @default none
   */
  readonly keyVaultReference?: KeyVaultReference;
  /**
   * The account's managed identity; needed by managed-identity auto-storage and by customer-managed keys.
   * @default { type: 'SystemAssigned' }
   */
  readonly identity?: BatchAccountIdentity;
  /**
   * Auto-storage for application packages and task files.
   * @default none
   */
  readonly autoStorage?: AutoStorage;
  /**
   * A Key Vault key ID to encrypt the account with a customer-managed key.
   * @default Microsoft-managed keys
   */
  readonly customerManagedKeyId?: string;
  /**
   * Tags for the account: at most 50 (Azure's limits on names and values apply).
   * @default none
   */
  readonly tags?: Record<string, string>;
  /**
   * The azurerm provider to create the account with.
   * @default the stack's default azurerm provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A Batch account reachable only through private endpoints: public network access disabled, Microsoft
 * Entra ID (AAD) authentication only and a system-assigned identity, unless the props opt in to less.
 */
export class BatchAccount extends Construct implements IBatchAccount {
  /**
   * An account made elsewhere (another team's), by its resource ID and region: something to make endpoints to, or to
   * approve connections on. Nothing is created; an ID of another shape, or a region that is none, throws with every
   * problem at once.
   */
  public static fromAccountId(accountId: string, location: string): IBatchAccount {
    return batchAccountFromId(accountId, location);
  }

  /** The azurerm resource, for settings this construct does not cover. */
  public readonly resource: AzurermBatchAccount;
  /** The account's resource ID. */
  public readonly id: string;
  /** The account name. */
  public readonly name: string;
  /** The account's region in ARM form, e.g. `eastus`. */
  public readonly location: string;
  /** The account's subscription, when known at synth. */
  public readonly subscriptionId?: string;
  /** The account's resource group. */
  public readonly resourceGroupName: string;
  /** The account's data plane endpoint, `<name>.<region>.batch.azure.com`. */
  public readonly accountEndpoint: string;

  constructor(scope: Construct, id: string, props: BatchAccountProps) {
    super(scope, id);
    reportProblems(this, privateBatchAccountProblems(props));
    const identity = props.identity ?? { type: 'SystemAssigned' };
    this.name = props.name;
    // A token passes through as is (it is reported above): lower-casing `${TfToken[TOKEN.n]}` would break it.
    this.location = Token.isUnresolved(props.location) ? props.location : normalizeLocation(String(props.location ?? ''));
    this.subscriptionId = props.subscriptionId;
    this.resourceGroupName = props.resourceGroupName;

    this.resource = new AzurermBatchAccount(this, 'Resource', {
      provider: props.provider,
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: this.location,
      publicNetworkAccessEnabled: props.allowPublicNetworkAccess === true,
      networkProfile: props.publicNetworkProfile,
      allowedAuthenticationModes: authenticationModes(props),
      poolAllocationMode: props.poolAllocationMode ?? 'BatchService',
      keyVaultReference: props.keyVaultReference && { ...props.keyVaultReference, id: normalizedResourceId(props.keyVaultReference.id, 'Microsoft.KeyVault/vaults') },
      identity: identity.type === 'None' ? undefined : identityBlock(identity),
      storageAccountId: props.autoStorage && normalizedResourceId(props.autoStorage.storageAccountId, 'Microsoft.Storage/storageAccounts'),
      storageAccountAuthenticationMode: props.autoStorage
        ? (props.autoStorage.authenticationMode ?? 'BatchAccountManagedIdentity')
        : undefined,
      storageAccountNodeIdentity: props.autoStorage?.nodeIdentityId && normalizedResourceId(props.autoStorage.nodeIdentityId, IDENTITY_TYPE),
      encryption: props.customerManagedKeyId ? [{ keyVaultKeyId: props.customerManagedKeyId }] : undefined,
      tags: props.tags,
    });
    stableAddress(this.resource, accountLogicalId(String(props.name ?? 'account')));
    mapAttributes(this.resource, this, {
      name: 'name',
      location: 'location',
      resource_group_name: 'resourceGroupName',
      public_network_access_enabled: 'allowPublicNetworkAccess',
      tags: 'tags',
    });
    if (props.allowPublicNetworkAccess) optIn(this.resource, 'publicNetworkAccess');
    this.id = this.resource.id;
    this.accountEndpoint = this.resource.accountEndpoint;
    BatchGuards.of(this);
  }
}

function authenticationModes(props: BatchAccountProps): string[] {
  return [
    'AAD',
    ...(props.allowSharedKeyAuthentication ? ['SharedKey'] : []),
    ...(props.allowTaskAuthenticationToken ? ['TaskAuthenticationToken'] : []),
  ];
}

function identityBlock(identity: Exclude<BatchAccountIdentity, { type: 'None' }>) {
  return identity.type === 'UserAssigned'
    ? { type: 'UserAssigned', identityIds: identity.identityIds?.map((id) => normalizedResourceId(id, IDENTITY_TYPE)) }
    : { type: 'SystemAssigned' };
}

/** Every problem with the props, each naming its prop; pure, so the example app's config checks call it too. */
export function privateBatchAccountProblems(props: BatchAccountProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  if (typeof props.name !== 'string') add('name', 'is required');
  else if (Token.isUnresolved(props.name)) add('name', 'must be known at synth (DNS record names are built from it), got a token');
  else add('name', accountNameProblem(props.name));
  if (typeof props.location !== 'string') add('location', 'is required');
  else add('location', Token.isUnresolved(props.location) ? 'must be known at synth, got a token' : anyRegionProblem(props.location));
  if (props.publicNetworkProfile && !props.allowPublicNetworkAccess) {
    add('publicNetworkProfile', 'only applies while public network access is enabled; set allowPublicNetworkAccess: true or remove it');
  }
  const mode = props.poolAllocationMode ?? 'BatchService';
  if (mode !== 'BatchService' && mode !== 'UserSubscription') {
    add('poolAllocationMode', `must be BatchService or UserSubscription, got ${JSON.stringify(mode)}`);
  }
  if (mode === 'UserSubscription' && !props.keyVaultReference) add('keyVaultReference', 'is required when poolAllocationMode is UserSubscription');
  if (mode === 'UserSubscription' && props.allowSharedKeyAuthentication) {
    add('allowSharedKeyAuthentication', 'must not be set when poolAllocationMode is UserSubscription (Azure forbids SharedKey there)');
  }
  if (mode === 'BatchService' && props.keyVaultReference) add('keyVaultReference', 'only applies when poolAllocationMode is UserSubscription');
  const identity = props.identity ?? { type: 'SystemAssigned' };
  if (!['SystemAssigned', 'UserAssigned', 'None'].includes(identity.type)) {
    add('identity.type', `must be SystemAssigned, UserAssigned or None, got ${JSON.stringify(identity.type)}`);
  }
  if (identity.type === 'UserAssigned' && !identity.identityIds?.length) {
    add('identity.identityIds', 'must list at least one identity when identity.type is UserAssigned');
  }
  const storageMode = props.autoStorage?.authenticationMode ?? 'BatchAccountManagedIdentity';
  if (props.autoStorage && !['BatchAccountManagedIdentity', 'StorageKeys'].includes(storageMode)) {
    add('autoStorage.authenticationMode', `must be BatchAccountManagedIdentity or StorageKeys, got ${JSON.stringify(storageMode)}`);
  }
  if (props.autoStorage && storageMode === 'BatchAccountManagedIdentity' && identity.type === 'None') {
    add('identity', 'must not be None while autoStorage uses BatchAccountManagedIdentity; give an identity or set autoStorage.authenticationMode: StorageKeys');
  }
  if (props.customerManagedKeyId && identity.type === 'None') {
    add('identity', 'must not be None with customerManagedKeyId: the account reads the key with its identity');
  }
  if (props.subscriptionId !== undefined && !Token.isUnresolved(props.subscriptionId) && !/^[0-9a-f-]{36}$/i.test(props.subscriptionId)) {
    add('subscriptionId', `must be a subscription GUID, got ${JSON.stringify(props.subscriptionId)}`);
  }
  if (typeof props.resourceGroupName === 'string' && !Token.isUnresolved(props.resourceGroupName)) {
    add('resourceGroupName', resourceGroupNameProblem(props.resourceGroupName));
  }
  const vault = props.keyVaultReference;
  if (vault && typeof vault.id === 'string' && !Token.isUnresolved(vault.id)) add('keyVaultReference.id', resourceIdProblem(vault.id, 'Microsoft.KeyVault/vaults'));
  if (vault && typeof vault.url === 'string' && !Token.isUnresolved(vault.url)) add('keyVaultReference.url', keyVaultUrlProblem(vault.url));
  // IDs azurerm parses at plan: a malformed one is named here, at the prop, with the segment that is wrong.
  add('autoStorage.storageAccountId', literalResourceIdProblem(props.autoStorage?.storageAccountId, 'Microsoft.Storage/storageAccounts'));
  add('autoStorage.nodeIdentityId', literalResourceIdProblem(props.autoStorage?.nodeIdentityId, IDENTITY_TYPE));
  if (identity.type === 'UserAssigned') identity.identityIds?.forEach((id, i) => add(`identity.identityIds[${i}]`, literalResourceIdProblem(id, IDENTITY_TYPE)));
  if (props.tags) problems.push(...tagProblems(props.tags));
  return problems;
}
