import * as path from 'path';
import type { Engine } from '../engine';
import { loadEngine } from './engine-module';
import type { PluginOptions } from './provider';
import { loadSchema } from './schema';

export type Provider = 'azurerm' | 'azapi';

/**
 * What a plugin serves, from its environment (world/README.md): the schema (`AZURE_WORLD_SCHEMA_DIR`,
 * `AZURE_WORLD_AZURERM_VERSION`), azurerm as an SDKv2 provider (Terraform then reports plan inconsistencies as log
 * warnings) unless `AZURE_WORLD_STRICT`, and the world (`AZURE_WORLD_FILE`, `AZURE_WORLD_ENGINE`). The same for a
 * plugin Terraform starts (main.ts) and for one a host serves (host.ts).
 */
export function pluginOptions(provider: Provider, env: NodeJS.ProcessEnv): PluginOptions {
  const schemas = env.AZURE_WORLD_SCHEMA_DIR || path.resolve(__dirname, '../schemas');
  const file = provider === 'azurerm' ? `azurerm-${env.AZURE_WORLD_AZURERM_VERSION || '4.55.0'}.json` : 'azapi-2.5.0.json';
  return {
    provider,
    schema: loadSchema(path.join(schemas, file)),
    legacyTypeSystem: provider === 'azurerm' && !env.AZURE_WORLD_STRICT,
    worldFile: env.AZURE_WORLD_FILE || undefined,
    loadEngine: (): Engine => loadEngine(env.AZURE_WORLD_ENGINE),
  };
}
