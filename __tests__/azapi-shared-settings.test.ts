/**
 * An aliased azurerm provider (a hub subscription) gets an azapi twin with every setting the two providers share
 * (issue #22, defect 7): a hub provider that signs in with a client secret, a certificate or OIDC must give the reads
 * in the hub zone the same credentials.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider, AzurermProviderConfig } from '@cdktf/provider-azurerm/lib/provider';
import { azapiProviderMatching } from '../lib/azapi/provider';
import { SHARED_SETTINGS } from '../lib/azapi/shared-settings';

const HUB = '22222222-2222-2222-2222-222222222222';
// The vendored subsets keep each provider block whole (world/PROVENANCE.md).
const SCHEMAS = resolve(__dirname, '../world/schemas');

/** The azapi provider block that an aliased azurerm provider with these settings gets. */
const azapiTwin = (settings: Partial<AzurermProviderConfig>): Record<string, unknown> => {
  const stack = new TerraformStack(Testing.app(), 's');
  const hub = new AzurermProvider(stack, 'hub', { alias: 'hub', features: [{}], subscriptionId: HUB, ...settings });
  azapiProviderMatching(stack, hub);
  const [azapi] = JSON.parse(Testing.synth(stack)).provider.azapi;
  return azapi;
};

describe('azapiProviderMatching carries every authentication method over', () => {
  const methods: [string, Partial<AzurermProviderConfig>, Record<string, unknown>][] = [
    ['a client secret', { tenantId: 't', clientId: 'c', clientSecret: 's3cret' }, { tenant_id: 't', client_id: 'c', client_secret: 's3cret' }],
    ['a client secret and ID in files', { clientIdFilePath: '/run/id', clientSecretFilePath: '/run/secret' }, { client_id_file_path: '/run/id', client_secret_file_path: '/run/secret' }],
    ['a client certificate, inline', { clientId: 'c', clientCertificate: 'MIIK', clientCertificatePassword: 'pw' }, { client_id: 'c', client_certificate: 'MIIK', client_certificate_password: 'pw' }],
    ['a client certificate file', { clientId: 'c', clientCertificatePath: '/certs/sp.pfx', clientCertificatePassword: 'pw' }, { client_id: 'c', client_certificate_path: '/certs/sp.pfx', client_certificate_password: 'pw' }],
    ['an OIDC token', { useOidc: true, oidcToken: 'jwt' }, { use_oidc: true, oidc_token: 'jwt' }],
    ['an OIDC token file', { useOidc: true, oidcTokenFilePath: '/var/run/token' }, { use_oidc: true, oidc_token_file_path: '/var/run/token' }],
    ['OIDC from a token request (GitHub Actions)', { useOidc: true, oidcRequestToken: 'rt', oidcRequestUrl: 'https://gh/token' }, { use_oidc: true, oidc_request_token: 'rt', oidc_request_url: 'https://gh/token' }],
    ['OIDC through an Azure DevOps service connection', { useOidc: true, adoPipelineServiceConnectionId: 'sc-1' }, { use_oidc: true, oidc_azure_service_connection_id: 'sc-1' }],
    ['a managed identity', { useMsi: true, useCli: false }, { use_msi: true, use_cli: false }],
    ['AKS workload identity', { useAksWorkloadIdentity: true }, { use_aks_workload_identity: true }],
    ['the Azure CLI, with auxiliary tenants', { useCli: true, auxiliaryTenantIds: ['t2', 't3'] }, { use_cli: true, auxiliary_tenant_ids: ['t2', 't3'] }],
  ];
  it.each(methods)('%s', (_, settings, expected) => {
    expect(azapiTwin(settings)).toEqual({ alias: 'hub', subscription_id: HUB, ...expected });
  });

  it('carries the cloud and the request settings they share too', () => {
    expect(azapiTwin({
      environment: 'china', partnerId: '00000000-0000-0000-0000-0000000000aa', disableTerraformPartnerId: true,
      disableCorrelationRequestId: true, skipProviderRegistration: true,
    })).toEqual({
      alias: 'hub', subscription_id: HUB, environment: 'china', partner_id: '00000000-0000-0000-0000-0000000000aa',
      disable_terraform_partner_id: true, disable_correlation_request_id: true, skip_provider_registration: true,
    });
  });

  it('reads each setting from a getter the azurerm provider class has', () => {
    const getters = Object.getOwnPropertyNames(AzurermProvider.prototype);
    expect(SHARED_SETTINGS.map((s) => s.azurerm).filter((name) => !getters.includes(name))).toEqual([]);
  });
});

describe('the shared settings are every argument both provider schemas have', () => {
  const providerArguments = (file: string): string[] =>
    Object.keys(JSON.parse(readFileSync(resolve(SCHEMAS, file), 'utf8')).provider.block.attributes);
  // One setting under two names (see shared-settings.ts).
  const RENAMED: Record<string, string> = { ado_pipeline_service_connection_id: 'oidc_azure_service_connection_id' };
  it.each(['azurerm-4.55.0.json', 'azurerm-4.74.0.json'])('azapi 2.5 and %s', (azurerm) => {
    const azapi = new Set(providerArguments('azapi-2.5.0.json'));
    const shared = providerArguments(azurerm).map((a) => RENAMED[a] ?? a).filter((a) => azapi.has(a));
    expect(SHARED_SETTINGS.map((s) => s.argument).sort()).toEqual(shared.sort());
  });
});
