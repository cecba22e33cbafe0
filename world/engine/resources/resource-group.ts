import { badRequest } from '../arm/errors';
import { region } from '../arm/properties';
import { registerType } from '../arm/type-rules';

export const RESOURCE_GROUP_TYPE = 'Microsoft.Resources/resourceGroups';

/**
 * Resource groups. A group keeps the location it was created in (Learn: azure-resource-manager/management/
 * manage-resource-groups-portal, "the resource group location can't be changed"; azurerm marks `location` ForceNew).
 */
registerType({
  type: RESOURCE_GROUP_TYPE,
  put(_ctx, rg, prior) {
    if (!rg.location) throw badRequest('LocationRequired', 'The location property is required for this definition.');
    if (prior && region(prior.location) !== region(rg.location)) {
      throw badRequest('InvalidResourceGroupLocation', `Invalid resource group location '${region(rg.location)}'. The Resource group already exists in location '${region(prior.location)}' in resource group '${rg.name}'. A resource group cannot change location.`);
    }
    return { ...rg, location: region(rg.location), properties: { ...rg.properties, provisioningState: 'Succeeded' } };
  },
});
