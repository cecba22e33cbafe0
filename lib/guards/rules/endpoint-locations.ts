import { normalizeLocation } from '../../rules/naming';
import { Finding } from '../finding';
import { vnetOfSubnet } from '../network-view';
import { StackModel, literalValue, resourcesOfType } from '../stack-model';

/** A private endpoint is created in its VNet's region, whatever the region of the resource it connects to. */
export function endpointLocationFindings(model: StackModel): Finding[] {
  return resourcesOfType(model, 'azurerm_private_endpoint').flatMap((endpoint) => {
    const vnet = vnetOfSubnet(model, endpoint.config.subnet_id)?.vnet;
    const vnetLocation = vnet && literalValue(model, vnet.config.location);
    const location = literalValue(model, endpoint.config.location);
    if (vnetLocation === undefined || location === undefined || normalizeLocation(vnetLocation) === normalizeLocation(location)) return [];
    return [{
      path: endpoint.path,
      attribute: 'location',
      value: endpoint.config.location,
      problem: `the endpoint's VNet ${vnet!.path} is in ${normalizeLocation(vnetLocation)}, and Azure creates an endpoint in its VNet's region`,
      fix: `set the endpoint's location to ${normalizeLocation(vnetLocation)} (BatchPrivateEndpoint takes it from subnet.location when given)`,
    }];
  });
}
