import { Construct } from 'constructs';
import { TerraformProvider, Token } from 'cdktf';
import { PrivateEndpointApplicationSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/private-endpoint-application-security-group-association';
import { stableAddress } from '../core/addresses';
import { asgAssociationLogicalId, endpointKey } from '../rules/logical-ids';
import { normalizedResourceId, parseResourceId } from '../rules/resource-id';

/**
 * Associates the endpoint with each application security group, in the endpoint's own scope (`Asg<index>`), each
 * addressed by the endpoint and the group's name (its index when the ID is a reference).
 */
export function associateSecurityGroups(
  scope: Construct, endpointName: string, endpointId: string, groupIds: readonly string[], provider?: TerraformProvider,
): PrivateEndpointApplicationSecurityGroupAssociation[] {
  return groupIds.map((groupId, i) => {
    const group = Token.isUnresolved(groupId) ? i : parseResourceId(groupId)?.name ?? i;
    return stableAddress(new PrivateEndpointApplicationSecurityGroupAssociation(scope, `Asg${i}`, {
      provider,
      privateEndpointId: endpointId,
      applicationSecurityGroupId: normalizedResourceId(groupId, 'Microsoft.Network/applicationSecurityGroups'),
    }), asgAssociationLogicalId(endpointKey(endpointName), group), { existedInV01: false });
  });
}
