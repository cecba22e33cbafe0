import { z } from 'zod';
import { locationProblem } from '../lib/rules/naming';
import { regionProblem } from '../lib/rules/regions';
import { parseResourceId } from '../lib/rules/resource-id';
import type { StackShape } from './config-schema';
import { subnetIssues } from './subnet-issues';

/** What a stack's fields say together, beyond each field's own check: its subnets, its regions, its names. */
export function stackIssues(stack: StackShape, ctx: z.RefinementCtx): void {
  subnetIssues(stack, ctx);
  regionIssues(stack, ctx);
  uniquenessIssues(stack, ctx);
}

/** How connection rules and construct ids name an endpoint of an account: its name, else its sub-resource. */
export function endpointKey(endpoint: { name?: string; subResource: string }): string {
  return endpoint.name ?? endpoint.subResource;
}

/** Each region of the stack (its own, each external account's) in the stack's cloud. */
function regionIssues(stack: StackShape, ctx: z.RefinementCtx): void {
  const regions: [readonly (string | number)[], string][] = [[['location'], stack.location], ...stack.externalAccounts.map((a, x) => [['externalAccounts', x, 'location'], a.location] as [(string | number)[], string])];
  for (const [path, value] of regions) {
    const problem = locationProblem(value) === undefined ? regionProblem(value, stack.cloud) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: [...path], message: problem });
  }
}

/** Each endpoint of an account under its own key, each account listed once. */
function uniquenessIssues(stack: StackShape, ctx: z.RefinementCtx): void {
  stack.accounts.forEach((account, a) => account.endpoints.forEach((endpoint, e) => {
    const key = endpointKey(endpoint);
    const first = account.endpoints.findIndex((other) => endpointKey(other) === key);
    if (first === e) return;
    // Two endpoints of one key would be one construct (and one connection selector): a config mistake, not a bug.
    ctx.addIssue({
      code: 'custom',
      path: ['accounts', a, 'endpoints', e, endpoint.name === undefined ? 'subResource' : 'name'],
      message: endpoint.name === undefined
        ? `is the sub-resource of endpoints[${first}] too; give a second ${endpoint.subResource} endpoint of this account its own name`
        : `is the name of endpoints[${first}] too; give each endpoint of an account its own name`,
    });
  }));
  const names = [...stack.accounts.map((a) => a.name), ...stack.externalAccounts.map((a) => parseResourceId(a.id)?.name)];
  names.forEach((name, i) => {
    if (names.indexOf(name) === i) return;
    const path = i < stack.accounts.length ? ['accounts', i, 'name'] : ['externalAccounts', i - stack.accounts.length, 'id'];
    ctx.addIssue({ code: 'custom', path, message: `names account ${name} again; list each account once in a stack` });
  });
}
