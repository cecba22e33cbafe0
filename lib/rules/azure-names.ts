/*
 * Azure's naming rules for the resources the library names, where azurerm (v4.55.0) and Azure agree, so that a
 * name that passes here passes the provider at plan and Azure at apply. Sources: azurerm's validators
 * (`network/validate/private_link_name.go`, go-azure-helpers `resourcegroups.ValidateName`) and Learn's "Naming
 * rules and restrictions for Azure resources"; docs/validators.md has the details.
 */
import { PropProblem } from './problems';

// Go's `\w` is ASCII, like JavaScript's without the u flag.
const RESOURCE_GROUP = /^[-\w.()]+$/;
const PRIVATE_LINK = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,78}[A-Za-z0-9_])?$/;
const ENDPOINT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9_]$/;

/** Why a resource group name would be refused, or undefined: 1-90 of `-_.()`, ASCII letters and digits, no trailing `.`. */
export function resourceGroupNameProblem(name: string): string | undefined {
  if (name.length > 90 || !RESOURCE_GROUP.test(name) || name.endsWith('.')) {
    return `must be 1-90 ASCII letters, digits and - _ . ( ), not ending in a period (an Azure resource group name), got ${JSON.stringify(name)}`;
  }
  return undefined;
}

/**
 * Why a private-link name (a connection, IP configuration, zone group, NIC or VNet link name) would be refused, or
 * undefined: 1-80 letters, digits and `_ . -`, starting with a letter or digit, ending with a letter, digit or `_`.
 */
export function privateLinkNameProblem(name: string): string | undefined {
  return PRIVATE_LINK.test(name)
    ? undefined
    : `must be 1-80 letters, digits and _ . -, starting with a letter or digit and ending with a letter, digit or _, got ${JSON.stringify(name)}`;
}

/**
 * Why a private endpoint name would be refused, or undefined: Azure documents 2-64 characters for the endpoint
 * itself (azurerm accepts up to 80), with the private-link characters.
 */
export function endpointNameProblem(name: string): string | undefined {
  return ENDPOINT.test(name)
    ? undefined
    : `must be 2-64 letters, digits and _ . -, starting with a letter or digit and ending with a letter, digit or _ (an Azure private endpoint name), got ${JSON.stringify(name)}`;
}

/** The names the library gives the parts of an endpoint, from the endpoint's name. */
export interface EndpointPartNames {
  /** The NIC, `custom_network_interface_name`: `<endpoint>-nic`. */
  readonly nic: string;
  /** The private service connection: `<endpoint>-connection`. */
  readonly connection: string;
  /** The static IP configuration: `<endpoint>-ipconfig`. */
  readonly ipConfiguration: string;
}

/** The default part names of an endpoint. */
export function endpointPartNames(endpointName: string): EndpointPartNames {
  return { nic: `${endpointName}-nic`, connection: `${endpointName}-connection`, ipConfiguration: `${endpointName}-ipconfig` };
}

/**
 * Every problem with an endpoint's name and the names of its parts, each by the prop that sets it: `name`, or
 * `nicName`, `connectionName`, `ipConfigurationName` for a part named on its own. The default part names need no
 * check of their own: a valid endpoint name (at most 64) keeps `<name>-connection` (the longest) within 80 and
 * ending in a letter.
 */
export function endpointNameProblems(name: string, parts: Partial<EndpointPartNames> = {}): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  add('name', endpointNameProblem(name));
  for (const part of ['nic', 'connection', 'ipConfiguration'] as const) {
    const custom = parts[part];
    if (custom !== undefined) add(`${part}Name`, privateLinkNameProblem(custom));
  }
  return problems;
}
