import { subnetCapacityProblem, subnetPrefixProblem } from '../../rules/ip';
import { Finding } from '../finding';
import { StackModel, isLiteral, referenceOf, resourcesOfType } from '../stack-model';

/**
 * Every subnet of the stack has prefixes Azure accepts (no host bits, /29 or larger), and enough usable addresses
 * for the private endpoints the stack puts in it (one each).
 */
export function subnetFindings(model: StackModel): Finding[] {
  const endpoints = resourcesOfType(model, 'azurerm_private_endpoint');
  return resourcesOfType(model, 'azurerm_subnet').flatMap((subnet): Finding[] => {
    const prefixes: unknown[] = Array.isArray(subnet.config.address_prefixes) ? subnet.config.address_prefixes : [];
    const finding = (problem: string, fix: string): Finding => ({ path: subnet.path, attribute: 'address_prefixes', value: subnet.config.address_prefixes, problem, fix });
    const literal = prefixes.filter(isLiteral);
    const bad = literal.flatMap((prefix) => {
      const problem = subnetPrefixProblem(prefix);
      return problem ? [finding(`${prefix} ${problem}`, 'write the network address and its length, /29 or larger, e.g. 10.20.1.0/24')] : [];
    });
    if (bad.length > 0 || literal.length === 0 || literal.length !== prefixes.length) return bad;
    const hosted = endpoints.filter((e) => referenceOf(e.config.subnet_id)?.address === subnet.address).length;
    const problem = subnetCapacityProblem(literal, hosted);
    return problem ? [finding(problem, 'make the subnet larger, or put some endpoints in another subnet')] : [];
  });
}
