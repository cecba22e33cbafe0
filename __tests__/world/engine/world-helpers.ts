import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import '../../../world/engine/resources';
import { ArmContext } from '../../../world/engine/arm/type-rules';
import { ArmResource, Principal, World } from '../../../world/engine/arm/world';
import { armPut } from '../../../world/engine/arm/operations';
import { createEngine, Engine, Obj, UNKNOWN } from '../../../world/engine';

export const SUB = '11111111-2222-3333-4444-555555555555';
export const RG = `/subscriptions/${SUB}/resourceGroups/rg-batch`;
export const VNET = `${RG}/providers/Microsoft.Network/virtualNetworks/vnet-batch`;
export const SUBNET = `${VNET}/subnets/snet-pe`;
export const ZONE = `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.batch.azure.com`;
export const ACCOUNT = `${RG}/providers/Microsoft.Batch/batchAccounts/contosobatch01`;

/** An ARM context over a world, as Owner when the world declares no principals. */
export function armContext(world = new World(), clientId?: string): ArmContext {
  return { world, caller: world.principals.length ? { principal: world.principals.find((p) => p.clientId === clientId) ?? { name: 'x', roles: [] } } : {}, cloud: 'AzureCloud' };
}

/** A world with a resource group, a VNet 10.20.0.0/16 with subnet 10.20.1.0/24, the Batch zone and an account. */
export function seededContext(principals: Principal[] = []): ArmContext {
  const ctx = armContext(new World([], principals));
  const owner = { ...ctx, caller: {} };
  for (const r of seed()) armPut(owner, r);
  return ctx;
}

/** The resources of {@link seededContext}. */
export function seed(): ArmResource[] {
  return [
    { id: RG, type: 'Microsoft.Resources/resourceGroups', name: 'rg-batch', location: 'eastus', properties: {} },
    { id: VNET, type: 'Microsoft.Network/virtualNetworks', name: 'vnet-batch', location: 'eastus', properties: { addressSpace: { addressPrefixes: ['10.20.0.0/16'] } } },
    { id: SUBNET, type: 'Microsoft.Network/virtualNetworks/subnets', name: 'snet-pe', properties: { addressPrefixes: ['10.20.1.0/24'] } },
    { id: ZONE, type: 'Microsoft.Network/privateDnsZones', name: 'privatelink.batch.azure.com', location: 'global', properties: {} },
    { id: ACCOUNT, type: 'Microsoft.Batch/batchAccounts', name: 'contosobatch01', location: 'eastus', properties: { publicNetworkAccess: 'Disabled' } },
  ];
}

/** A private endpoint to the account. */
export function endpoint(name: string, group: 'batchAccount' | 'nodeManagement', options: { ip?: string; manual?: boolean; subnet?: string } = {}): ArmResource {
  const connection = { name: `${name}-connection`, properties: { privateLinkServiceId: ACCOUNT, groupIds: [group], ...(options.manual ? { requestMessage: 'please' } : {}) } };
  return { id: `${RG}/providers/Microsoft.Network/privateEndpoints/${name}`, type: 'Microsoft.Network/privateEndpoints', name, location: 'eastus', properties: {
    subnet: { id: options.subnet ?? SUBNET },
    [options.manual ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections']: [connection],
    ...(options.ip ? { ipConfigurations: [{ name: `${name}-ipconfig`, properties: { privateIPAddress: options.ip, groupId: group, memberName: group } }] } : {}),
  } };
}

/** An engine configured on a fresh world file (optionally seeded), for azurerm or azapi. */
export function engineOn(content?: unknown, provider: 'azurerm' | 'azapi' = 'azurerm', config: Record<string, unknown> = {}): { engine: Engine; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'azure-world-')), 'world.json');
  if (content !== undefined) writeFileSync(file, JSON.stringify(content));
  const engine = createEngine();
  engine.configure({ provider, config: { subscription_id: SUB, environment: 'public', ...config }, worldFile: file });
  return { engine, file };
}

/** A create through the engine: planned values with the computed ones UNKNOWN. */
export function create(engine: Engine, type: string, values: Obj, computed: string[] = ['id']) {
  const planned: Obj = { ...values };
  for (const k of computed) planned[k] = UNKNOWN;
  return engine.applyResource(type, { prior: null, planned, config: values });
}

/** The first error summary of a result. */
export function errorOf(result: { diagnostics: { severity: string; summary: string }[] }): string {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.summary).join('\n');
}
