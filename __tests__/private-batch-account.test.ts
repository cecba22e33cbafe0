// Types of the cdktf jest matchers that setup.ts installs (type-only: nothing is loaded at run time).
import { TerraformOutput, TerraformStack, Testing, Token } from 'cdktf';
import { BatchAccount as AzurermBatchAccount } from '@cdktf/provider-azurerm/lib/batch-account';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { BatchAccount, BatchAccountProps } from '../lib/account/batch-account';

const BASE: BatchAccountProps = { name: 'mybatch', resourceGroupName: 'rg-batch', location: 'East US' };
const KEY_VAULT = {
  id: '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv',
  url: 'https://kv.vault.azure.net/',
};
const STORAGE_ID = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
const UAI_ID = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai';

/** Synthesizes the account with validations, as `cdktf synth` does. */
function synth(props: Partial<BatchAccountProps> = {}): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new BatchAccount(stack, 'acct', { ...BASE, ...props } as BatchAccountProps);
  return Testing.synth(stack, true);
}

function accountConfig(props: Partial<BatchAccountProps> = {}): Record<string, unknown> {
  const accounts = JSON.parse(synth(props)).resource.azurerm_batch_account;
  const configs = Object.values(accounts) as Record<string, unknown>[];
  expect(configs).toHaveLength(1);
  return configs[0];
}

/** Synthesizes the account and expects synth to fail on one problem, naming the construct path and the prop. */
function expectPropError(props: Partial<BatchAccountProps>, field: string, detail: RegExp): void {
  let message = '';
  try {
    synth(props);
  } catch (e) {
    message = (e as Error).message;
  }
  const problems = message.split('\n').filter((line) => line.includes('[stack/acct] '));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(`[stack/acct] stack/acct: ${field} `);
  expect(problems[0]).toMatch(detail);
}

