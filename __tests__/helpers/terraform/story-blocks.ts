/**
 * What the `terraform test` stories of a zone that heals share: the mock blocks that say what Azure returns (an
 * endpoint's DNS config, a zone's records, an account lookup, an `adopt` list, a resource a mock may import), and the
 * readers of a story's runs and the changes a plan run holds.
 */
import type { LifecycleResult, LifecycleRun } from './lifecycle';

/** `override_resource` of a private endpoint that reports its FQDN and IP, as Azure fills `custom_dns_configs`. */
export const endpointDnsConfig = (endpoint: string, fqdn: string, ip: string): string => `
  override_resource {
    target = ${endpoint}
    values = { custom_dns_configs = [{ fqdn = "${fqdn}", ip_addresses = ["${ip}"] }] }
  }`;

/** `override_data` of the zone privatelink.batch.azure.com's A records, each `[name, ips]`. */
export const zoneRecords = (records: readonly (readonly [string, readonly string[]])[]): string => `
  override_data {
    target = data.azapi_resource_list.zone_records_privatelink_batch_azure_com
    values = { output = { records = [${records.map(([name, ips]) => `{ name = "${name}", ips = ${JSON.stringify(ips)} }`).join(', ')}] } }
  }`;

/** `override_data` of the accounts named `account` the lookup finds, each `[region, node management endpoint]`. */
export const accountLookup = (account: string, accounts: readonly (readonly [string, string])[]): string => `
  override_data {
    target = data.azapi_resource_list.account_lookup_${account}
    values = { output = { accounts = [${accounts.map(([location, endpoint]) => `{ location = "${location}", endpoint = "${endpoint}" }`).join(', ')}] } }
  }`;

/** `override_data` of one of `adopt`'s existence lists (`data.azapi_resource_list.<address>`). */
export const existing = (address: string, names: readonly string[]): string => `
  override_data {
    target = data.azapi_resource_list.${address}
    values = { output = { names = ${JSON.stringify(names)} } }
  }`;

/** Mock imports: a mock provider imports only a resource it has an `override_resource` for. */
export const importable = (targets: readonly string[]): string => targets.map((target) => `
  override_resource {
    target = ${target}
  }`).join('');

/** Run `name` of story `story`; throws with Terraform's output when there is none. */
export function storyRun(result: LifecycleResult, story: string, name: string): LifecycleRun {
  const found = result.stories[story]?.find((r) => r.run === name);
  if (!found) throw new Error(`no run ${story}/${name}:\n${result.output}`);
  return found;
}

/** What a plan run imports, by address: the ID of each import. */
export const plannedImports = (r: LifecycleRun): Record<string, string | undefined> =>
  Object.fromEntries((r.plannedChanges ?? []).filter((c) => c.change.importing).map((c) => [c.address, c.change.importing?.id]));

/** A plan run's actions by address (`create`, `delete,create`, ...), of the addresses `keep` takes: all but data sources. */
export const plannedActions = (r: LifecycleRun, keep = (address: string): boolean => !address.startsWith('data.')): Record<string, string> =>
  Object.fromEntries((r.plannedChanges ?? []).filter((c) => keep(c.address)).map((c) => [c.address, c.change.actions.join(',')]));
