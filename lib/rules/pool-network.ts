import { isToken } from './tokens';
import { PropProblem } from './problems';
import { parseResourceId } from './resource-id';
import { natPoolNameProblem } from './pool-names';
import { everyMember } from './every-member';

/** Every {@link PublicIpProvisioning}, in the order messages list them. */
export const PUBLIC_IP_PROVISIONING = everyMember<PublicIpProvisioning>()(['BatchManaged', 'UserManaged']);

/** How a pool's nodes get public IPs, when they get any: Batch makes them, or you give them. */
export type PublicIpProvisioning = 'BatchManaged' | 'UserManaged';

/** The opt-in to public IPs on a pool's nodes. */
export interface PoolPublicIps {
  /** `BatchManaged` (Batch creates them) or `UserManaged` (the IPs in `ipAddressIds`). */
  readonly provisioning: PublicIpProvisioning;
  /**
   * With `UserManaged`: Standard SKU public IP IDs in the account's subscription and region, one per 100
   * dedicated nodes and one per 100 Spot nodes.
   * @default none
   */
  readonly ipAddressIds?: readonly string[];
}

/** Nodes one user-managed public IP serves, per kind of node (Batch management API, `ipAddressIds`). */
export const NODES_PER_PUBLIC_IP = 100;

/**
 * The user-managed public IPs a pool needs: one per 100 dedicated nodes and one per 100 Spot nodes. Azure's text
 * ("100 dedicated nodes or 100 Spot/Low-priority nodes can be allocated for each public IP") does not say whether
 * one IP serves both kinds, so the two are counted apart, which is never too few.
 */
export function publicIpsNeeded(dedicatedNodes: number, lowPriorityNodes: number): number {
  return Math.ceil(dedicatedNodes / NODES_PER_PUBLIC_IP) + Math.ceil(lowPriorityNodes / NODES_PER_PUBLIC_IP);
}

function isResourceOfType(id: string, type: string): boolean {
  return parseResourceId(id)?.type.toLowerCase() === type.toLowerCase();
}

/**
 * Problems with the public IP opt-in, fields relative to it. `nodes` is the fixed size, when known, to count the
 * user-managed IPs against.
 */
export function publicIpProblems(publicIps: PoolPublicIps, nodes?: { dedicated: number; lowPriority: number }): PropProblem[] {
  const problems: PropProblem[] = [];
  if (!PUBLIC_IP_PROVISIONING.includes(publicIps.provisioning)) {
    return [{ field: 'provisioning', problem: `must be BatchManaged or UserManaged (leave publicIpAddresses out for no public IPs, the default), got ${JSON.stringify(publicIps.provisioning)}` }];
  }
  const ids = publicIps.ipAddressIds ?? [];
  if (publicIps.provisioning === 'BatchManaged') {
    if (publicIps.ipAddressIds !== undefined) problems.push({ field: 'ipAddressIds', problem: 'only apply with provisioning UserManaged' });
    return problems;
  }
  if (ids.length === 0) problems.push({ field: 'ipAddressIds', problem: 'must list the public IPs for provisioning UserManaged' });
  ids.forEach((id, i) => {
    if (isToken(id)) return;
    if (!isResourceOfType(id, 'Microsoft.Network/publicIPAddresses')) {
      problems.push({ field: `ipAddressIds[${i}]`, problem: `must be a public IP ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/publicIPAddresses/<name>), got ${JSON.stringify(id)}` });
    } else if (ids.findIndex((other) => other.toLowerCase() === id.toLowerCase()) !== i) {
      problems.push({ field: `ipAddressIds[${i}]`, problem: 'lists a public IP twice' });
    }
  });
  const needed = nodes ? publicIpsNeeded(nodes.dedicated, nodes.lowPriority) : 0;
  if (ids.length > 0 && needed > ids.length) {
    problems.push({ field: 'ipAddressIds', problem: `must list at least ${needed} public IPs for ${nodes!.dedicated} dedicated and ${nodes!.lowPriority} Spot nodes (one per ${NODES_PER_PUBLIC_IP} of each), got ${ids.length}` });
  }
  return problems;
}

/** Problems with user-assigned identity IDs (a pool has no system-assigned identity), fields relative to the list. */
export function identityIdProblems(ids: readonly string[]): PropProblem[] {
  if (ids.length === 0) return [{ field: '', problem: 'must list at least one user-assigned identity, or be left out' }];
  return ids.flatMap((id, i): PropProblem[] => {
    if (isToken(id)) return [];
    if (!isResourceOfType(id, 'Microsoft.ManagedIdentity/userAssignedIdentities')) {
      return [{ field: `[${i}]`, problem: `must be a user-assigned identity ID (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>), got ${JSON.stringify(id)}` }];
    }
    return ids.findIndex((other) => other.toLowerCase() === id.toLowerCase()) === i ? [] : [{ field: `[${i}]`, problem: 'lists an identity twice' }];
  });
}

