import { z } from 'zod';
import { AZURE_CLOUDS } from '../lib/rules/clouds';
import { DNS_MODES } from '../lib/rules/dns-modes';
import { isIpv4Cidr, subnetPrefixProblem } from '../lib/rules/ip';
import { ACCOUNT_NAME_RULE, accountNameProblem, locationProblem } from '../lib/rules/naming';
import { resourceIdProblem } from '../lib/rules/resource-id';
import { BATCH_SUB_RESOURCES } from '../lib/rules/sub-resources';
import { endpointNameProblem, resourceGroupNameProblem } from '../lib/rules/azure-names';
import { keyVaultUrlProblem } from '../lib/rules/key-vault';
import { requestMessageProblem } from '../lib/rules/request-message';
import { tagProblems } from '../lib/rules/tags';
import { batchAccountIdProblems } from '../lib/account/batch-account-ref';
import { PropProblem } from '../lib/rules/problems';
import { BATCH_LOG_CATEGORIES, LOG_CATEGORY_GROUPS } from '../lib/rules/diagnostics';
import { LOCK_KINDS } from '../lib/rules/locks';
import { PRINCIPAL_TYPES } from '../lib/rules/approvers';
import { stackIssues } from './stack-issues';
import { staticIpIssues } from './subnet-issues';

export { endpointKey } from './stack-issues';

// A synth parses one config once. zod's default compiles a fast path for each object schema with `new Function`
// on its first parse, which costs more than it saves then: 10-27 ms of the default example's loadConfig, 6-7 ms
// without.
z.config({ jitless: true });

// Every check below that Azure or azurerm would make at apply calls the library's own rule (lib/rules), so the
// config refuses exactly what the library refuses, at the field the user wrote.

