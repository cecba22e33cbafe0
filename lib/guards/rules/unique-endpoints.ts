import { stacksBeforeOf, staticIps, subnetIp } from '../cross-stack';
import { duplicates } from '../duplicates';
import { Finding } from '../finding';
import { providerSubscription } from '../network-view';
import { ModelResource, StackModel, literalValue, resourcesOfType } from '../stack-model';

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

const STATIC_IP_FIX = 'give one endpoint another static IP, or leave it dynamic';

/**
 * No static IP on two endpoints of one subnet: a subnet address belongs to one network interface. Across the stacks
 * of one app too, for a subnet given by its ID (a reference names a subnet of its own stack).
 */
export function uniqueStaticIpFindings(model: StackModel): Finding[] {
  const taken = staticIps(model);
  const before = stacksBeforeOf(model);
  const finding = (endpoint: ModelResource, ip: string, first: string): Finding => ({
    path: endpoint.path,
    attribute: 'ip_configuration.private_ip_address',
    value: ip,
    problem: `${first} takes ${ip} in the same subnet; an address belongs to one network interface`,
    fix: STATIC_IP_FIX,
  });
  return [
    ...taken.flatMap((t) => {
      const key = subnetIp(t);
      const first = key === undefined ? undefined : before.staticIp(key);
      return first === undefined ? [] : [finding(t.endpoint, t.ip, first)];
    }),
    ...duplicates(taken, subnetIp, ({ endpoint, ip }, first) => finding(endpoint, ip, first.endpoint.path)),
  ];
}
