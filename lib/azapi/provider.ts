import { Construct, IConstruct } from 'constructs';
import { TerraformProvider, TerraformProviderGeneratorMetadata, TerraformStack } from 'cdktf';
import { argumentsToHclTerraform, argumentsToTerraform, AzapiArguments } from './attributes';
import { AzureCloud, azurermEnvironment } from '../rules/clouds';
import { SHARED_SETTINGS } from './shared-settings';

/**
 * What cdktf writes into `required_providers` for every azapi block: azapi 2.5 is the version whose schema
 * these bindings follow (`body` as an HCL object, `response_export_values` as a list or a JMESPath map).
 */
export const AZAPI_GENERATOR_METADATA: TerraformProviderGeneratorMetadata = {
  providerName: 'azapi',
  providerVersionConstraint: '~> 2.5',
};

/** Props of {@link AzapiProvider}: the few provider arguments a stack of this library needs. */
export interface AzapiProviderConfig {
  /**
   * The provider alias, for a second configuration (e.g. another subscription).
   * @default the default configuration
   */
  readonly alias?: string;
  /**
   * The subscription to work in.
   * @default `ARM_SUBSCRIPTION_ID`, else the Azure CLI's default subscription
   */
  readonly subscriptionId?: string;
  /**
   * The Entra ID tenant to authenticate in.
   * @default `ARM_TENANT_ID`, else the tenant of the credentials found
   */
  readonly tenantId?: string;
  /**
   * The client (application) ID to authenticate as.
   * @default `ARM_CLIENT_ID`, else the Azure CLI or managed identity
   */
  readonly clientId?: string;
  /**
   * The Azure cloud: `public`, `usgovernment` or `china`.
   * @default `public`
   */
  readonly environment?: string;
  /**
   * Further tenants the client may work in (auxiliary tenants, for cross-tenant requests).
   * @default `ARM_AUXILIARY_TENANT_IDS`, else none
   */
  readonly auxiliaryTenantIds?: string[];
  /**
   * A file holding the client ID.
   * @default `ARM_CLIENT_ID_FILE_PATH`, else none
   */
  readonly clientIdFilePath?: string;
  /**
   * The service principal's client secret.
   * @default `ARM_CLIENT_SECRET`, else no secret
   */
  readonly clientSecret?: string;
  /**
   * A file holding the service principal's client secret.
   * @default `ARM_CLIENT_SECRET_FILE_PATH`, else none
   */
  readonly clientSecretFilePath?: string;
  /**
   * The service principal's client certificate (PKCS#12), base64-encoded.
   * @default `ARM_CLIENT_CERTIFICATE`, else none
   */
  readonly clientCertificate?: string;
  /**
   * The path of the service principal's client certificate (PKCS#12).
   * @default `ARM_CLIENT_CERTIFICATE_PATH`, else none
   */
  readonly clientCertificatePath?: string;
  /**
   * The password of the client certificate.
   * @default `ARM_CLIENT_CERTIFICATE_PASSWORD`, else none
   */
  readonly clientCertificatePassword?: string;
  /**
   * Authenticate with OpenID Connect (workload identity federation, e.g. in CI).
   * @default false
   */
  readonly useOidc?: boolean;
  /**
   * The bearer token of the request for an OIDC token (GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_TOKEN`).
   * @default `ARM_OIDC_REQUEST_TOKEN`, else `ACTIONS_ID_TOKEN_REQUEST_TOKEN`
   */
  readonly oidcRequestToken?: string;
  /**
   * The URL to request an OIDC token from.
   * @default `ARM_OIDC_REQUEST_URL`, else `ACTIONS_ID_TOKEN_REQUEST_URL`
   */
  readonly oidcRequestUrl?: string;
  /**
   * An OIDC token to authenticate with.
   * @default `ARM_OIDC_TOKEN`, else none
   */
  readonly oidcToken?: string;
  /**
   * A file holding an OIDC token.
   * @default `ARM_OIDC_TOKEN_FILE_PATH`, else none
   */
  readonly oidcTokenFilePath?: string;
  /**
   * The Azure DevOps service connection to get an OIDC token through (azurerm's `ado_pipeline_service_connection_id`).
   * @default `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`, else none
   */
  readonly oidcAzureServiceConnectionId?: string;
  /**
   * Authenticate with AKS workload identity.
   * @default false
   */
  readonly useAksWorkloadIdentity?: boolean;
  /**
   * Authenticate with a managed identity.
   * @default false
   */
  readonly useMsi?: boolean;
  /**
   * Authenticate with the Azure CLI.
   * @default true
   */
  readonly useCli?: boolean;
  /**
   * A GUID that attributes the requests to a partner (Customer Usage Attribution).
   * @default none
   */
  readonly partnerId?: string;
  /**
   * Leave out the Terraform partner ID of the requests.
   * @default false
   */
  readonly disableTerraformPartnerId?: boolean;
  /**
   * Leave out the correlation request ID of the requests.
   * @default false
   */
  readonly disableCorrelationRequestId?: boolean;
  /**
   * Skip registering the resource providers azapi needs.
   * @default false
   */
  readonly skipProviderRegistration?: boolean;
}