/** A string field checked by a library rule (`(value) => problem | undefined`). */
const checked = (rule: (value: string) => string | undefined) => z.string().superRefine((value, ctx) => {
  const problem = rule(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The segments of a library field path: `tags["cost center"]` gives `tags`, `cost center`; `a[0].b` gives a, 0, b. */
function segments(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)]
    .map(([, name, index, quoted]) => (index !== undefined ? Number(index) : quoted !== undefined ? JSON.parse(quoted) as string : name));
}

/** Reports a library rule's problems (fields relative to `path`) as issues at the config's fields. */
function report(ctx: z.RefinementCtx, path: readonly (string | number)[], problems: readonly PropProblem[]): void {
  for (const { field, problem } of problems) ctx.addIssue({ code: 'custom', path: [...path, ...segments(field)], message: problem });
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a subscription GUID');
const cidr = z.string().refine(isIpv4Cidr, 'must be an IPv4 CIDR such as 10.0.1.0/24');
// The region's cloud is checked with the stack's cloud in stack-issues.ts (regionProblem).
const location = checked(locationProblem);
const tags = z.record(z.string(), z.string()).superRefine((value, ctx) => report(ctx, [], tagProblems(value, 'resource', '')));
const resourceId = (type: string) => checked((id) => resourceIdProblem(id, type));
// Connection rules and approvers are checked by the library's own rules (lib/rules/connections.ts,
// lib/rules/approvers.ts) when PrivateBatch is built, and reported at these fields; here only their shape.
const connectionSchema = z.strictObject({
  action: z.string(),
  description: z.string().optional(),
  connectionName: z.string().optional(),
  privateEndpointId: z.string().optional(),
  endpoint: z.string().optional(),
  key: z.string().optional(),
});

const approverSchema = z.strictObject({
  objectId: z.string(),
  principalType: z.string().optional(),
  key: z.string().optional(),
});

// The AVM-style interfaces: shapes here, rules in the library (its problems name these config fields).
const lockSchema = z.strictObject({ kind: z.enum(LOCK_KINDS), name: z.string().optional(), notes: z.string().optional() });
const key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'must be 1-63 letters, digits, _ and - (it names a Terraform address)');
const roleAssignmentsSchema = z.record(key, z.strictObject({
  roleDefinitionIdOrName: z.string().min(1),
  principalId: z.string(),
  principalType: z.enum(PRINCIPAL_TYPES).optional(),
  description: z.string().optional(),
  condition: z.string().optional(),
  conditionVersion: z.enum(['1.0', '2.0']).optional(),
}));
const diagnosticSettingsSchema = z.record(key, z.strictObject({
  name: z.string().optional(),
  workspaceId: z.string().optional(),
  storageAccountId: z.string().optional(),
  eventHubAuthorizationRuleId: z.string().optional(),
  eventHubName: z.string().optional(),
  marketplacePartnerId: z.string().optional(),
  logCategoryGroups: z.array(z.enum(LOG_CATEGORY_GROUPS)).optional(),
  // Not an enum: the library names the deprecated ServiceLogs with its replacement.
  logCategories: z.array(z.string() as z.ZodType<(typeof BATCH_LOG_CATEGORIES)[number]>).optional(),
  metricCategories: z.array(z.literal('AllMetrics')).optional(),
  logAnalyticsDestinationType: z.enum(['AzureDiagnostics', 'Dedicated']).optional(),
}));

const endpointSchema = z.strictObject({
  subResource: z.enum(BATCH_SUB_RESOURCES),
  staticIp: z.string().optional(),
  dns: z.enum(DNS_MODES).default('records'),
  dnsTtl: z.number().int().min(1).max(2147483647).optional(),
  name: checked(endpointNameProblem).optional(),
  manualApproval: z.strictObject({ requestMessage: checked(requestMessageProblem) }).optional(),
  networkInterfaceName: z.string().optional(),
  connectionName: z.string().optional(),
  applicationSecurityGroupIds: z.array(resourceId('Microsoft.Network/applicationSecurityGroups')).optional(),
  zoneGroupName: z.string().optional(),
  lock: lockSchema.optional(),
  roleAssignments: roleAssignmentsSchema.optional(),
});

// The pool's fields are typed here; their rules are the library's (privateBatchPoolProblems), reported at these paths.
const poolSchema = z.strictObject({
  name: z.string(),
  vmSize: z.string(),
  image: z.strictObject({
    nodeAgentSkuId: z.string(),
    publisher: z.string().optional(),
    offer: z.string().optional(),
    sku: z.string().optional(),
    version: z.string().optional(),
    id: z.string().optional(),
  }),
  fixedScale: z.strictObject({
    dedicatedNodes: z.number().optional(),
    lowPriorityNodes: z.number().optional(),
    resizeTimeout: z.string().optional(),
  }).optional(),
  autoScale: z.strictObject({ formula: z.string(), evaluationInterval: z.string().optional() }).optional(),
  subnet: z.enum(['endpoint', 'pool']).default('endpoint'),
});

const accountSchema = z.strictObject({
  name: z.string().refine((n) => !accountNameProblem(n), `must be ${ACCOUNT_NAME_RULE}`),
  poolAllocationMode: z.enum(['BatchService', 'UserSubscription']).default('BatchService'),
  keyVaultReference: z.strictObject({ id: resourceId('Microsoft.KeyVault/vaults'), url: checked(keyVaultUrlProblem) }).optional(),
  allowPublicNetworkAccess: z.boolean().default(false),
  allowSharedKeyAuthentication: z.boolean().default(false),
  identity: z.enum(['SystemAssigned', 'None']).default('SystemAssigned'),
  tags: tags.optional(),
  endpoints: z.array(endpointSchema).default([]),
  connections: z.array(connectionSchema).default([]),
  connectionApprovers: z.array(approverSchema).default([]),
  endpointResourceGroup: z.string().min(1).max(90).optional(),
  lock: lockSchema.optional(),
  roleAssignments: roleAssignmentsSchema.optional(),
  diagnosticSettings: diagnosticSettingsSchema.optional(),
  pools: z.array(poolSchema).default([]),
});

const externalAccountSchema = z.strictObject({
  id: z.string(),
  location: z.string(),
  endpoints: z.array(endpointSchema).min(1),
  // Approve rules for this stack's own manual endpoints, with the rights the owner delegated (connectionApprovers).
  connections: z.array(connectionSchema).default([]),
}).superRefine((account, ctx) => report(ctx, [], batchAccountIdProblems(account.id, account.location)
  // A location that names a region is checked with the stack's cloud below, once.
  .filter((p) => p.field !== 'location' || locationProblem(account.location) !== undefined)
  .map((p) => ({ ...p, field: p.field === 'accountId' ? 'id' : p.field }))));

const backendSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('local') }),
  z.strictObject({
    type: z.literal('cloud'),
    organization: z.string().min(1),
    hostname: z.string().min(1).optional(),
    workspace: z.union([
      z.strictObject({ name: z.string().min(1) }),
      z.strictObject({ tags: z.array(z.string().min(1)).min(1) }),
    ]),
  }),
]);

