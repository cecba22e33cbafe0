import { Token } from 'cdktf';
import { parseResourceId, subscriptionOf } from './rules/resource-id';
import { accountNameProblem, locationProblem, normalizeLocation } from './rules/naming';

/** What an endpoint, a DNS record or a connection needs to know of a Batch account. */
export interface IBatchAccount {
  /** The account's resource ID (a token when the account is in the same stack). */
  readonly id: string;
  /** The account name, known at synth: record names are built from it. */
  readonly name: string;
  /** The account's region in ARM form, e.g. `eastus`. */
  readonly location: string;
  /** The account's subscription, when known at synth; used to check endpoints. */
  readonly subscriptionId?: string;
}

/**
 * Refers to a Batch account that is not in this stack (another team's, say) by its resource ID.
 * @param accountId `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Batch/batchAccounts/<name>`
 * @param location the account's region; "East US" and "eastus" both work
 */
export function batchAccountFromId(accountId: string, location: string): IBatchAccount {
  const parts = Token.isUnresolved(accountId) ? undefined : parseResourceId(accountId);
  if (!parts || parts.type.toLowerCase() !== 'microsoft.batch/batchaccounts') {
    throw new Error(
      `batchAccountFromId: accountId must be a literal Batch account ID ` +
        `(/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Batch/batchAccounts/<name>), got ${JSON.stringify(accountId)}`,
    );
  }
  const problem = accountNameProblem(parts.name);
  if (problem) throw new Error(`batchAccountFromId: the account name in accountId ${problem}`);
  const locationError = Token.isUnresolved(location) ? 'must be known at synth (record names embed it), got a token' : locationProblem(location);
  if (locationError) throw new Error(`batchAccountFromId: location ${locationError}`);
  return { id: accountId, name: parts.name, location: normalizeLocation(location), subscriptionId: subscriptionOf(accountId) };
}