/** An inbound NAT pool: a range of public ports that forward to one port on every node (SSH, RDP). */
export interface PoolInboundNatPool {
  /** The NAT pool's name: 1-77 letters, digits, `_ . -`, unique in the pool. */
  readonly name: string;
  /** `TCP` or `UDP`. */
  readonly protocol: 'TCP' | 'UDP';
  /** The port on each node, e.g. 22; unique in the pool, not 29876 or 29877. */
  readonly backendPort: number;
  /** The first public port: 1-49999 or 55001-65534. */
  readonly frontendPortRangeStart: number;
  /** The last public port; the range spans at least 100 ports and overlaps no other NAT pool's. */
  readonly frontendPortRangeEnd: number;
  /**
   * Who may connect: NSG rules, priorities 150-4096 unique in the pool, at most 25 in the pool.
   * @default none: Azure's default rules
   */
  readonly networkSecurityGroupRules?: readonly PoolNsgRule[];
}

/** One NSG rule of an inbound NAT pool. */
export interface PoolNsgRule {
  /** 150-4096, unique in the pool; lower runs first. */
  readonly priority: number;
  /** `Allow` or `Deny`. */
  readonly access: 'Allow' | 'Deny';
  /** A single IP, a CIDR, a service tag or `*`. */
  readonly sourceAddressPrefix: string;
}

/** Azure's limits on inbound NAT pools (Batch management API, `PoolEndpointConfiguration`, `InboundNatPool`). */
export const MAX_NAT_POOLS = 5;
/** The most NSG rules all NAT pools of one pool may have together. */
export const MAX_NSG_RULES = 25;
/** The ports the Batch node agent keeps for itself. */
export const RESERVED_BACKEND_PORTS: readonly number[] = [29876, 29877];
/** The narrowest frontend range azurerm accepts: end - start must be at least 100 (`validate.FrontendPortRange`). */
export const MIN_FRONTEND_SPAN = 100;

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whether a frontend port is one Azure lets a NAT pool use: 1-49999 or 55001-65534 (50000-55000 are Batch's). */
export function isFrontendPort(port: unknown): boolean {
  return isWhole(port, 1, 49999) || isWhole(port, 55001, 65534);
}

/** The `frontend_port_range` azurerm takes: `<start>-<end>`. */
export function frontendPortRange(pool: PoolInboundNatPool): string {
  return `${pool.frontendPortRangeStart}-${pool.frontendPortRangeEnd}`;
}

function natPoolProblems(pool: PoolInboundNatPool, at: string): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string): void => {
    problems.push({ field: `${at}.${field}`, problem });
  };
  const nameProblem = natPoolNameProblem(pool.name);
  if (nameProblem) add('name', nameProblem);
  if (pool.protocol !== 'TCP' && pool.protocol !== 'UDP') add('protocol', `must be TCP or UDP, got ${JSON.stringify(pool.protocol)}`);
  if (!isWhole(pool.backendPort, 1, 65535) || RESERVED_BACKEND_PORTS.includes(pool.backendPort)) {
    add('backendPort', `must be a port from 1 to 65535 other than ${RESERVED_BACKEND_PORTS.join(' and ')} (the node agent's), got ${JSON.stringify(pool.backendPort)}`);
  }
  const { frontendPortRangeStart: start, frontendPortRangeEnd: end } = pool;
  if (!isFrontendPort(start)) add('frontendPortRangeStart', `must be a port from 1 to 49999 or 55001 to 65534 (Batch keeps 50000-55000), got ${JSON.stringify(start)}`);
  if (!isFrontendPort(end)) add('frontendPortRangeEnd', `must be a port from 1 to 49999 or 55001 to 65534 (Batch keeps 50000-55000), got ${JSON.stringify(end)}`);
  if (isFrontendPort(start) && isFrontendPort(end) && end - start < MIN_FRONTEND_SPAN) {
    add('frontendPortRangeEnd', `must be at least ${MIN_FRONTEND_SPAN} above frontendPortRangeStart (azurerm's rule), got ${start}-${end}`);
  }
  (pool.networkSecurityGroupRules ?? []).forEach((rule, r) => {
    const ruleAt = `networkSecurityGroupRules[${r}]`;
    if (!isWhole(rule.priority, 150, 4096)) add(`${ruleAt}.priority`, `must be a whole number from 150 to 4096, got ${JSON.stringify(rule.priority)}`);
    if (rule.access !== 'Allow' && rule.access !== 'Deny') add(`${ruleAt}.access`, `must be Allow or Deny, got ${JSON.stringify(rule.access)}`);
    if (typeof rule.sourceAddressPrefix !== 'string' || rule.sourceAddressPrefix.trim() === '') {
      add(`${ruleAt}.sourceAddressPrefix`, 'must be an IP, a CIDR, a service tag or *');
    }
  });
  return problems;
}