describe('BatchAccount', () => {
  describe('by default', () => {
    it('is private: public network access disabled, AAD only, a system-assigned identity and BatchService pools', () => {
      expect(synth()).toHaveResourceWithProperties(AzurermBatchAccount, {
        name: 'mybatch',
        resource_group_name: 'rg-batch',
        public_network_access_enabled: false,
        allowed_authentication_modes: ['AAD'],
        identity: { type: 'SystemAssigned' },
        pool_allocation_mode: 'BatchService',
        location: 'eastus',
      });
    });

    it('emits no network profile, key vault, auto-storage, encryption or tags', () => {
      const config = accountConfig();
      for (const key of ['network_profile', 'key_vault_reference', 'storage_account_id', 'storage_account_authentication_mode',
        'storage_account_node_identity', 'encryption', 'tags']) {
        expect(config).not.toHaveProperty(key);
      }
    });

    it('exposes its name, ARM location and subscription, and references to its id and account endpoint', () => {
      const json = Testing.synthScope((scope) => {
        const account = new BatchAccount(scope, 'acct', { ...BASE, location: 'West Europe', subscriptionId: '11111111-1111-1111-1111-111111111111' });
        expect(account.name).toBe('mybatch');
        expect(account.location).toBe('westeurope');
        expect(account.subscriptionId).toBe('11111111-1111-1111-1111-111111111111');
        new TerraformOutput(scope, 'id', { value: account.id });
        new TerraformOutput(scope, 'endpoint', { value: account.accountEndpoint });
      });
      const outputs = JSON.parse(json).output;
      expect(outputs.id.value).toMatch(/^\$\{azurerm_batch_account\.batch_mybatch\.id\}$/);
      expect(outputs.endpoint.value).toMatch(/^\$\{azurerm_batch_account\.batch_mybatch\.account_endpoint\}$/);
    });
  });

  describe('opt-ins', () => {
    it('keeps the public endpoint enabled with allowPublicNetworkAccess', () => {
      expect(synth({ allowPublicNetworkAccess: true })).toHaveResourceWithProperties(AzurermBatchAccount, { public_network_access_enabled: true });
    });

    it('emits the public network profile when public access is allowed', () => {
      const config = accountConfig({
        allowPublicNetworkAccess: true,
        publicNetworkProfile: { accountAccess: { defaultAction: 'Deny', ipRule: [{ action: 'Allow', ipRange: '203.0.113.0/24' }] } },
      });
      expect(config.network_profile).toEqual({
        account_access: { default_action: 'Deny', ip_rule: [{ action: 'Allow', ip_range: '203.0.113.0/24' }] },
      });
    });

    it('adds SharedKey with allowSharedKeyAuthentication', () => {
      expect(synth({ allowSharedKeyAuthentication: true })).toHaveResourceWithProperties(AzurermBatchAccount, {
        allowed_authentication_modes: ['AAD', 'SharedKey'],
      });
    });

    it('adds TaskAuthenticationToken with allowTaskAuthenticationToken', () => {
      expect(synth({ allowTaskAuthenticationToken: true })).toHaveResourceWithProperties(AzurermBatchAccount, {
        allowed_authentication_modes: ['AAD', 'TaskAuthenticationToken'],
      });
    });

    it('allows all three authentication modes together', () => {
      expect(synth({ allowSharedKeyAuthentication: true, allowTaskAuthenticationToken: true })).toHaveResourceWithProperties(AzurermBatchAccount, {
        allowed_authentication_modes: ['AAD', 'SharedKey', 'TaskAuthenticationToken'],
      });
    });
  });

  describe('pool allocation', () => {
    it('emits the Key Vault reference in UserSubscription mode', () => {
      expect(synth({ poolAllocationMode: 'UserSubscription', keyVaultReference: KEY_VAULT })).toHaveResourceWithProperties(AzurermBatchAccount, {
        pool_allocation_mode: 'UserSubscription',
        key_vault_reference: { id: KEY_VAULT.id, url: KEY_VAULT.url },
        allowed_authentication_modes: ['AAD'],
      });
    });
  });

  describe('auto-storage', () => {
    it('authenticates to auto-storage with the account managed identity by default', () => {
      expect(synth({ autoStorage: { storageAccountId: STORAGE_ID } })).toHaveResourceWithProperties(AzurermBatchAccount, {
        storage_account_id: STORAGE_ID,
        storage_account_authentication_mode: 'BatchAccountManagedIdentity',
      });
    });

    it('uses storage keys only when asked', () => {
      expect(synth({ autoStorage: { storageAccountId: STORAGE_ID, authenticationMode: 'StorageKeys' } })).toHaveResourceWithProperties(AzurermBatchAccount, {
        storage_account_authentication_mode: 'StorageKeys',
      });
    });

    it('passes the node identity through', () => {
      expect(synth({ autoStorage: { storageAccountId: STORAGE_ID, nodeIdentityId: UAI_ID } })).toHaveResourceWithProperties(AzurermBatchAccount, {
        storage_account_node_identity: UAI_ID,
      });
    });

    it('writes storage and identity IDs copied in lower case in the spelling azurerm\'s case-sensitive parsers want', () => {
      const lower = (id: string) => id.replace('resourceGroups', 'resourcegroups').replace(/providers\/Microsoft\.\w+\/\w+/, (p) => p.toLowerCase());
      const json = synth({ identity: { type: 'UserAssigned', identityIds: [lower(UAI_ID)] }, autoStorage: { storageAccountId: lower(STORAGE_ID), nodeIdentityId: lower(UAI_ID) } });
      expect(lower(STORAGE_ID)).not.toBe(STORAGE_ID);
      expect(json).toHaveResourceWithProperties(AzurermBatchAccount, {
        storage_account_id: STORAGE_ID, storage_account_node_identity: UAI_ID, identity: { type: 'UserAssigned', identity_ids: [UAI_ID] },
      });
    });

    it('accepts storage keys without an identity', () => {
      expect(accountConfig({ identity: { type: 'None' }, autoStorage: { storageAccountId: STORAGE_ID, authenticationMode: 'StorageKeys' } }))
        .not.toHaveProperty('identity');
    });
  });

  describe('identity and encryption', () => {
    it('encrypts with a customer-managed key', () => {
      const keyId = 'https://kv.vault.azure.net/keys/batch/0123456789abcdef';
      expect(synth({ customerManagedKeyId: keyId })).toHaveResourceWithProperties(AzurermBatchAccount, {
        encryption: [{ key_vault_key_id: keyId }],
      });
    });

    it('uses user-assigned identities', () => {
      expect(synth({ identity: { type: 'UserAssigned', identityIds: [UAI_ID] } })).toHaveResourceWithProperties(AzurermBatchAccount, {
        identity: { type: 'UserAssigned', identity_ids: [UAI_ID] },
      });
    });

    it('emits no identity block for identity None', () => {
      expect(accountConfig({ identity: { type: 'None' } })).not.toHaveProperty('identity');
    });

    it('tags the account', () => {
      expect(synth({ tags: { env: 'prod', team: 'hpc' } })).toHaveResourceWithProperties(AzurermBatchAccount, { tags: { env: 'prod', team: 'hpc' } });
    });
  });

  describe('refuses bad props, naming the construct, the field and what is allowed', () => {
    it('refuses an uppercase name', () => {
      expectPropError({ name: 'MyBatch' }, 'name', /must be 3-24 lowercase letters and digits .*got "MyBatch"/);
    });

    it('refuses a name that is too short', () => {
      expectPropError({ name: 'ab' }, 'name', /3-24 lowercase letters and digits/);
    });

    it('refuses a name that is a token', () => {
      expectPropError({ name: Token.asString({ ref: 'x' }) }, 'name', /must be known at synth .*got a token/);
    });

    it('refuses a location that is not a region', () => {
      expectPropError({ location: 'east-us' }, 'location', /must be an Azure region such as "eastus" or "East US", got "east-us"/);
    });

    it('refuses a location that is a token', () => {
      expectPropError({ location: Token.asString({ ref: 'x' }) }, 'location', /must be known at synth/);
    });

    it('refuses a resource group name Azure refuses', () => {
      expectPropError({ resourceGroupName: 'rg batch' }, 'resourceGroupName', /must be 1-90 ASCII letters, digits and - _ \. \( \), not ending in a period .*got "rg batch"/);
    });

    it('refuses a Key Vault URL that is not https, as azurerm does', () => {
      expectPropError({ poolAllocationMode: 'UserSubscription', keyVaultReference: { ...KEY_VAULT, url: 'http://kv.vault.azure.net/' } },
        'keyVaultReference.url', /must be an https URL such as https:\/\/myvault\.vault\.azure\.net\/, got "http:\/\/kv\.vault\.azure\.net\/"/);
    });

    it('refuses a Key Vault ID of another type', () => {
      expectPropError({ poolAllocationMode: 'UserSubscription', keyVaultReference: { ...KEY_VAULT, id: KEY_VAULT.id.replace('vaults', 'managedHSMs') } },
        'keyVaultReference.id', /must be a Microsoft\.KeyVault\/vaults ID, \/subscriptions\/<subscription>\/resourceGroups/);
    });

    it('refuses more than 50 tags, and tag names Azure refuses, every one at once', () => {
      const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v']));
      expect(() => synth({ tags: { ...tags, 'a&b': 'x' } })).toThrow(/stack\/acct: tags has 52 tags; Azure allows at most 50 on a resource[^]*stack\/acct: tags\["a&b"\] must not contain/);
    });

    it('refuses a public network profile without allowPublicNetworkAccess', () => {
      expectPropError({ publicNetworkProfile: { accountAccess: { defaultAction: 'Deny' } } }, 'publicNetworkProfile',
        /only applies while public network access is enabled; set allowPublicNetworkAccess: true/);
    });

    it('refuses an unknown pool allocation mode', () => {
      expectPropError({ poolAllocationMode: 'Custom' as never }, 'poolAllocationMode', /must be BatchService or UserSubscription, got "Custom"/);
    });

    it('refuses UserSubscription without a Key Vault', () => {
      expectPropError({ poolAllocationMode: 'UserSubscription' }, 'keyVaultReference', /is required when poolAllocationMode is UserSubscription/);
    });

    it('refuses UserSubscription with shared keys', () => {
      expectPropError({ poolAllocationMode: 'UserSubscription', keyVaultReference: KEY_VAULT, allowSharedKeyAuthentication: true },
        'allowSharedKeyAuthentication', /must not be set when poolAllocationMode is UserSubscription/);
    });

    it('refuses a Key Vault reference in BatchService mode', () => {
      expectPropError({ keyVaultReference: KEY_VAULT }, 'keyVaultReference', /only applies when poolAllocationMode is UserSubscription/);
    });

    it('refuses an unknown identity type', () => {
      expectPropError({ identity: { type: 'Both' } as never }, 'identity.type', /must be SystemAssigned, UserAssigned or None, got "Both"/);
    });

    it('refuses UserAssigned without identity ids', () => {
      expectPropError({ identity: { type: 'UserAssigned', identityIds: [] } }, 'identity.identityIds', /must list at least one identity when identity.type is UserAssigned/);
      expectPropError({ identity: { type: 'UserAssigned' } as never }, 'identity.identityIds', /must list at least one identity when identity.type is UserAssigned/);
    });

    it('refuses an unknown auto-storage authentication mode', () => {
      expectPropError({ autoStorage: { storageAccountId: STORAGE_ID, authenticationMode: 'Sas' as never } }, 'autoStorage.authenticationMode',
        /must be BatchAccountManagedIdentity or StorageKeys, got "Sas"/);
    });

    it('refuses managed-identity auto-storage with identity None', () => {
      expectPropError({ identity: { type: 'None' }, autoStorage: { storageAccountId: STORAGE_ID } }, 'identity',
        /must not be None while autoStorage uses BatchAccountManagedIdentity.*StorageKeys/);
    });

    it('refuses a customer-managed key with identity None', () => {
      expectPropError({ identity: { type: 'None' }, customerManagedKeyId: 'https://kv.vault.azure.net/keys/k/1' }, 'identity',
        /must not be None with customerManagedKeyId/);
    });

    it('refuses a subscription id that is not a GUID', () => {
      expectPropError({ subscriptionId: 'my-subscription' }, 'subscriptionId', /must be a subscription GUID, got "my-subscription"/);
    });

    it('accepts a subscription id that is a token', () => {
      expect(() => synth({ subscriptionId: Token.asString({ ref: 'sub' }) })).not.toThrow();
    });

    it('puts the construct path first in its errors, so a failed synth points at the construct', () => {
      expect(() => synth({ name: 'Bad_Name' })).toThrow(/\[stack\/acct\] stack\/acct: name must be 3-24 lowercase letters and digits/);
    });

    it('reports every problem of its props in one synth, not only the first', () => {
      expect(() => synth({ name: 'Bad_Name', location: 'East-US!', keyVaultReference: KEY_VAULT, subscriptionId: 'nope' })).toThrow(new RegExp([
        'stack/acct: name must be 3-24',
        'stack/acct: location must be an Azure region',
        'stack/acct: keyVaultReference only applies when poolAllocationMode is UserSubscription',
        'stack/acct: subscriptionId must be a subscription GUID',
      ].join('[^]*')));
    });
  });
});

describe('BatchAccount.fromAccountId', () => {
  it('gives an account made elsewhere by its ID, in ARM\'s spelling, and its region as a name', () => {
    const id = '/subscriptions/11111111-2222-3333-4444-555555555555/resourcegroups/rg-shared/providers/Microsoft.Batch/batchAccounts/sharedbatch01';
    expect(BatchAccount.fromAccountId(id, 'East US')).toEqual({
      id: id.replace('/resourcegroups/', '/resourceGroups/'), name: 'sharedbatch01', location: 'eastus', subscriptionId: '11111111-2222-3333-4444-555555555555',
    });
  });
});
