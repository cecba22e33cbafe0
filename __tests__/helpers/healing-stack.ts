import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider } from '../../lib/azapi/provider';
import { BatchPrivateDnsZone } from '../../lib/dns/batch-private-dns-zone';
import { BatchPrivateEndpoint } from '../../lib/endpoints/batch-private-endpoint';
import { batchAccountFromId } from '../../lib/account/batch-account-ref';
import { BatchAccount } from '../../lib/account/batch-account';
import { BatchSubResource } from '../../lib/rules/sub-resources';
import { ZoneHealingProps } from '../../lib/dns/zone-healing';

/** Subscriptions and IDs of the hand-built stacks whose zones heal. */
export const SUB = '11111111-1111-1111-1111-111111111111';
export const HUB = '22222222-2222-2222-2222-222222222222';
export const ZONE = 'privatelink.batch.azure.com';
export const zoneId = (subscription: string, group: string): string =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Network/privateDnsZones/${ZONE}`;
export const HUB_VNET = `/subscriptions/${HUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

/** How a hand-built stack with one private account (`contosobatch01`, eastus) and an existing zone is made. */
export interface HealingStackOptions {
  /** The zone is a hub zone in subscription {@link HUB} (resource group `rg-hub-dns`), through aliased providers. */
  readonly hub?: boolean;
  /**
   * The zone: existing, by the ID of {@link zoneId} (as the user typed it: `zoneIdAsTyped`), or created here.
   * @default existing
   */
  readonly zone?: 'existing' | 'created';
  /** The ID of the existing zone as the user typed it. @default {@link zoneId} of the stack's subscription or the hub */
  readonly zoneIdAsTyped?: string;
  /** The account is another team's, by literal ID, instead of a private account of this stack. */
  readonly externalAccount?: boolean;
  /** Whether the stack makes its own default azapi provider. @default true */
  readonly azapiProvider?: boolean;
  /** The account's endpoints, each writing a Terraform-owned record into the zone. */
  readonly subResources?: readonly BatchSubResource[];
  readonly healing?: ZoneHealingProps;
  /** VNets to link the zone to, by literal ID. */
  readonly linkedVnetIds?: readonly string[];
  /**
   * A static IP for the nodeManagement endpoint (the batchAccount one has 10.20.1.10). Mock providers import from the
   * configuration, so a story that imports a record needs its IP known at plan.
   * @default dynamic
   */
  readonly nodeManagementIp?: string;
}

/** The synthesized JSON of a stack whose existing zone heals. */
export function healingStack(options: HealingStackOptions = {}): Record<string, any> {
  const stack = new TerraformStack(Testing.app(), options.hub ? 'hub' : 'spoke');
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
  if (options.azapiProvider ?? true) new AzapiProvider(stack, 'azapi', { subscriptionId: SUB });
  const hub = options.hub
    ? new AzurermProvider(stack, 'azurerm-hub', { alias: 'hub', features: [{}], subscriptionId: HUB })
    : undefined;
  const account = options.externalAccount
    ? batchAccountFromId(`/subscriptions/${SUB}/resourceGroups/rg-other/providers/Microsoft.Batch/batchAccounts/contosobatch01`, 'eastus')
    : new BatchAccount(stack, 'contosobatch01', { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB });
  const zone = options.zone === 'created'
    ? new BatchPrivateDnsZone(stack, 'zone', { resourceGroupName: 'rg-dns', provider: hub, healing: options.healing })
    : BatchPrivateDnsZone.fromZoneId(stack, 'zone', options.zoneIdAsTyped ?? (options.hub ? zoneId(HUB, 'rg-hub-dns') : zoneId(SUB, 'rg-dns')), {
      provider: hub, stackSubscriptionId: SUB, healing: options.healing,
    });
  (options.linkedVnetIds ?? []).forEach((virtualNetworkId, i) => zone.linkVirtualNetwork(`vnet${i}`, { name: `link-vnet${i}`, virtualNetworkId }));
  for (const subResource of options.subResources ?? ['batchAccount', 'nodeManagement']) {
    new BatchPrivateEndpoint(stack, subResource, {
      account,
      subResource,
      subnet: { id: `/subscriptions/${SUB}/resourceGroups/rg-batch/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints`, addressPrefix: '10.20.1.0/24' },
      resourceGroupName: 'rg-batch',
      staticIp: subResource === 'batchAccount' ? '10.20.1.10' : options.nodeManagementIp,
      dns: { zone },
    });
  }
  return JSON.parse(Testing.synth(stack, true));
}
