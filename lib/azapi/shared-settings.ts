/**
 * The provider settings that azurerm and azapi share: every argument of azapi 2.5's provider block that azurerm
 * 4.55's and 4.74's provider blocks also have, with the same meaning (the `provider` schemas, `terraform providers
 * schema -json`, in ../shared/terraform-schemas). One row per setting: the name of its getter on azurerm's provider
 * class, the azapi argument it sets, and the azapi config field (`AzapiProviderConfig`). A test compares this
 * table with the two schemas, so a setting added to both providers is noticed.
 *
 * `ado_pipeline_service_connection_id` (azurerm) and `oidc_azure_service_connection_id` (azapi) are one setting under
 * two names: the Azure DevOps service connection of OIDC sign-in (both read `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`;
 * the providers' docs, "Authenticating using a Service Principal and OpenID Connect").
 *
 * Not shared, so not copied: azurerm's `msi_endpoint`, `msi_api_version`, `metadata_host`, `features`,
 * `storage_use_azuread` and the resource provider registrations (azapi 2.5 has no such arguments; a managed identity
 * at a custom endpoint reaches azapi through `MSI_ENDPOINT` in the environment only).
 */

/** The Terraform type of a shared setting. */
export type SharedSettingKind = 'string' | 'boolean' | 'stringList';

/** One setting shared by azurerm and azapi. */
export interface SharedSetting {
  /** The getter on `AzurermProvider` (and the config field of `AzurermProviderConfig`). */
  readonly azurerm: string;
  /** The field of `AzapiProviderConfig`. */
  readonly azapi: string;
  /** The argument of azapi's provider block. */
  readonly argument: string;
  readonly kind: SharedSettingKind;
}

const same = (azurerm: string, argument: string, kind: SharedSettingKind): SharedSetting => ({ azurerm, azapi: azurerm, argument, kind });

/** Every shared setting but `alias`, in the order azapi's provider block is written. */
export const SHARED_SETTINGS: readonly SharedSetting[] = [
  same('subscriptionId', 'subscription_id', 'string'),
  same('tenantId', 'tenant_id', 'string'),
  same('auxiliaryTenantIds', 'auxiliary_tenant_ids', 'stringList'),
  same('clientId', 'client_id', 'string'),
  same('clientIdFilePath', 'client_id_file_path', 'string'),
  same('clientSecret', 'client_secret', 'string'),
  same('clientSecretFilePath', 'client_secret_file_path', 'string'),
  same('clientCertificate', 'client_certificate', 'string'),
  same('clientCertificatePath', 'client_certificate_path', 'string'),
  same('clientCertificatePassword', 'client_certificate_password', 'string'),
  same('environment', 'environment', 'string'),
  same('useOidc', 'use_oidc', 'boolean'),
  same('oidcRequestToken', 'oidc_request_token', 'string'),
  same('oidcRequestUrl', 'oidc_request_url', 'string'),
  same('oidcToken', 'oidc_token', 'string'),
  same('oidcTokenFilePath', 'oidc_token_file_path', 'string'),
  { azurerm: 'adoPipelineServiceConnectionId', azapi: 'oidcAzureServiceConnectionId', argument: 'oidc_azure_service_connection_id', kind: 'string' },
  same('useAksWorkloadIdentity', 'use_aks_workload_identity', 'boolean'),
  same('useMsi', 'use_msi', 'boolean'),
  same('useCli', 'use_cli', 'boolean'),
  same('partnerId', 'partner_id', 'string'),
  same('disableTerraformPartnerId', 'disable_terraform_partner_id', 'boolean'),
  same('disableCorrelationRequestId', 'disable_correlation_request_id', 'boolean'),
  same('skipProviderRegistration', 'skip_provider_registration', 'boolean'),
];
