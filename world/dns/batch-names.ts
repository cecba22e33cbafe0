import { AZURE_CLOUDS, AzureCloud, batchPublicSuffix } from '../../lib/rules/clouds';
import { guidFor } from '../engine/arm/guid';
import { keyOf } from '../engine/arm/ids';
import { region } from '../engine/arm/properties';
import { ArmResource, World } from '../engine/arm/world';

/** The public Batch names of an account: its `batchAccount` and `nodeManagement` FQDNs. */
export function batchNames(account: ArmResource): { batchAccount: string; nodeManagement?: string } {
  return { batchAccount: String(account.properties.accountEndpoint ?? `${account.name}.${region(account.location)}.batch.azure.com`).toLowerCase(),
    nodeManagement: account.properties.nodeManagementEndpoint ? String(account.properties.nodeManagementEndpoint).toLowerCase() : undefined };
}

/** A public Batch name: its account, sub-resource, region and cloud. */
export interface PublicBatchName {
  readonly account: ArmResource;
  readonly group: 'batchAccount' | 'nodeManagement';
  readonly label: string;
  readonly region: string;
  readonly cloud: AzureCloud;
}

/** The account a public Batch name belongs to, if any in the world. */
export function publicBatchName(world: World, name: string): PublicBatchName | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  for (const account of world.ofType('Microsoft.Batch/batchAccounts')) {
    const names = batchNames(account);
    const group = names.batchAccount === n ? 'batchAccount' : names.nodeManagement === n ? 'nodeManagement' : undefined;
    if (!group) continue;
    const cloud = AZURE_CLOUDS.find((c) => n.endsWith(`.${batchPublicSuffix(c)}`)) ?? 'AzureCloud';
    return { account, group, label: n.split('.')[0], region: region(account.location), cloud };
  }
  return undefined;
}

/**
 * Whether the account has an approved endpoint of a sub-resource: Azure's public DNS then CNAMEs its name into the
 * privatelink zone (Learn batch/private-connectivity: "for a Batch account with any approved batchAccount private
 * endpoint, its account endpoint's DNS CNAME mappings contains both zones"; nodeManagement by analogy, unverified).
 */
export function hasApprovedEndpoint(world: World, account: ArmResource, group: string): boolean {
  return world.children(account.id, 'Microsoft.Batch/batchAccounts/privateEndpointConnections').some((c) =>
    c.properties.privateLinkServiceConnectionState?.status === 'Approved' && (c.properties.groupIds ?? []).includes(group));
}

/** The account's public address in the world (deterministic; the real one is Azure's). */
export function publicAddress(world: World, account: ArmResource, group: string): string {
  const h = guidFor(world.seed, 'public-ip', keyOf(account.id), group).replace(/-/g, '');
  return `20.${parseInt(h.slice(0, 2), 16)}.${parseInt(h.slice(2, 4), 16)}.${1 + (parseInt(h.slice(4, 6), 16) % 254)}`;
}
