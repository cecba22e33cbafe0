import { Construct, IConstruct } from 'constructs';
import { TerraformProvider, TerraformProviderGeneratorMetadata, TerraformStack } from 'cdktf';
import { argumentsToHclTerraform, argumentsToTerraform, AzapiArguments } from './attributes';
import { AzureCloud, azurermEnvironment } from '../rules/clouds';

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
   * Authenticate with OpenID Connect (workload identity federation, e.g. in CI).
   * @default false
   */
  readonly useOidc?: boolean;
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
    const c = this.config;
    return {
      alias: { kind: 'string', value: this._alias },
      subscription_id: { kind: 'string', value: c.subscriptionId },
      tenant_id: { kind: 'string', value: c.tenantId },
      client_id: { kind: 'string', value: c.clientId },
      environment: { kind: 'string', value: c.environment },
      use_oidc: { kind: 'boolean', value: c.useOidc },
      use_msi: { kind: 'boolean', value: c.useMsi },
      use_cli: { kind: 'boolean', value: c.useCli },
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
 * with the azurerm provider's alias, subscription, tenant, client, cloud and authentication settings. So a read in a
 * hub subscription goes through the same credentials and subscription as the records written there.
 */
export function azapiProviderMatching(scope: IConstruct, azurerm?: TerraformProvider): AzapiProvider {
  const settings = azurerm as (TerraformProvider & AzurermSettings) | undefined;
  const alias = settings?.alias;
  if (alias === undefined) return azapiProviderFor(scope);
  const stack = TerraformStack.of(scope);
  const existing = stack.node.findAll().find((c): c is AzapiProvider => c instanceof AzapiProvider && c.alias === alias);
  return existing ?? new AzapiProvider(stack, `azapi-${alias}`, {
    alias,
    subscriptionId: settings!.subscriptionId,
    tenantId: settings!.tenantId,
    clientId: settings!.clientId,
    environment: settings!.environment,
    useOidc: settings!.useOidc as boolean | undefined,
    useMsi: settings!.useMsi as boolean | undefined,
    useCli: settings!.useCli as boolean | undefined,
  });
}

/** The settings an azurerm provider (`@cdktf/provider-azurerm`'s `AzurermProvider`) exposes that azapi shares. */
interface AzurermSettings {
  readonly alias?: string;
  readonly subscriptionId?: string;
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly environment?: string;
  readonly useOidc?: boolean | unknown;
  readonly useMsi?: boolean | unknown;
  readonly useCli?: boolean | unknown;
}
