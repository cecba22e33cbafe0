import { batchAccountRecordName } from '../rules/dns-records';
import { parseResourceId, subscriptionOf } from '../rules/resource-id';
import { ZoneIdentity, zoneOf } from './network-view';
import {
  ModelResource, StackModel, blocks, isLiteral, literalValue, providerOf, referenceOf, resourceAt, resourcesOfType,
} from './stack-model';

/** A private endpoint whose connection targets a Batch account. */
export interface BatchEndpointView {
  /** The endpoint resource. */
  readonly resource: ModelResource;
  /** Identifies the account: its address in the stack, or its literal ID in lower case. */
  readonly accountKey: string;
  /** The account resource, when it is in the stack. */
  readonly account?: ModelResource;
  /** `subresource_names` as synthesized. */
  readonly subResourceNames: unknown;
  /** The one sub-resource, when there is exactly one. */
  readonly subResource?: string;
  /** The values an A record may carry for this endpoint: references to its IP, or its static IPs. */
  readonly acceptedIps: ReadonlySet<string>;
}

const BATCH_ACCOUNT_ID = /\/providers\/microsoft\.batch\/batchaccounts\/[^/]+$/i;

/** Every endpoint to a Batch account, in the stack or referred to by literal ID. */
export function batchEndpoints(model: StackModel): BatchEndpointView[] {
  return resourcesOfType(model, 'azurerm_private_endpoint').flatMap((resource) => {
    const connection = blocks(resource.config.private_service_connection)[0];
    const target = connection?.private_connection_resource_id;
    const ref = referenceOf(target);
    const account = ref && ref.attribute === 'id' ? resourceAt(model, ref.address) : undefined;
    const isBatch = account?.type === 'azurerm_batch_account' || (isLiteral(target) && BATCH_ACCOUNT_ID.test(target));
    if (!isBatch) return [];
    const names = connection.subresource_names;
    const address = resource.address;
    const staticIps = blocks(resource.config.ip_configuration).map((c) => c.private_ip_address).filter(isLiteral);
    return [{
      resource,
      accountKey: account ? account.address : String(target).toLowerCase(),
      account,
      subResourceNames: names,
      subResource: Array.isArray(names) && names.length === 1 && isLiteral(names[0]) ? names[0] : undefined,
      acceptedIps: new Set([
        `\${${address}.private_service_connection[0].private_ip_address}`,
        `\${${address}.custom_dns_configs[0].ip_addresses[0]}`,
        ...staticIps,
      ]),
    }];
  });
}

/** The subscription a resource is in, when known at synth: from a literal ID, else from its provider. */
export function subscriptionOfResource(model: StackModel, resource: ModelResource, idValue: unknown): string | undefined {
  if (isLiteral(idValue)) return subscriptionOf(idValue);
  const provider = providerOf(model, resource)?.subscription_id;
  return isLiteral(provider) ? provider : undefined;
}

/** Something that writes an endpoint's name into a private DNS zone: an A record or a zone group. */
export interface DnsWriter {
  /** The A record, or the endpoint that has the zone group. */
  readonly resource: ModelResource;
  /** How it writes. */
  readonly kind: 'record' | 'zoneGroup';
  /** The zone's name, when it can be told at synth. */
  readonly zoneName?: string;
  /** Names the zone in messages: its resource group and name, or the zone ID expression. */
  readonly zoneKey: string;
  /**
   * The zone by subscription, resource group and name, when known at synth: two zones of one name in other groups or
   * subscriptions are two zones (Azure fixes the name, not where the zone is).
   */
  readonly zone?: ZoneIdentity;
  /** Whether the zone is an `azurerm_private_dns_zone` of this stack (not an existing zone named by literal). */
  readonly zoneInStack: boolean;
  /** Identifies the DNS name written, so that two writers of one name can be found. */
  readonly nameKey: string;
  /** The endpoint whose name is written, when it can be told: for a record, the candidate whose IP it carries. */
  readonly endpoint?: BatchEndpointView;
  /** The endpoints whose name the writer writes; a record must carry the IP of one of them. */
  readonly candidates: readonly BatchEndpointView[];
}

/** Whether a resource is a private DNS zone the stack creates (not a data source that reads an existing one). */
function isManagedZone(zone: ModelResource | undefined): boolean {
  return zone?.type === 'azurerm_private_dns_zone' && zone.mode === 'managed';
}

/** Whether a record's `records` are exactly IPs of the endpoint: a reference to its IP or its static IP. */
function carriesIpOf(record: ModelResource, endpoint: BatchEndpointView): boolean {
  const values: unknown[] = Array.isArray(record.config.records) ? record.config.records : [record.config.records];
  return values.length > 0 && values.every((value) => typeof value === 'string' && endpoint.acceptedIps.has(value));
}

