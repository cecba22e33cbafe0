import { AzureCloud, batchPublicSuffix } from './clouds';

/**
 * The pure rules behind a zone that heals (see `zone-healing.ts`): ARM types and IDs, the JMESPath queries of the
 * plan-time reads, and the HCL expressions that turn what was read into imports, warnings and deletions. The
 * expressions take references (`local.x`, `data.y.output`) without `${}`, and give an expression without `${}`.
 */

/** The api-version of the private DNS reads and deletes (the one azurerm 4.x's private DNS resources use). */
export const PRIVATE_DNS_API_VERSION = '2024-06-01';
/** The A record sets of a zone, listed under the zone's ID. */
export const A_RECORD_SETS_TYPE = `Microsoft.Network/privateDnsZones/A@${PRIVATE_DNS_API_VERSION}`;
/** Private DNS zones, listed under a resource group's ID. */
export const PRIVATE_DNS_ZONES_TYPE = `Microsoft.Network/privateDnsZones@${PRIVATE_DNS_API_VERSION}`;
/** The VNet links of a zone, listed under the zone's ID. */
export const VNET_LINKS_TYPE = `Microsoft.Network/privateDnsZones/virtualNetworkLinks@${PRIVATE_DNS_API_VERSION}`;
/**
 * Batch accounts, listed under a subscription. 2022-10-01 is the first api-version with `nodeManagementEndpoint`;
 * 2024-07-01 is the one azurerm 4.x manages accounts with.
 */
export const BATCH_ACCOUNTS_TYPE = 'Microsoft.Batch/batchAccounts@2024-07-01';

/**
 * Each A record set as `{ name, ips }`. Items of the list can lack keys (`aRecords` when the set is empty), so the
 * query gives every item the same shape: `ips` is `[]` rather than missing or null.
 */
export const ZONE_RECORDS_QUERY = 'value[].{name: name, ips: properties.aRecords[].ipv4Address || `[]`}';
/** Each zone of a resource group as `{ id, name }`. */
export const ZONES_QUERY = 'value[].{id: id, name: name}';
/** Each VNet link of a zone as `{ name, vnet }` (the VNet's ID). */
export const VNET_LINKS_QUERY = 'value[].{name: name, vnet: properties.virtualNetwork.id}';

/** A private DNS zone by the parts of its ID. */
export interface ZoneRef {
  /** The zone's subscription. */
  readonly subscriptionId: string;
  /** The zone's resource group. */
  readonly resourceGroupName: string;
  /** The zone name, lower case, e.g. `privatelink.batch.azure.com`. */
  readonly zoneName: string;
}

/**
 * The zone's ID with the static segments in the casing azurerm's importer requires: it parses record IDs
 * case-sensitively (`resourceGroups`, `Microsoft.Network/privateDnsZones`), so an ID built from what the user typed
 * (`resourcegroups`) would fail the import.
 */
export function canonicalZoneId(zone: ZoneRef): string {
  return `/subscriptions/${zone.subscriptionId}/resourceGroups/${zone.resourceGroupName}/providers/Microsoft.Network/privateDnsZones/${zone.zoneName}`;
}

/**
 * The ID of an A record set, as azurerm imports it: `<zone ID>/A/<name>`. The name must be exactly the record's
 * configured `name` (lower case), or the next plan would replace the record. `name` may be a template such as
 * `${each.value}`.
 */
export function aRecordSetId(zone: ZoneRef, name: string): string {
  return `${canonicalZoneId(zone)}/A/${name}`;
}

/** The resource group's ID, the parent of the zones list. */
export function resourceGroupId(zone: ZoneRef): string {
  return `/subscriptions/${zone.subscriptionId}/resourceGroups/${zone.resourceGroupName}`;
}

/** The Azure CLI command that deletes one record set; `name` may be a template such as `${r.name}`. */
export function recordDeleteCommand(zone: ZoneRef, name: string): string {
  return `az network private-dns record-set a delete --subscription ${zone.subscriptionId} --resource-group ${zone.resourceGroupName} ` +
    `--zone-name ${zone.zoneName} --name ${name} --yes`;
}

/** The Azure CLI command that deletes one VNet link of a zone; its arguments may be templates. */
export function vnetLinkDeleteCommand(subscriptionId: string, resourceGroupName: string, zoneName: string, linkName: string): string {
  return `az network private-dns link vnet delete --subscription ${subscriptionId} --resource-group ${resourceGroupName} ` +
    `--zone-name ${zoneName} --name ${linkName} --yes`;
}

/**
 * HCL: the zone's records as a list of `{ name, ips }`, names lower-cased, from the `output` of the records list.
 * An output that holds no list (a provider that returns no such value) gives no records, so nothing is adopted or
 * reported rather than failing the plan.
 */
export function zoneRecordsExpression(output: string): string {
  return `try([for r in ${output}.records : { name = lower(r.name), ips = r.ips }], [])`;
}

