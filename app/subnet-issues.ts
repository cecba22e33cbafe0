import { z } from 'zod';
import { cidrWithin, isIpv4Cidr, staticIpProblem, subnetCapacityProblem, subnetPrefixProblem } from '../lib/rules/ip';
import type { StackShape } from './config-schema';

/**
 * A stack's subnets against each other: one of network and existingSubnet, each prefix inside the VNet, the pool
 * subnet apart from the endpoint subnet, room in an existing subnet for the endpoints, a pool subnet for pools on it.
 */
export function subnetIssues(stack: StackShape, ctx: z.RefinementCtx): void {
  if ((stack.network === undefined) === (stack.existingSubnet === undefined)) {
    ctx.addIssue({ code: 'custom', path: stack.network ? ['existingSubnet'] : ['network'], message: 'give either network (the example makes a VNet and subnet) or existingSubnet (the endpoints go in a subnet that exists), not both' });
  }
  const prefix = stack.network?.endpointSubnet.addressPrefix ?? stack.existingSubnet?.addressPrefix ?? '';
  const prefixUsable = subnetPrefixProblem(prefix) === undefined;
  if (stack.network && prefixUsable && stack.network.addressSpace.every(isIpv4Cidr) && !cidrWithin(prefix, stack.network.addressSpace)) {
    ctx.addIssue({ code: 'custom', path: ['network', 'endpointSubnet', 'addressPrefix'], message: `must lie in the VNet address space ${stack.network.addressSpace.join(', ')}` });
  }
  // A subnet made here is checked by the stack's subnet guard; an existing one only here, as a lower bound (what else
  // is in it cannot be known at synth).
  const existingPrefix = stack.existingSubnet?.addressPrefix;
  if (existingPrefix !== undefined && prefixUsable) {
    const endpoints = [...stack.accounts, ...stack.externalAccounts].reduce((sum, a) => sum + a.endpoints.length, 0);
    const problem = subnetCapacityProblem([existingPrefix], endpoints);
    if (problem) ctx.addIssue({ code: 'custom', path: ['existingSubnet', 'addressPrefix'], message: problem });
  }
  const pools = stack.network?.poolSubnet?.addressPrefix;
  if (stack.network && pools !== undefined && subnetPrefixProblem(pools) === undefined && stack.network.addressSpace.every(isIpv4Cidr)) {
    if (!cidrWithin(pools, stack.network.addressSpace)) {
      ctx.addIssue({ code: 'custom', path: ['network', 'poolSubnet', 'addressPrefix'], message: `must lie in the VNet address space ${stack.network.addressSpace.join(', ')}` });
    } else if (prefixUsable && (cidrWithin(pools, [prefix]) || cidrWithin(prefix, [pools]))) {
      ctx.addIssue({ code: 'custom', path: ['network', 'poolSubnet', 'addressPrefix'], message: `must not overlap the endpoint subnet ${prefix}` });
    }
  }
  stack.accounts.forEach((account, a) => account.pools.forEach((pool, p) => {
    if (pool.subnet === 'pool' && stack.network?.poolSubnet === undefined) {
      ctx.addIssue({ code: 'custom', path: ['accounts', a, 'pools', p, 'subnet'], message: 'is "pool", but network.poolSubnet is not set: add it, or use "endpoint"' });
    }
  }));
}

/**
 * Each endpoint's static IP against the endpoint subnet. It runs also when other fields of the stack are wrong (a
 * sub-resource misspelt, say), so that one run names every problem; hence it reads the stack as it may be, any shape.
 */
export function staticIpIssues(stack: unknown, ctx: z.RefinementCtx): void {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const raw = stack as { network?: { endpointSubnet?: { addressPrefix?: unknown } }; existingSubnet?: { addressPrefix?: unknown } } & Record<string, unknown>;
  const prefix = text(raw?.network?.endpointSubnet?.addressPrefix) ?? text(raw?.existingSubnet?.addressPrefix);
  // A static IP is checked against a prefix Azure accepts only (a /31 has no usable range to check it against).
  if (prefix === undefined || subnetPrefixProblem(prefix) !== undefined) return;
  for (const group of ['accounts', 'externalAccounts']) {
    list(raw?.[group]).forEach((account, a) => list((account as { endpoints?: unknown })?.endpoints).forEach((endpoint, e) => {
      const ip = text((endpoint as { staticIp?: unknown })?.staticIp);
      const problem = ip === undefined ? undefined : staticIpProblem(ip, prefix);
      if (problem) ctx.addIssue({ code: 'custom', path: [group, a, 'endpoints', e, 'staticIp'], message: problem });
    }));
  }
}
