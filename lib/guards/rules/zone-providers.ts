import { sameSubscription, subscriptionOf } from '../../rules/resource-id';
import { Finding } from '../finding';
import { providerSubscription } from '../network-view';
import { StackModel } from '../stack-model';

/**
 * A record or VNet link written into an existing zone uses a provider of the zone's subscription. Azure finds the
 * zone by name and resource group in the provider's subscription, so with another subscription's provider the
 * write fails, or lands in a zone of the same name that nobody resolves through.
 */
export function zoneProviderFindings(model: StackModel): Finding[] {
  return model.resources.flatMap((resource) => {
    const zoneId = model.existingZoneIds.get(resource.path);
    const zoneSubscription = zoneId === undefined ? undefined : subscriptionOf(zoneId);
    const writer = providerSubscription(model, resource);
    if (zoneSubscription === undefined || writer === undefined || sameSubscription(zoneSubscription, writer)) return [];
    return [{
      path: resource.path,
      attribute: 'provider',
      value: resource.config.provider ?? resource.type.split('_')[0],
      problem: `writes into zone ${zoneId} of subscription ${zoneSubscription} with a provider for subscription ${writer}`,
      fix: `pass an azurerm provider with an alias and subscription_id ${zoneSubscription} (BatchPrivateDnsZone.fromZoneId provider)`,
    }];
  });
}
