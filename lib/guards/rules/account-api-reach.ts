import { BatchEndpointView, batchEndpoints } from '../batch-view';
import { Finding } from '../finding';
import { accountEndpoints, isPrivateAccount } from '../pool-view';
import { StackModel, resourcesOfType } from '../stack-model';

/**
 * Warnings, not errors: an account with public network access disabled and no `batchAccount` endpoint in the stack.
 * Nothing in the stack can call its API (pools, jobs, tasks); an endpoint may well exist elsewhere, in a VNet of
 * the clients. Pools are created through Azure Resource Manager, not this API, so they still deploy.
 */
export function accountApiReachWarnings(model: StackModel, endpoints: BatchEndpointView[] = batchEndpoints(model)): Finding[] {
  return resourcesOfType(model, 'azurerm_batch_account')
    .filter((account) => isPrivateAccount(account))
    .filter((account) => accountEndpoints(endpoints, account.address, 'batchAccount').length === 0)
    .map((account) => ({
      path: account.path,
      attribute: 'public_network_access_enabled',
      value: false,
      problem: 'public network access is disabled and no batchAccount private endpoint in this stack reaches the account: nothing here can call its API (pools, jobs, tasks)',
      fix: 'add a batchAccount endpoint (PrivateBatch makes one by default), or make sure your clients reach one made elsewhere',
    }));
}
