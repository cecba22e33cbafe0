import { duplicates } from '../duplicates';
import { Finding } from '../finding';
import { providerSubscription } from '../network-view';
import { ModelResource, StackModel, blocks, isLiteral, literalValue, resourcesOfType } from '../stack-model';

/** `<subscription>/<group>/<name>` in lower case (Azure names compare without case), or undefined when unknown. */
function inGroup(model: StackModel, resource: ModelResource, name: unknown): string | undefined {
  const literalName = literalValue(model, name);
  const group = literalValue(model, resource.config.resource_group_name);
  if (literalName === undefined || group === undefined) return undefined;
  return `${providerSubscription(model, resource) ?? ''}/${group}/${literalName}`.toLowerCase();
}

/** No two private endpoints of one name, and no two endpoint NICs of one name, in one resource group. */
export function uniqueEndpointNameFindings(model: StackModel): Finding[] {
  const endpoints = resourcesOfType(model, 'azurerm_private_endpoint');
  const group = (e: ModelResource): string => String(literalValue(model, e.config.resource_group_name));
  return [
    ...duplicates(endpoints, (e) => inGroup(model, e, e.config.name), (e, first) => ({
      path: e.path,
      attribute: 'name',
      value: e.config.name,
      problem: `${first.path} is a private endpoint of this name in resource group ${group(e)} too; Azure keeps one endpoint per name and group`,
      fix: 'give one endpoint another name (BatchPrivateEndpoint name)',
    })),
    ...duplicates(endpoints, (e) => inGroup(model, e, e.config.custom_network_interface_name), (e, first) => ({
      path: e.path,
      attribute: 'custom_network_interface_name',
      value: e.config.custom_network_interface_name,
      problem: `${first.path} gives its network interface this name in resource group ${group(e)} too; Azure keeps one NIC per name and group`,
      fix: 'give one endpoint another name (its NIC is named <endpoint>-nic)',
    })),
  ];
}

/** No static IP on two endpoints of one subnet: a subnet address belongs to one network interface. */
export function uniqueStaticIpFindings(model: StackModel): Finding[] {
  const taken = resourcesOfType(model, 'azurerm_private_endpoint').flatMap((endpoint) =>
    [...new Set(blocks(endpoint.config.ip_configuration).map((c) => c.private_ip_address).filter(isLiteral))].map((ip) => ({ endpoint, ip })));
  return duplicates(taken, ({ endpoint, ip }) => (typeof endpoint.config.subnet_id === 'string' ? `${endpoint.config.subnet_id.toLowerCase()}|${ip}` : undefined),
    ({ endpoint, ip }, first) => ({
      path: endpoint.path,
      attribute: 'ip_configuration.private_ip_address',
      value: ip,
      problem: `${first.endpoint.path} takes ${ip} in the same subnet; an address belongs to one network interface`,
      fix: 'give one endpoint another static IP, or leave it dynamic',
    }));
}