const stackShape = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and hyphens (it names a folder and a state file)'),
  cloud: z.enum(AZURE_CLOUDS).default('AzureCloud'),
  subscriptionId: guid,
  location,
  backend: backendSchema.default({ type: 'local' }),
  resourceGroup: z.strictObject({ name: checked(resourceGroupNameProblem) }),
  network: z.strictObject({
    vnetName: z.string().min(2).max(64),
    addressSpace: z.array(cidr).min(1),
    endpointSubnet: z.strictObject({ name: z.string().min(1).max(80), addressPrefix: checked(subnetPrefixProblem) }),
    poolSubnet: z.strictObject({ name: z.string().min(1).max(80), addressPrefix: checked(subnetPrefixProblem) }).optional(),
  }).optional(),
  existingSubnet: z.strictObject({
    id: resourceId('Microsoft.Network/virtualNetworks/subnets'),
    addressPrefix: checked(subnetPrefixProblem).optional(),
  }).optional(),
  dns: z.strictObject({
    existingZoneId: resourceId('Microsoft.Network/privateDnsZones').optional(),
    linkedVnetIds: z.array(resourceId('Microsoft.Network/virtualNetworks')).default([]),
    // The library's ZoneHealingProps; each field defaults as the library does (all on but removeStaleRecords).
    healing: z.strictObject({
      adoptExistingRecords: z.boolean().optional(),
      reportStaleRecords: z.boolean().optional(),
      removeStaleRecords: z.boolean().optional(),
      lookUpAccounts: z.boolean().optional(),
      checkLegacyZones: z.boolean().optional(),
    }).default({}),
    linkName: z.string().min(1).max(80).optional(),
    // With existingZoneId: own (create, and delete on destroy) the zone's links to linkedVnetIds; a named opt-in.
    ownVnetLinks: z.boolean().default(false),
  }).default({ linkedVnetIds: [], healing: {}, ownVnetLinks: false }),
  adopt: z.boolean().default(false),
  outputs: z.boolean().default(true),
  tags: tags.optional(),
  accounts: z.array(accountSchema).default([]),
  externalAccounts: z.array(externalAccountSchema).default([]),
});

/** A stack's fields, each checked on its own. */
export type StackShape = z.infer<typeof stackShape>;

const stackSchema = stackShape.superRefine(stackIssues).superRefine(staticIpIssues, { when: () => true });

/** The example app's config file: one entry per stack. */
export const configSchema = z.strictObject({
  stacks: z.array(stackSchema).min(1),
}).superRefine((config, ctx) => {
  const seen = new Set<string>();
  config.stacks.forEach((stack, i) => {
    if (seen.has(stack.name)) ctx.addIssue({ code: 'custom', path: ['stacks', i, 'name'], message: `duplicates stack name ${stack.name}` });
    seen.add(stack.name);
  });
});

/** A validated config file. */
export type AppConfig = z.infer<typeof configSchema>;
/** One stack of a validated config. */
export type StackConfig = AppConfig['stacks'][number];
/** One endpoint of a validated config. */
export type EndpointConfig = z.infer<typeof endpointSchema>;
/** One pool of a validated config (its shape; the library checks the rest). */
export type PoolConfig = z.infer<typeof poolSchema>;
/** One connection rule of a validated config (its shape; the library checks the rest). */
export type ConnectionConfig = z.infer<typeof connectionSchema>;
