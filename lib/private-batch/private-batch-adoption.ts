import type { Construct } from 'constructs';
import type { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { IBatchAccount } from '../account/batch-account-ref';
import type { BatchAccount } from '../account/batch-account';
import { ExistingParts } from '../adoption/existing-parts';
import { BatchZoneChoice, importZoneLinks } from '../dns/batch-zone-choice';
import type { BatchPrivateEndpoint } from '../endpoints/batch-private-endpoint';
import type { BatchPool } from '../pools/batch-pool';
import { AdoptSettings } from '../rules/adoption';
import { adoptionParts } from './private-batch-problems';
import { PrivateBatchProps } from './private-batch-props';

/** What a `PrivateBatch` made that `adopt` may import. */
export interface AdoptableParts {
  readonly privateAccount?: BatchAccount;
  readonly endpoints: readonly BatchPrivateEndpoint[];
  readonly vnetLinks: readonly PrivateDnsZoneVirtualNetworkLink[];
  readonly zoneChoice?: BatchZoneChoice;
}

/**
 * The adoption part of a `PrivateBatch` (`owner`): import blocks for what exists already, each read at plan
 * (`ExistingParts`): what is missing is created. The subscriptions the import IDs need are checked by
 * privateBatchProblems. Returns the account's subscription when `adopt` imports the pools that exist.
 */
export function adoptExisting(owner: Construct, props: PrivateBatchProps, adopt: Required<AdoptSettings>, made: AdoptableParts): string | undefined {
  const parts = adoptionParts(props);
  const account = made.privateAccount;
  const existing = ExistingParts.of(owner);
  if (adopt.account && account && parts.accountSubscriptionId) {
    existing.importWhenExists(account.resource, {
      subscriptionId: parts.accountSubscriptionId, resourceGroupName: account.resource.resourceGroupNameInput ?? '',
      resource: { type: 'Microsoft.Batch/batchAccounts', name: account.name },
    }, account.resource.provider);
  }
  for (const endpoint of adopt.endpoints && parts.subscriptionId ? made.endpoints : []) {
    existing.importWhenExists(endpoint.resource, {
      subscriptionId: parts.subscriptionId!, resourceGroupName: endpoint.resource.resourceGroupNameInput ?? '',
      resource: { type: 'Microsoft.Network/privateEndpoints', name: endpoint.name },
    }, endpoint.resource.provider);
  }
  const link = made.vnetLinks.find((l) => l.node.id === 'EndpointVnet');
  // The zone itself is adopted where it is made (chooseZone), so that it heals before the endpoints write to it.
  if (made.zoneChoice && parts.zoneSubscriptionId && adopt.vnetLink && link) importZoneLinks(made.zoneChoice, parts.zoneSubscriptionId, [link]);
  return adopt.pools && parts.accountSubscriptionId !== undefined ? parts.accountSubscriptionId : undefined;
}

/** A pool that exists in the account already is imported (into `subscriptionId`) instead of failing "already exists". */
export function adoptPool(owner: Construct, subscriptionId: string, account: IBatchAccount, privateAccount: BatchAccount | undefined, pool: BatchPool): void {
  ExistingParts.of(owner).importWhenExists(pool.resource, {
    // The account's resource group as given (a pool's refers to the account's attribute).
    subscriptionId, resourceGroupName: privateAccount?.resource.resourceGroupNameInput ?? pool.resource.resourceGroupNameInput ?? '',
    resource: { type: 'Microsoft.Batch/batchAccounts', name: account.name },
    child: { type: 'pools', name: pool.resource.nameInput ?? '' },
  }, pool.resource.provider);
}