/**
 * The `azure/azapi` provider. There is no prebuilt cdktf binding for azapi; this is the documented escape hatch
 * (a `TerraformProvider` subclass), limited to the arguments above.
 */
export class AzapiProvider extends TerraformProvider {
  /** The Terraform provider type. */
  public static readonly tfResourceType = 'azapi';

  private readonly config: AzapiProviderConfig;
  private _alias?: string;

  constructor(scope: Construct, id: string, config: AzapiProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: AzapiProvider.tfResourceType,
      terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
      terraformProviderSource: 'azure/azapi',
    });
    this.config = config;
    this._alias = config.alias;
  }

  /** The alias; resources pick this configuration through `provider`. */
  public get alias(): string | undefined {
    return this._alias;
  }

  /** Whether `x` is an AzapiProvider, also across two copies of cdktf (no `instanceof`). */
  public static isAzapiProvider(x: unknown): x is AzapiProvider {
    return TerraformProvider.isTerraformProvider(x) && (x as TerraformProvider).terraformResourceType === AzapiProvider.tfResourceType;
  }

  /** The Azure cloud it talks to (`public`, `usgovernment`, `china`), when set. */
  public get environment(): string | undefined {
    return this.config.environment;
  }

  /** Sets the alias (as the generated provider classes allow). */
  public set alias(value: string | undefined) {
    this._alias = value;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return argumentsToTerraform(this.arguments());
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return argumentsToHclTerraform(this.arguments());
  }

  private arguments(): AzapiArguments {
    const config = this.config as Record<string, unknown>;
    return {
      alias: { kind: 'string', value: this._alias },
      ...Object.fromEntries(SHARED_SETTINGS.map((s) => [s.argument, { kind: s.kind, value: config[s.azapi] }])),
    };
  }
}

/**
 * The stack's default azapi provider: the first {@link AzapiProvider} without an alias found in the stack of
 * `scope`, or a new one with id `azapi` at the stack's root for `cloud`. Constructs call this so that a stack gets
 * exactly one default azapi provider however many of them use azapi. An existing one may be for another cloud:
 * the constructs that use it check its `environment` against theirs.
 * @param cloud the cloud of what the caller manages
 */
export function azapiProviderFor(scope: IConstruct, cloud: AzureCloud = 'AzureCloud'): AzapiProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node
    .findAll()
    .find((c): c is AzapiProvider => c instanceof AzapiProvider && c.alias === undefined);
  return existing ?? new AzapiProvider(stack, 'azapi', { environment: azurermEnvironment(cloud) });
}

/**
 * Why `provider` cannot serve `cloud`: its environment is another cloud's (requests would go to the wrong cloud).
 * Undefined when it can.
 */
export function azapiCloudProblem(provider: AzapiProvider, cloud: AzureCloud): string | undefined {
  const environment = azurermEnvironment(cloud);
  const actual = provider.environment ?? 'public';
  if (actual === environment) return undefined;
  return `is ${cloud} (azapi environment "${environment}"), but the stack's default azapi provider ${provider.node.path} has ` +
    `environment "${actual}"; give a provider for ${cloud}, or the cloud the stack uses`;
}

/**
 * The azapi provider that goes with an azurerm provider: the stack's default azapi provider for a default azurerm one;
 * for an aliased one (another subscription), the {@link AzapiProvider} of the same alias, or a new one (`azapi-<alias>`)
 * with the azurerm provider's alias and every setting azapi shares with it (`SHARED_SETTINGS`: subscription, tenant,
 * cloud, and each way to authenticate: client secret or certificate, OIDC, managed identity, AKS workload identity, CLI). So a read in a
 * hub subscription goes through the same credentials and subscription as the records written there.
 */
export function azapiProviderMatching(scope: IConstruct, azurerm?: TerraformProvider): AzapiProvider {
  const settings = azurerm as (TerraformProvider & AzurermSettings) | undefined;
  const alias = settings?.alias;
  if (alias === undefined) return azapiProviderFor(scope);
  const stack = TerraformStack.of(scope);
  const existing = stack.node.findAll().find((c): c is AzapiProvider => c instanceof AzapiProvider && c.alias === alias);
  if (existing) return existing;
  const config: Record<string, unknown> = { alias };
  for (const setting of SHARED_SETTINGS) config[setting.azapi] = settings![setting.azurerm];
  return new AzapiProvider(stack, `azapi-${alias}`, config as AzapiProviderConfig);
}

/** The settings an azurerm provider (`@cdktf/provider-azurerm`'s `AzurermProvider`) exposes that azapi shares. */
type AzurermSettings = { readonly alias?: string } & Record<string, unknown>;