function accountRecordName(model: StackModel, endpoint: BatchEndpointView): string | undefined {
  const name = endpoint.account && literalValue(model, endpoint.account.config.name);
  const location = endpoint.account && literalValue(model, endpoint.account.config.location);
  return name && location ? batchAccountRecordName(name, location) : undefined;
}

/** The name an endpoint writes: its account's record name for batchAccount, else its account and sub-resource. */
export function endpointNameKey(model: StackModel, endpoint: BatchEndpointView): string {
  const literal = endpoint.subResource === 'batchAccount' ? accountRecordName(model, endpoint) : undefined;
  return literal ?? `the ${endpoint.subResource} name of ${endpoint.accountKey}`;
}

/** Every A record and zone group, with the endpoint each writes for where it can be told. */
export function dnsWriters(model: StackModel, endpoints: BatchEndpointView[] = batchEndpoints(model)): DnsWriter[] {
  const byAddress = new Map(endpoints.map((e) => [e.resource.address, e]));
  // The batchAccount endpoints by the record name of their account, in order: a record named by a literal finds its
  // candidates here instead of in a scan of every endpoint (issue #24).
  const byRecordName = new Map<string, BatchEndpointView[]>();
  for (const e of endpoints) {
    const name = e.subResource === 'batchAccount' ? accountRecordName(model, e) : undefined;
    if (name !== undefined) byRecordName.set(name, [...(byRecordName.get(name) ?? []), e]);
  }
  const records = resourcesOfType(model, 'azurerm_private_dns_a_record').map((record): DnsWriter => {
    const zoneName = literalValue(model, record.config.zone_name);
    const zoneRef = referenceOf(record.config.zone_name);
    const group = literalValue(model, record.config.resource_group_name) ?? String(record.config.resource_group_name);
    const nameRef = [...String(record.config.name).matchAll(/\b(azurerm_private_endpoint\.[A-Za-z0-9_-]+)\b/g)][0]?.[1];
    const literalName = isLiteral(record.config.name) ? record.config.name.toLowerCase() : undefined;
    const candidates = nameRef
      ? [byAddress.get(nameRef)].filter((e): e is BatchEndpointView => e !== undefined)
      : [...(literalName === undefined ? [] : byRecordName.get(literalName) ?? [])];
    const endpoint = candidates.find((e) => carriesIpOf(record, e));
    return {
      resource: record,
      kind: 'record',
      zoneName,
      zoneKey: `${group.toLowerCase()}/${zoneName ?? String(record.config.zone_name)}`,
      zone: identityOfId(model.existingZoneIds.get(record.path)) ?? zoneOf(model, record, record.config.zone_name),
      zoneInStack: isManagedZone(resourceAt(model, zoneRef?.address ?? '')),
      nameKey: literalName ?? (candidates[0] ? endpointNameKey(model, candidates[0]) : String(record.config.name)),
      endpoint,
      candidates,
    };
  });
  const groups = endpoints.flatMap((endpoint) =>
    blocks(endpoint.resource.config.private_dns_zone_group).flatMap((group) =>
      (Array.isArray(group.private_dns_zone_ids) ? group.private_dns_zone_ids : [group.private_dns_zone_ids]).map((zoneId: unknown): DnsWriter => {
        const ref = referenceOf(zoneId);
        const zone = ref && resourceAt(model, ref.address);
        const zoneName = zone ? literalValue(model, zone.config.name) : isLiteral(zoneId) ? zoneId.split('/').pop()!.toLowerCase() : undefined;
        const group = zone ? literalValue(model, zone.config.resource_group_name) : isLiteral(zoneId) ? zoneId.split('/')[4] : undefined;
        return {
          resource: endpoint.resource,
          kind: 'zoneGroup',
          zoneName,
          zoneKey: `${(group ?? '').toLowerCase()}/${zoneName ?? String(zoneId)}`,
          zone: zone ? zoneOf(model, zone, zone.config.name) : identityOfId(isLiteral(zoneId) ? zoneId : undefined),
          zoneInStack: isManagedZone(zone),
          nameKey: endpointNameKey(model, endpoint),
          endpoint,
          candidates: [endpoint],
        };
      }),
    ),
  );
  return [...records, ...groups];
}

/** A zone's identity from its literal ID. */
function identityOfId(zoneId: string | undefined): ZoneIdentity | undefined {
  const parts = zoneId === undefined ? undefined : parseResourceId(zoneId);
  if (!parts) return undefined;
  return { name: parts.name.toLowerCase(), group: parts.resourceGroupName.toLowerCase(), subscription: parts.subscriptionId.toLowerCase() };
}