/**
 * HCL: the names among `records` equal to `name` (an expression; `null` matches nothing). Record set names are unique
 * in a zone, so it holds at most one, as an `import` block's `for_each` must (two would import twice into one
 * address).
 */
export function existingRecordExpression(records: string, name: string): string {
  return `[for r in ${records} : r.name if r.name == ${name}]`;
}

/** The JMESPath query that picks the accounts of one name from a subscription's list, with their node management endpoint. */
export function accountsNamedQuery(accountName: string): string {
  if (!/^[a-z0-9]+$/.test(accountName)) throw new Error(`accountsNamedQuery: not a Batch account name: ${JSON.stringify(accountName)}`);
  return `value[?name=='${accountName}'].{location: location, endpoint: properties.nodeManagementEndpoint}`;
}

/**
 * HCL: what the subscription's list says about an account's name, as `{ record_name, regions }`.
 * - `record_name`: the account's nodeManagement record name (`<id>.<region>.service`, its `nodeManagementEndpoint`
 *   less the public suffix), or null when the account does not exist yet.
 * - `regions`: every other region where an account of this name exists in the list's scope. Not its own: the
 *   account's own `<account>.<region>` record is stale when no endpoint of the stack writes it, even while the account
 *   lives.
 */
export function accountLookupExpression(output: string, location: string, cloud: AzureCloud): string {
  const region = 'lower(replace(a.location, " ", ""))';
  return `{ record_name = try(one([for a in ${output}.accounts : lower(trimsuffix(a.endpoint, ".${batchPublicSuffix(cloud)}")) ` +
    `if ${region} == "${location}" && a.endpoint != null]), null), regions = try([for a in ${output}.accounts : ${region} if ${region} != "${location}"], []) }`;
}

/**
 * HCL: the first labels that make a record one of the account's: its name (`<account>.<region>`, any region) and,
 * when known, the id of its node management endpoint (`<id>.<region>.service`).
 */
export function accountLabelsExpression(accountName: string, nodeManagementRecordName?: string): string {
  return nodeManagementRecordName === undefined
    ? `["${accountName}"]`
    : `compact(["${accountName}", try(split(".", ${nodeManagementRecordName})[0], "")])`;
}

/**
 * HCL: the names of the account's records to leave alone: those the stack writes (`written`, expressions), and the
 * `batchAccount` names of accounts of the same name that exist in other regions of the subscription (`regions`, an
 * expression; accounts are unique per name and region, so those are live accounts, not leftovers).
 */
export function keptNamesExpression(accountName: string, written: readonly string[], regions?: string): string {
  const own = `[${written.join(', ')}]`;
  return regions === undefined ? `compact(${own})` : `compact(concat(${own}, [for l in ${regions} : format("${accountName}.%s", l)]))`;
}

/** HCL: the records among `records` whose first label is in `labels` and whose name is not in `kept`. */
export function staleRecordsExpression(records: string, labels: string, kept: string): string {
  return `[for r in ${records} : r if contains(${labels}, split(".", r.name)[0]) && !contains(${kept}, r.name)]`;
}

/**
 * HCL: the record names that prove to be this stack's own, which alone `removeStaleRecords` may delete: the
 * `batchAccount` name of an account the stack manages in its own region (`ownRecordName`, a literal; Batch account
 * names are unique per region only, so `<account>.<other region>` may be another subscription's account), and the
 * account's own nodeManagement name (`nodeManagementRecordName`, an expression, null while unknown; its first label
 * is a GUID Azure gave this account).
 */
export function provableNamesExpression(ownRecordName?: string, nodeManagementRecordName?: string): string {
  const names = [ownRecordName && JSON.stringify(ownRecordName.toLowerCase()), nodeManagementRecordName].filter((n): n is string => n !== undefined);
  return `[for n in [${names.join(', ')}] : n if n != null]`;
}

/** HCL: the records among `stale` whose name is in `provable` (`among` true), or not (`among` false). */
export function provenRecordsExpression(stale: string, provable: string, among: boolean): string {
  return `[for r in ${stale} : r if ${among ? '' : '!'}contains(${provable}, r.name)]`;
}

/**
 * The warning of a check over the account's stale records (`stale`, an expression): one line per record with its
 * IPs and the command that deletes it. A Terraform template in JSON syntax. `removing` says that the apply deletes the
 * records it can prove are the stack's, so those listed are the others.
 */
