import { guidFor, secretFor } from '../../arm/guid';
import { parseId } from '../../arm/ids';
import { region } from '../../arm/properties';
import { BATCH_ACCOUNT_TYPE, POOL_TYPE } from '../../resources/batch';
import { Obj } from '../../values';
import { armTags, registerTf, rgId, tagsOf } from '../handler';
import { first, s, strings } from '../values';

registerTf({
  tfType: 'azurerm_batch_account',
  label: 'Batch Account',
  // azurerm v4.55.0 batch_account_resource.go: pool_allocation_mode Default BatchService, public_network_access_enabled Default true.
  defaults: { pool_allocation_mode: 'BatchService', public_network_access_enabled: true },
  // azurerm v4.55.0 batch_account_resource.go: ForceNew name, resource_group_name, location, pool_allocation_mode,
  // key_vault_reference, encryption... (only what the world distinguishes is listed).
  forceNew: ['name', 'resource_group_name', 'location', 'pool_allocation_mode', 'key_vault_reference'],
  armId: (v, st) => `${rgId(st, s(v, 'resource_group_name')!)}/providers/${BATCH_ACCOUNT_TYPE}/${s(v, 'name')}`,
  toArm: (v, id) => {
    const identity = first(v, 'identity');
    const kv = first(v, 'key_vault_reference');
    return { id, type: BATCH_ACCOUNT_TYPE, name: s(v, 'name')!, location: region(s(v, 'location')), tags: armTags(v),
      ...(identity ? { identity: { type: s(identity, 'type'), ...(strings(identity, 'identity_ids').length ? { userAssignedIdentities: Object.fromEntries(strings(identity, 'identity_ids').map((i) => [i, {}])) } : {}) } } : {}),
      properties: {
        poolAllocationMode: s(v, 'pool_allocation_mode') ?? 'BatchService',
        publicNetworkAccess: v.public_network_access_enabled === false ? 'Disabled' : 'Enabled',
        ...(strings(v, 'allowed_authentication_modes').length ? { allowedAuthenticationModes: strings(v, 'allowed_authentication_modes') } : {}),
        ...(kv ? { keyVaultReference: { id: s(kv, 'id'), url: s(kv, 'url') } } : {}),
        ...(s(v, 'storage_account_id') ? { autoStorage: { storageAccountId: s(v, 'storage_account_id') } } : {}),
      } };
  },
  toState: (a, _st, ctx) => {
    const p = a.properties;
    const identity = a.identity as any;
    return { id: a.id, name: a.name, resource_group_name: parseId(a.id).resourceGroup, location: region(a.location), tags: tagsOf(a),
      account_endpoint: p.accountEndpoint, pool_allocation_mode: p.poolAllocationMode,
      public_network_access_enabled: p.publicNetworkAccess !== 'Disabled',
      allowed_authentication_modes: p.allowedAuthenticationModes ?? [],
      // The keys come from listKeys (Microsoft.Batch/batchAccounts/listkeys/action); deterministic in the world.
      primary_access_key: secretFor(ctx.world.seed, 64, 'primary', a.id), secondary_access_key: secretFor(ctx.world.seed, 64, 'secondary', a.id),
      identity: identity ? [{ type: identity.type, identity_ids: Object.keys(identity.userAssignedIdentities ?? {}),
        principal_id: identity.principalId ?? null, tenant_id: identity.tenantId ?? guidFor(ctx.world.seed, 'tenant') }] : [] };
  },
});

registerTf({
  tfType: 'azurerm_batch_pool',
  label: 'Batch Pool',
  forceNew: ['name', 'resource_group_name', 'account_name', 'vm_size', 'node_agent_sku_id', 'network_configuration', 'storage_image_reference'],
  armId: (v, st) => `${rgId(st, s(v, 'resource_group_name')!)}/providers/${BATCH_ACCOUNT_TYPE}/${s(v, 'account_name')}/pools/${s(v, 'name')}`,
  toArm: (v, id) => {
    const net = first(v, 'network_configuration');
    const fixed = first(v, 'fixed_scale');
    const auto = first(v, 'auto_scale');
    return { id, type: POOL_TYPE, name: s(v, 'name')!, properties: {
      vmSize: s(v, 'vm_size'),
      ...(net ? { networkConfiguration: { subnetId: s(net, 'subnet_id'), publicIPAddressConfiguration: { provision: s(net, 'public_address_provisioning_type') } } } : {}),
      ...(s(v, 'target_node_communication_mode') ? { targetNodeCommunicationMode: s(v, 'target_node_communication_mode') } : {}),
      scaleSettings: fixed ? { fixedScale: { targetDedicatedNodes: (fixed as Obj).target_dedicated_nodes ?? 1 } }
        : auto ? { autoScale: { formula: s(auto, 'formula') } } : {},
    } };
  },
  toState: (a) => {
    const p = parseId(a.id);
    return { id: a.id, name: a.name, resource_group_name: p.resourceGroup, account_name: parseId(p.parentId).name, vm_size: a.properties.vmSize };
  },
});
