import { TerraformStack } from 'cdktf';
import { StackConfig } from './config-schema';

/** The ARM ID of an account a config stack makes. */
const accountId = (stack: StackConfig, name: string): string =>
  `/subscriptions/${stack.subscriptionId}/resourceGroups/${stack.resourceGroup.name}/providers/Microsoft.Batch/batchAccounts/${name}`.toLowerCase();

/**
 * Each stack whose external account is made by another stack of the app depends on that stack. Azure refuses an
 * endpoint to an account that does not exist yet (404 PrivateLinkServiceNotFound), and a literal ID is no reference
 * Terraform or cdktf could order by; the dependency goes into cdktf's manifest, so `cdktf deploy` applies the
 * account's stack first and destroys it last.
 */
export function orderStacksByAccounts(configs: readonly StackConfig[], stacks: readonly TerraformStack[]): void {
  const makers = new Map(configs.flatMap((config, i) => config.accounts.map((account) => [accountId(config, account.name), i] as const)));
  configs.forEach((config, i) => {
    const needs = new Set(config.externalAccounts.map((account) => makers.get(account.id.toLowerCase())).filter((m): m is number => m !== undefined && m !== i));
    for (const maker of [...needs].sort((a, b) => a - b)) stacks[i].addDependency(stacks[maker]);
  });
}