export function staleRecordsMessage(accountName: string, zone: ZoneRef, stale: string, removing = false): string {
  return `Batch account ${accountName}: private DNS zone ${zone.zoneName} (resource group ${zone.resourceGroupName}, ` +
    `subscription ${zone.subscriptionId}) holds A records named for this account that no endpoint of this stack writes` +
    `${removing ? ' and that it cannot prove are its own, so it leaves them' : ''}; they may answer with IPs that serve nothing.` +
    `%{ for r in ${stale} }\n  ${'${r.name}'} -> ${'${join(", ", r.ips)}'}\n    ` +
    `${recordDeleteCommand(zone, '${r.name}')}%{ endfor }\n` +
    `A record of another region may be another subscription's account named ${accountName} (Batch account names are ` +
    'unique per region only): make sure no one uses it before you delete it with the commands above. ' +
    (removing ? '' : 'removeStaleRecords on the zone deletes, in the apply, only the records that prove to be this stack\'s: ' +
      `${accountName}.<its own region> and its own nodeManagement record.`);
}

/** The legacy regional zone names of a cloud for some regions, e.g. `privatelink.eastus.batch.azure.com`. */
export function legacyZoneNames(regions: readonly string[], cloud: AzureCloud): string[] {
  return [...new Set(regions)].sort().map((region) => `privatelink.${region}.${batchPublicSuffix(cloud)}`);
}

/** HCL: the zones among a zones list `output` whose lower-cased name is in `names` (a list), by name, to their IDs. */
export function legacyZonesExpression(output: string, names: readonly string[]): string {
  return `try({ for z in ${output}.zones : lower(z.name) => z.id if contains(${JSON.stringify(names)}, lower(z.name)) }, {})`;
}



/** The Azure CLI command that links a VNet to a zone (registration off); its arguments may be templates. */
export function vnetLinkCreateCommand(zone: ZoneRef, linkName: string, vnetId: string): string {
  return `az network private-dns link vnet create --subscription ${zone.subscriptionId} --resource-group ${zone.resourceGroupName} ` +
    `--zone-name ${zone.zoneName} --name ${linkName} --virtual-network ${vnetId} --registration-enabled false`;
}

/**
 * HCL: whether the zone's links (`output` of the links list) include one to `vnetId`, compared in lower case. An output
 * of another shape gives false (a warning), never an error: an error in a check's condition fails the plan.
 */
export function vnetLinkedExpression(output: string, vnetId: string): string {
  return `try(contains([for l in ${output}.links : lower(l.vnet)], ${JSON.stringify(vnetId.toLowerCase())}), false)`;
}

/**
 * The warning of a check that a zone this stack does not own is linked to a VNet outside the stack (a hub's): who must
 * do what. The stack itself never creates nor deletes that link.
 */
export function expectedLinkMessage(zone: ZoneRef, linkName: string, vnetId: string): string {
  return `Private DNS zone ${zone.zoneName} (resource group ${zone.resourceGroupName}, subscription ${zone.subscriptionId}) ` +
    `has no link to VNet ${vnetId}, so that VNet, and every VNet that resolves through it, cannot resolve the Batch ` +
    'names this stack writes into the zone. The zone and the VNet are not this stack\'s: this stack neither creates nor ' +
    'deletes the link. The platform team that owns them links the VNet once, for every spoke, e.g.:\n  ' +
    `${vnetLinkCreateCommand(zone, linkName, vnetId)}\n` +
    'If the plan could not read the links (an error above), the stack\'s credentials lack Reader on the zone ' +
    '(Microsoft.Network/privateDnsZones/virtualNetworkLinks/read).';
}

/**
 * The warning of the legacy-zone check: the legacy zones found in the zone's resource group (`found`, an expression of a
 * map of zone name to ID), with the commands that list their links and delete one, and the role a refused read lacks.
 * `vnetIds` are the VNets the zone is linked to by literal ID.
 */
export function legacyZonesFoundMessage(zone: ZoneRef, found: string, vnetIds: readonly string[]): string {
  const group = `--subscription ${zone.subscriptionId} --resource-group ${zone.resourceGroupName}`;
  return `Private DNS zone ${zone.zoneName}: its resource group ${zone.resourceGroupName} (subscription ${zone.subscriptionId}) ` +
    `also holds the legacy regional Batch zones below. A VNet linked to one of them and to ${zone.zoneName} resolves ` +
    `Batch names through the legacy zone and never sees the records in ${zone.zoneName}. ${zone.zoneName} is linked to ` +
    `${[...new Set(vnetIds)].sort().join(', ')}.%{ for name, id in ${found} }\n  ${'${name}'}: list its links with\n    ` +
    `az network private-dns link vnet list ${group} --zone-name ${'${name}'} --query "[].{link: name, vnet: virtualNetwork.id}"%{ endfor }\n` +
    `Once ${zone.zoneName} holds every record those VNets need, delete their legacy links: ` +
    `${vnetLinkDeleteCommand(zone.subscriptionId, zone.resourceGroupName, '<legacy zone>', '<link>')}\n` +
    `If the plan could not read the zones (a warning above), the stack's credentials lack Reader on resource group ` +
    `${zone.resourceGroupName} (Microsoft.Network/privateDnsZones/read): grant it, or set checkLegacyZones: false.`;
}
