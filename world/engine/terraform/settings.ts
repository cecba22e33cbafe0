import { AzureCloud } from '../../../lib/rules/clouds';
import { ProviderEnv } from '../index';

/** What a provider configuration decides for the world: subscription, cloud, who calls. */
export interface ProviderSettings {
  readonly provider: 'azurerm' | 'azapi';
  /** `subscription_id`, else `ARM_SUBSCRIPTION_ID`. */
  readonly subscriptionId: string;
  /** From `environment` (`public`, `usgovernment`, `china`), as azurerm and azapi name the clouds. */
  readonly cloud: AzureCloud;
  /** `client_id`, else `ARM_CLIENT_ID`: picks the world's principal. */
  readonly clientId?: string;
  /** `AZURE_WORLD_PRINCIPAL`: a named principal of the world, for a provider block without `client_id`. */
  readonly principalName?: string;
  readonly worldFile: string;
}

const CLOUDS: Record<string, AzureCloud> = { public: 'AzureCloud', usgovernment: 'AzureUSGovernment', china: 'AzureChinaCloud' };

/** The settings of a provider configuration. */
export function settingsOf(env: ProviderEnv, vars: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const c = env.config;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const environment = (text(c.environment) ?? vars.ARM_ENVIRONMENT ?? 'public').toLowerCase();
  return {
    provider: env.provider,
    subscriptionId: text(c.subscription_id) ?? vars.ARM_SUBSCRIPTION_ID ?? '00000000-0000-0000-0000-000000000000',
    cloud: CLOUDS[environment] ?? 'AzureCloud',
    clientId: text(c.client_id) ?? vars.ARM_CLIENT_ID,
    principalName: vars.AZURE_WORLD_PRINCIPAL,
    worldFile: env.worldFile,
  };
}
