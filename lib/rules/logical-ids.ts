/**
 * A Terraform logical ID (the `<name>` in `<type>.<name>`) made of words: lower case, runs of anything but
 * letters and digits become one `_`, words are joined by `_`. `logicalId('pe', 'contosobatch01', 'batchAccount')`
 * gives `pe_contosobatch01_batchaccount`. Terraform names must not start with a digit, so such a name gets a
 * leading `_`.
 */
export function logicalId(...words: string[]): string {
  const id = words
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
    .filter((word) => word !== '')
    .join('_');
  if (id === '') throw new Error(`logicalId: no letters or digits in ${JSON.stringify(words)}`);
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** `name` without `prefix` and a separator in front, so that `pe-x` under prefix `pe` does not become `pe_pe_x`. */
function withoutPrefix(prefix: string, name: string): string {
  const stripped = name.replace(new RegExp(`^${prefix}[^a-z0-9]+`, 'i'), '');
  return stripped === '' ? name : stripped;
}

/** The logical ID of a Batch account: `batch_<account>`. */
export function accountLogicalId(accountName: string): string {
  return logicalId('batch', accountName);
}

/**
 * What names an endpoint and everything that belongs to it (its record, its outputs): the endpoint name without
 * a leading `pe-`, so the default `pe-contosobatch01-batchaccount` gives `contosobatch01_batchaccount`. Endpoint names
 * are unique per resource group, and the default one is unique per account and sub-resource.
 */
export function endpointKey(endpointName: string): string {
  return logicalId(withoutPrefix('pe', endpointName));
}

/** The logical ID of a private endpoint: `pe_<account>_<subresource>` for the default name, else `pe_<name>`. */
export function endpointLogicalId(endpointName: string): string {
  return logicalId('pe', endpointKey(endpointName));
}

/** The logical ID of an endpoint's Terraform-owned A record: `dns_` and the endpoint's key. */
export function dnsRecordLogicalId(endpointName: string): string {
  return logicalId('dns', endpointKey(endpointName));
}

/**
 * The logical ID of a private DNS zone: `zone_<zone name>`, e.g. `zone_privatelink_batch_azure_com`; a later zone of
 * the same name in the stack adds its {@link zoneQualifier}, e.g. `zone_privatelink_batch_azure_com_rg_dns_b`.
 */
export function zoneLogicalId(zoneName: string, qualifier: readonly string[] = []): string {
  return logicalId('zone', zoneName, ...qualifier);
}

/**
 * The logical ID of a zone's VNet link: `link_<link name>`, without a leading `link-`, and the zone's
 * {@link zoneQualifier}: link names are unique per zone only, and the default one (`link-<VNet>`) repeats in two
 * zones of one name linked to VNets of one name.
 */
export function vnetLinkLogicalId(linkName: string, zoneQualifier: readonly string[] = []): string {
  return logicalId('link', withoutPrefix('link', linkName), ...zoneQualifier);
}

/** Where a private DNS zone is: what tells two zones of one name apart (Azure fixes a Batch zone's name). */
export interface ZonePlace {
  /** The zone name. */
  readonly zoneName: string;
  /** The resource group, when known at synth. */
  readonly resourceGroupName?: string;
  /** The subscription, when known at synth. */
  readonly subscriptionId?: string;
  /** Tells one zone from another where a part is not known at synth (the expression Terraform will resolve). */
  readonly key: string;
}

/** A zone of the stack, with the qualifier its addresses got. */
export interface PlacedZone {
  readonly place: ZonePlace;
  readonly qualifier: readonly string[];
}

/**
 * The words that keep a zone's addresses apart from those of another zone of its name in the stack (the AVM "max"
 * pattern: a second `privatelink.batch.azure.com` in its own resource group or subscription, which Azure accepts).
 * The first zone of a name gets none, so its addresses stay `zone_<name>`. A later one gets its resource group, or its
 * subscription and resource group when an earlier zone of the name is in a group of that name, or its position among
 * the zones of the name when neither is known at synth. The same zone (same key) gets the same words, so the stack
 * guards refuse it as one address made twice.
 */
export function zoneQualifier(zone: ZonePlace, before: readonly PlacedZone[]): readonly string[] {
  const same = before.find((z) => z.place.key === zone.key);
  if (same) return same.qualifier;
  const sameName = before.filter((z) => z.place.zoneName.toLowerCase() === zone.zoneName.toLowerCase());
  if (sameName.length === 0) return [];
  const group = zone.resourceGroupName?.toLowerCase();
  const taken = (words: readonly string[]): boolean => sameName.some((z) => logicalId('q', ...z.qualifier) === logicalId('q', ...words));
  const candidates: string[][] = [];
  if (group !== undefined) {
    const groupTaken = sameName.some((z) => z.place.resourceGroupName?.toLowerCase() === group);
    if (!groupTaken) candidates.push([group]);
    if (zone.subscriptionId !== undefined) candidates.push([zone.subscriptionId.toLowerCase(), group]);
  }
  return candidates.find((words) => !taken(words)) ?? [String(sameName.length + 1)];
}

/** An output name: the words joined as a logical ID, e.g. `contosobatch01_endpoint_ips`. */
export function outputName(...words: string[]): string {
  return logicalId(...words);
}

/**
 * The plan-time read of a zone's A records, and the local holding them as `{ name, ips }`:
 * `zone_records_<zone name>`, e.g. `zone_records_privatelink_batch_azure_com`.
 */
export function zoneRecordsLogicalId(zoneName: string, zoneQualifier: readonly string[] = []): string {
  return logicalId('zone_records', zoneName, ...zoneQualifier);
}

/** The local that lists the existing record an A record adopts (its `import` block's `for_each`): `adopt_<record ID>`. */
export function adoptLogicalId(recordLogicalId: string): string {
  return logicalId('adopt', recordLogicalId);
}

/** The plan-time read of what Azure knows of an account's name (its node management endpoint): `account_lookup_<account>`. */
export function accountLookupLogicalId(accountName: string): string {
  return logicalId('account_lookup', accountName);
}

/** The local and the check of an account's stale records in a zone: `stale_records_<account>`. */
export function staleRecordsLogicalId(accountName: string): string {
  return logicalId('stale_records', accountName);
}

/** The deletes of an account's stale records (`removeStaleRecords`): `remove_stale_<account>`. */
export function removeStaleLogicalId(accountName: string): string {
  return logicalId('remove_stale', accountName);
}

/** The check for legacy zones beside a zone, and its read of the zones of the zone's resource group: `legacy_zones_<zone name>`. */
export function legacyZonesLogicalId(zoneName: string, zoneQualifier: readonly string[] = []): string {
  return logicalId('legacy_zones', zoneName, ...zoneQualifier);
}


/** The logical ID of a Batch pool: `pool_<account>_<pool>`, e.g. `pool_contosobatch01_small`. */
export function poolLogicalId(accountName: string, poolName: string): string {
  return logicalId('pool', accountName, poolName);
}

/** The logical ID of what one connection rule creates (its action, target, matches and check): `<action>_<account>_<key>`. */
export function connectionRuleLogicalId(action: string, accountName: string, key: string): string {
  return logicalId(action, accountName, key);
}

/** The logical ID of an account's connection list: `connections_<account>`. */
export function connectionListLogicalId(accountName: string): string {
  return logicalId('connections', accountName);
}

/** The logical ID of one connection read in full (`show`): `connection_<account>_<id>`. */
export function connectionReadLogicalId(accountName: string, id: string): string {
  return logicalId('connection', accountName, id);
}

/** The logical ID of an account's custom role for delegated approval: `approver_role_<account>`. */
export function approverRoleLogicalId(accountName: string): string {
  return logicalId('approver_role', accountName);
}

/** The logical ID of one principal's assignment of that role: `approver_<account>_<key>`. */
export function approverAssignmentLogicalId(accountName: string, key: string): string {
  return logicalId('approver', accountName, key);
}

/**
 * The logical ID of a management lock: `lock_` and what it locks, the account name (`lock_contosobatch01`) or an
 * endpoint's key (`lock_contosobatch01_batchaccount`, see {@link endpointKey}).
 */
export function lockLogicalId(target: string): string {
  return logicalId('lock', target);
}

/**
 * The logical ID of a role assignment: `role_`, its scope (the account name or an endpoint's key) and the key the
 * user gave the assignment, e.g. `role_contosobatch01_submitters`. Keys, not positions: removing one assignment
 * leaves the others' addresses as they are.
 */
export function roleAssignmentLogicalId(scope: string, key: string): string {
  return logicalId('role', scope, key);
}

/** The logical ID of a diagnostic setting: `diag_<account>_<setting name>`, e.g. `diag_contosobatch01_to_workspace`. */
export function diagnosticSettingLogicalId(account: string, settingName: string): string {
  return logicalId('diag', account, settingName);
}

/**
 * The logical ID of an endpoint's association with an application security group: `asg_`, the endpoint's key and
 * the group's name when its ID is literal (`asg_contosobatch01_batchaccount_asg_batch`), else its position.
 */
export function asgAssociationLogicalId(endpoint: string, group: string | number): string {
  return logicalId('asg', endpoint, String(group));
}

/** The check that a zone not owned here is linked to a VNet outside the stack: `expected_link_<link name>`. */
export function expectedLinkLogicalId(linkName: string): string {
  return logicalId('expected_link', withoutPrefix('link', linkName));
}
