import { accountNameProblem } from '../../../lib/rules/naming';
import { batchPublicSuffix } from '../../../lib/rules/clouds';
import { ArmError, badRequest, conflict } from '../arm/errors';
import { guidFor } from '../arm/guid';
import { keyOf } from '../arm/ids';
import { region } from '../arm/properties';
import { ArmContext, registerType } from '../arm/type-rules';
import { ArmResource } from '../arm/world';

export const BATCH_ACCOUNT_TYPE = 'Microsoft.Batch/batchAccounts';
export const POOL_TYPE = 'Microsoft.Batch/batchAccounts/pools';
export const CONNECTION_TYPE = 'Microsoft.Batch/batchAccounts/privateEndpointConnections';

registerType({
  type: BATCH_ACCOUNT_TYPE,
  /**
   * - Names: 3-24 lowercase letters and digits, unique within the region (REST spec `accountName`; azurerm
   *   `batch/validate/account_name.go`): an account of that name in the region, in any subscription, is a 409.
   * - Computed: `accountEndpoint` `<name>.<region>.<suffix>` and `nodeManagementEndpoint`
   *   `<guid>.<region>.service.<suffix>` (spec example BatchAccountGet.json; FACTS.md DNS section);
   *   `publicNetworkAccess` defaults to Enabled, `poolAllocationMode` to BatchService (spec 2024-07-01 defaults).
   */
  put(ctx, account, prior) {
    const problem = accountNameProblem(account.name);
    if (problem) throw badRequest('AccountNameInvalid', `The specified account name '${account.name}' is invalid: ${problem}.`);
    const loc = region(account.location);
    const twin = ctx.world.ofType(BATCH_ACCOUNT_TYPE)
      .find((a) => keyOf(a.id) !== keyOf(account.id) && a.name.toLowerCase() === account.name.toLowerCase() && region(a.location) === loc);
    // Unconfirmed: the error code; the rule (unique per region) is the REST spec's.
    if (twin) throw conflict('AccountNameAlreadyExists', `The specified account name is already in use in region '${loc}'.`);
    const suffix = batchPublicSuffix(ctx.cloud);
    const p = account.properties;
    const identity = account.identity as any;
    return {
      ...account,
      location: loc,
      ...(identity?.type?.includes('SystemAssigned') ? { identity: { ...identity,
        principalId: guidFor(ctx.world.seed, 'principal', account.id), tenantId: guidFor(ctx.world.seed, 'tenant') } } : {}),
      properties: {
        publicNetworkAccess: 'Enabled',
        poolAllocationMode: 'BatchService',
        ...p,
        accountEndpoint: `${account.name}.${loc}.${suffix}`.toLowerCase(),
        nodeManagementEndpoint: prior?.properties.nodeManagementEndpoint ?? `${guidFor(ctx.world.seed, 'node-management', account.id)}.${loc}.service.${suffix}`,
        provisioningState: 'Succeeded',
      },
    };
  },
  /** An account's connections go with it; the endpoints that pointed at it are Disconnected (Learn private-endpoint-overview). */
  afterDelete(ctx, account) {
    for (const pe of ctx.world.ofType('Microsoft.Network/privateEndpoints')) {
      if (targetOf(pe) === keyOf(account.id)) setEndpointState(ctx, pe.id, { status: 'Disconnected', description: 'The private link resource was deleted.' });
    }
  },
});

/** The lower-cased ID of the resource an endpoint connects to. */
export function targetOf(pe: ArmResource): string | undefined {
  const c = [...(pe.properties.privateLinkServiceConnections ?? []), ...(pe.properties.manualPrivateLinkServiceConnections ?? [])][0];
  return c ? keyOf(c.properties?.privateLinkServiceId ?? '') : undefined;
}

/** Writes a connection state into the endpoint's side (`privateLinkServiceConnectionState` of its connection). */
export function setEndpointState(ctx: ArmContext, endpointId: string, state: { status: string; description?: string }): void {
  const pe = ctx.world.get(endpointId);
  if (!pe) return;
  const update = (list: any[] | undefined) => list?.map((c) => ({ ...c, properties: { ...c.properties,
    privateLinkServiceConnectionState: { actionsRequired: 'None', description: state.description ?? '', status: state.status } } }));
  ctx.world.put({ ...pe, properties: { ...pe.properties,
    ...(pe.properties.privateLinkServiceConnections ? { privateLinkServiceConnections: update(pe.properties.privateLinkServiceConnections) } : {}),
    ...(pe.properties.manualPrivateLinkServiceConnections ? { manualPrivateLinkServiceConnections: update(pe.properties.manualPrivateLinkServiceConnections) } : {}) } });
}

/**
 * Batch `privateEndpointConnections` (REST spec Microsoft.Batch 2024-07-01 PrivateEndpointConnection_Update/_Delete):
 * - no PUT (the spec has GET, list, PATCH and DELETE only);
 * - PATCH writes `privateLinkServiceConnectionState.{status, description}`: Pending → Approved or Rejected,
 *   Approved → Rejected; a Rejected connection cannot be approved again (preamble facts; Learn private-link/
 *   manage-private-endpoint: a rejected connection must be recreated). Unconfirmed: the error code;
 * - DELETE removes it, and the endpoint's side reads Disconnected (Learn: private-link/private-endpoint-overview,
 *   "Remove ... the private endpoint ... Disconnected state").
 */
registerType({
  type: CONNECTION_TYPE,
  noPut: "The requested resource does not support http method 'PUT'.",
  patch(ctx, connection, body) {
    const wanted = body.properties?.privateLinkServiceConnectionState ?? {};
    const from = String(connection.properties.privateLinkServiceConnectionState?.status ?? 'Pending');
    const to = String(wanted.status ?? from);
    const allowed: Record<string, string[]> = { Pending: ['Pending', 'Approved', 'Rejected'], Approved: ['Approved', 'Rejected'], Rejected: ['Rejected'], Disconnected: ['Disconnected'] };
    if (!['Approved', 'Rejected', 'Pending'].includes(to) || !(allowed[from] ?? []).includes(to)) {
      throw new ArmError(400, 'PrivateEndpointConnectionStateChangeNotAllowed', `The private endpoint connection '${connection.name}' cannot change from status '${from}' to '${to}'.`);
    }
    const state = { actionsRequired: 'None', description: String(wanted.description ?? connection.properties.privateLinkServiceConnectionState?.description ?? ''), status: to };
    const endpointId = connection.properties.privateEndpoint?.id;
    if (endpointId) setEndpointState(ctx, endpointId, state);
    return { ...connection, properties: { ...connection.properties, privateLinkServiceConnectionState: state, provisioningState: 'Succeeded' } };
  },
  afterDelete(ctx, connection) {
    const endpointId = connection.properties.privateEndpoint?.id;
    if (endpointId) setEndpointState(ctx, endpointId, { status: 'Disconnected', description: 'The private endpoint connection was removed.' });
  },
});