/** Problems that span a pool's NAT pools: names, backend ports, frontend ranges and NSG rule priorities each unique. */
function natPoolSetProblems(pools: readonly PoolInboundNatPool[]): PropProblem[] {
  const problems: PropProblem[] = [];
  const priorities = new Map<number, string>();
  pools.forEach((pool, i) => {
    const at = `[${i}]`;
    const earlier = pools.slice(0, i);
    if (earlier.some((other) => other.name?.toLowerCase() === pool.name?.toLowerCase())) problems.push({ field: `${at}.name`, problem: `names NAT pool ${pool.name} again` });
    if (earlier.some((other) => other.backendPort === pool.backendPort)) problems.push({ field: `${at}.backendPort`, problem: `forwards to port ${pool.backendPort} again: backend ports are unique in a pool` });
    const overlapping = earlier.find((other) => pool.frontendPortRangeStart <= other.frontendPortRangeEnd && other.frontendPortRangeStart <= pool.frontendPortRangeEnd);
    if (overlapping) problems.push({ field: `${at}.frontendPortRangeStart`, problem: `${frontendPortRange(pool)} overlaps ${overlapping.name}'s ${frontendPortRange(overlapping)}` });
    (pool.networkSecurityGroupRules ?? []).forEach((rule, r) => {
      const first = priorities.get(rule.priority);
      if (first !== undefined) problems.push({ field: `${at}.networkSecurityGroupRules[${r}].priority`, problem: `is used by ${first} too: NSG rule priorities are unique in a pool` });
      else priorities.set(rule.priority, `${at}.networkSecurityGroupRules[${r}]`);
    });
  });
  return problems;
}

/**
 * Problems with a pool's inbound NAT pools, fields relative to the list (`[0].backendPort`). Azure's limits and
 * azurerm's validators together: at most 5 NAT pools and 25 NSG rules, and the rules of each field.
 */
export function inboundNatPoolProblems(pools: readonly PoolInboundNatPool[]): PropProblem[] {
  const problems: PropProblem[] = [];
  if (pools.length > MAX_NAT_POOLS) problems.push({ field: '', problem: `must have at most ${MAX_NAT_POOLS} NAT pools (an Azure limit), got ${pools.length}` });
  const rules = pools.reduce((sum, pool) => sum + (pool.networkSecurityGroupRules?.length ?? 0), 0);
  if (rules > MAX_NSG_RULES) problems.push({ field: '', problem: `must have at most ${MAX_NSG_RULES} NSG rules across all NAT pools (an Azure limit), got ${rules}` });
  pools.forEach((pool, i) => problems.push(...natPoolProblems(pool, `[${i}]`)));
  return [...problems, ...natPoolSetProblems(pools)];
}

/**
 * Why a pool cannot use a subnet, or undefined: Azure wants the VNet in the account's region and subscription.
 * Unknown values (undefined, or tokens) are not checked.
 */
export function poolSubnetPlacementProblem(
  account: { readonly location: string; readonly subscriptionId?: string },
  subnet: { readonly vnetLocation?: string; readonly subscriptionId?: string },
): string | undefined {
  const known = (value: string | undefined): value is string => value !== undefined && value !== '' && !isToken(value);
  const region = (value: string): string => value.replace(/\s+/g, '').toLowerCase();
  if (known(subnet.vnetLocation) && known(account.location) && region(subnet.vnetLocation) !== region(account.location)) {
    return `is in a VNet in ${region(subnet.vnetLocation)}, but the account is in ${region(account.location)}: a pool's VNet must be in its account's region`;
  }
  if (known(subnet.subscriptionId) && known(account.subscriptionId) && subnet.subscriptionId.toLowerCase() !== account.subscriptionId.toLowerCase()) {
    return `is in subscription ${subnet.subscriptionId}, but the account is in ${account.subscriptionId}: a pool's VNet must be in its account's subscription`;
  }
  return undefined;
}
