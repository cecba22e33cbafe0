import { Finding } from '../finding';
import { StackModel, resourcesOfType } from '../stack-model';

/** Every Batch account keeps public network access disabled unless it opted in (azurerm's default is enabled). */
export function publicNetworkAccessFindings(model: StackModel): Finding[] {
  return resourcesOfType(model, 'azurerm_batch_account')
    .filter((account) => account.config.public_network_access_enabled !== false && !model.publicAccessOptIns.has(account.path))
    .map((account) => ({
      path: account.path,
      attribute: 'public_network_access_enabled',
      value: account.config.public_network_access_enabled,
      problem: 'the account is reachable from the internet (azurerm enables public access unless it is set to false)',
      fix: 'set it to false, or opt in on purpose with BatchAccount allowPublicNetworkAccess: true (raw resources: optIn(resource, "publicNetworkAccess"))',
    }));
}
