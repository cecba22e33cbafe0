import { resolve } from 'path';

/** The folder of the plugin launchers (world/bin), absolute. */
export const PLUGIN_DIR = resolve(__dirname, '../bin');

/**
 * A Terraform CLI config (for TF_CLI_CONFIG_FILE) whose dev_overrides point at this checkout's fake azurerm and
 * azapi plugins, as world/bin/azure-world-tfrc prints it.
 */
export function cliConfig(): string {
  return `provider_installation {
  dev_overrides {
    "hashicorp/azurerm" = ${JSON.stringify(PLUGIN_DIR)}
    "azure/azapi"       = ${JSON.stringify(PLUGIN_DIR)}
  }
  direct {}
}
`;
}
