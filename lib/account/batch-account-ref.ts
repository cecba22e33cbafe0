import { Token } from 'cdktf';
import { normalizedResourceId, parseResourceId, resourceIdProblem, resourceIdTemplate, subscriptionOf } from '../rules/resource-id';
import { PropProblem } from '../rules/problems';
import { accountNameProblem, normalizeLocation } from '../rules/naming';
import { anyRegionProblem } from '../rules/regions';

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
  /**
   * The account's resource group, when known at synth: the account lookup of a healing zone lists the accounts of this
   * group only.
   * @default unknown: the lookup lists the subscription's accounts
   */
  readonly resourceGroupName?: string;
}

/**
 * Refers to a Batch account that is not in this stack (another team's, say) by its resource ID.
 * @param accountId `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Batch/batchAccounts/<name>`
 * @param location the account's region; "East US" and "eastus" both work
 */
export function batchAccountFromId(accountId: string, location: string): IBatchAccount {
  const problems = batchAccountIdProblems(accountId, location);
  // A function has no construct to report on; it names every problem in one error.
  if (problems.length > 0) throw new Error(problems.map((p) => `BatchAccount.fromAccountId: ${p.field} ${p.problem}`).join('\n'));
  return { id: normalizedResourceId(accountId, BATCH_ACCOUNT_TYPE), name: parseResourceId(accountId)!.name, location: normalizeLocation(location), subscriptionId: subscriptionOf(accountId) };
}

/** Every problem with the arguments of {@link batchAccountFromId}, by argument; pure, so a config layer calls it too. */
export function batchAccountIdProblems(accountId: string, location: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const idProblem = Token.isUnresolved(accountId)
    ? `must be known at synth: ${resourceIdTemplate(BATCH_ACCOUNT_TYPE)}, got a token`
    : resourceIdProblem(accountId, BATCH_ACCOUNT_TYPE);
  if (idProblem) problems.push({ field: 'accountId', problem: idProblem });
  const nameProblem = idProblem ? undefined : accountNameProblem(parseResourceId(accountId)!.name);
  if (nameProblem) problems.push({ field: 'accountId', problem: `ends in an account name that ${nameProblem}` });
  const locationError = Token.isUnresolved(location) ? 'must be known at synth (record names embed it), got a token' : anyRegionProblem(location);
  if (locationError) problems.push({ field: 'location', problem: locationError });
  return problems;
}

const BATCH_ACCOUNT_TYPE = 'Microsoft.Batch/batchAccounts';
