/**
 * What a zone that heals synthesizes (issue #13): the plan-time reads, the import blocks, the checks and the deletes,
 * and what a zone made here leaves out. Their behaviour over applies is in dns-healing-lifecycle.test.ts.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzapiProvider, azapiProviderMatching } from '../lib/azapi/provider';
import { BatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { healingStack, HUB, HUB_VNET, SUB, zoneId } from './helpers/healing-stack';
import { rawConfig, synthConfig } from './helpers/config';
import { evaluateStackExpressions } from './helpers/hcl-eval';

const ZONE_ID = zoneId(SUB, 'rg-dns');
const NODE_ENDPOINT = 'azurerm_private_endpoint.pe_contosobatch01_nodemanagement';
/** A nodeManagement endpoint's FQDN, and the record it is named by in privatelink.batch.azure.com. */
const NODE_FQDN = 'contosobatch01.eastus.service.batch.azure.com';
const NODE_NAME = 'contosobatch01.eastus.service';
/** The zone's records as the plan reads them (zone_records_*), by name. */
const records = (names: string[]) => names.map((name) => ({ name, ips: ['10.0.0.4'] }));
/** What the plan reads: the zone's records, and the account's nodeManagement record name from the lookup (null before the account exists). */
const zoneAndAccount = (names: string[], recordName: string | null) => ({
  'local.zone_records_privatelink_batch_azure_com': records(names),
  'local.account_lookup_contosobatch01': { record_name: recordName, regions: [] },
});
const lists = (json: any): Record<string, any> => json.data?.azapi_resource_list ?? {};
const withoutMeta = ({ ['//']: _meta, ...rest }: any) => rest;

describe('a zone made here reads nothing: it starts empty', () => {
  it.each([
    ['the default example', () => synthConfig(rawConfig())['batch-private-eastus']],
    ['a created zone with every healing option on', () => healingStack({ zone: 'created', healing: { removeStaleRecords: true }, linkedVnetIds: [HUB_VNET] })],
  ])('%s has no data source, import, check or local', (_name, synth) => {
    const json = synth();
    expect(json.data).toBeUndefined();
    expect(json.import).toBeUndefined();
    expect(json.check).toBeUndefined();
    expect(json.locals).toBeUndefined();
  });

  it('keeps the nodeManagement record name from the endpoint\'s FQDN', () => {
    const json = healingStack({ zone: 'created' });
    expect(evaluateStackExpressions(json.locals, { name: json.resource.azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement.name }, {
      [NODE_ENDPOINT]: { custom_dns_configs: [{ fqdn: NODE_FQDN }] },
    })).toEqual({ name: NODE_NAME });
  });
});

describe('an existing zone', () => {
  // The account lookup is on with adopt only; these tests are about what it gives.
  const LOOKUP = { lookUpAccounts: true };
  const json = healingStack({ healing: LOOKUP });

  it('lists its A records once, under the zone\'s ID in the casing azurerm\'s importer needs, with every item in one shape', () => {
    const typed = healingStack({ healing: LOOKUP, zoneIdAsTyped: ZONE_ID.replace('resourceGroups', 'resourcegroups').replace('Microsoft.Network', 'microsoft.network') });
    expect(withoutMeta(lists(typed).zone_records_privatelink_batch_azure_com)).toEqual({
      provider: 'azapi',
      type: 'Microsoft.Network/privateDnsZones/A@2024-06-01',
      parent_id: ZONE_ID,
      response_export_values: { records: 'value[].{name: name, ips: properties.aRecords[].ipv4Address || `[]`}' },
    });
    expect(typed.import.map((i: any) => i.id)).toEqual([`${ZONE_ID}/A/\${each.value}`, `${ZONE_ID}/A/\${each.value}`]);
  });

  it('adopts each record it writes with an import block that imports only what the list holds', () => {
    expect(json.import).toEqual([
      { for_each: '${local.adopt_dns_contosobatch01_batchaccount}', to: 'azurerm_private_dns_a_record.dns_contosobatch01_batchaccount', id: `${ZONE_ID}/A/\${each.value}` },
      { for_each: '${local.adopt_dns_contosobatch01_nodemanagement}', to: 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement', id: `${ZONE_ID}/A/\${each.value}` },
    ]);
    // What each import takes: its own record where the zone holds it, nothing where it does not.
    const adopted = (records: string[], recordName: string | null) => evaluateStackExpressions(json.locals, {
      batchAccount: '${local.adopt_dns_contosobatch01_batchaccount}', nodeManagement: '${local.adopt_dns_contosobatch01_nodemanagement}',
    }, zoneAndAccount(records, recordName));
    expect(adopted(['contosobatch01.eastus', NODE_NAME, 'contosobatch01.westus', 'other.eastus'], NODE_NAME))
      .toEqual({ batchAccount: ['contosobatch01.eastus'], nodeManagement: [NODE_NAME] });
    expect(adopted(['other.eastus', NODE_NAME], null)).toEqual({ batchAccount: [], nodeManagement: [] });
  });

  it('names the nodeManagement record from the account once it exists, so it is known at plan, else from the endpoint', () => {
    const named = (recordName: string | null) => evaluateStackExpressions(json.locals, {
      name: json.resource.azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement.name,
    }, { ...zoneAndAccount([], recordName), [NODE_ENDPOINT]: { custom_dns_configs: [{ fqdn: `other.${NODE_FQDN}` }] } });
    expect(named(NODE_NAME)).toEqual({ name: NODE_NAME });
    expect(named(null)).toEqual({ name: `other.${NODE_NAME}` });
    expect(withoutMeta(lists(json).account_lookup_contosobatch01)).toEqual({
      provider: 'azapi',
      type: 'Microsoft.Batch/batchAccounts@2024-07-01',
      parent_id: `/subscriptions/${SUB}/resourceGroups/rg-batch`,
      response_export_values: { accounts: "value[?name=='contosobatch01'].{location: location, endpoint: properties.nodeManagementEndpoint}" },
    });
  });

  it('warns about stale records of each account in a check named for the account, and deletes nothing', () => {
    expect(Object.keys(json.check)).toEqual(['stale_records_contosobatch01']);
    // The check fails (a warning) while the zone holds a record of this account that no endpoint here writes.
    const holds = (records: string[]) => evaluateStackExpressions(json.locals, { ok: json.check.stale_records_contosobatch01.assert[0].condition }, zoneAndAccount(records, NODE_NAME)).ok;
    expect(holds(['contosobatch01.eastus', NODE_NAME, 'other.eastus'])).toBe(true);
    expect(holds(['contosobatch01.eastus', 'contosobatch01.westus'])).toBe(false);
    expect(json.resource.azapi_resource_action).toBeUndefined();
  });

  it('with removeStaleRecords, deletes only the records that prove to be its own, through the zone\'s azapi provider, and reports the rest', () => {
    const removing = healingStack({ hub: true, healing: { removeStaleRecords: true, lookUpAccounts: true } });
    const action = withoutMeta(removing.resource.azapi_resource_action.remove_stale_contosobatch01);
    expect(action).toMatchObject({
      provider: 'azapi.hub',
      type: 'Microsoft.Network/privateDnsZones/A@2024-06-01',
      resource_id: `${zoneId(HUB, 'rg-hub-dns')}/A/\${each.key}`,
      method: 'DELETE',
      when: 'apply',
    });
    // Only the account's own-region name and its own nodeManagement name can be deleted.
    expect(action.for_each).toContain('["contosobatch01.eastus", local.account_lookup_contosobatch01.record_name]');
    expect(action.for_each).toMatch(/if contains\(/);
    expect(Object.keys(removing.check)).toEqual(['stale_records_contosobatch01']);
    expect(removing.check.stale_records_contosobatch01.assert[0].condition).toMatch(/if !contains\(/);
  });

  it('with removeStaleRecords, deletes nothing of an account it refers to by ID: it only reports', () => {
    const external = healingStack({ externalAccount: true, healing: { removeStaleRecords: true } });
    expect(external.resource?.azapi_resource_action).toBeUndefined();
    expect(Object.keys(external.check)).toEqual(['stale_records_contosobatch01']);
  });

  it('reads a hub zone through an azapi provider of the hub\'s alias and subscription, and imports through the hub\'s azurerm provider', () => {
    const hub = healingStack({ hub: true, healing: LOOKUP });
    expect(hub.provider.azapi).toEqual([{ subscription_id: SUB }, { alias: 'hub', subscription_id: HUB }]);
    expect(lists(hub).zone_records_privatelink_batch_azure_com.provider).toBe('azapi.hub');
    expect(hub.import.map((i: any) => i.provider)).toEqual(['azurerm.hub', 'azurerm.hub']);
    // What the account's subscription says is read there, with the stack's own provider.
    expect(lists(hub).account_lookup_contosobatch01.provider).toBe('azapi');
  });

  it('checks for the legacy zone only with a VNet linked by literal ID, reading the zones of the zone\'s resource group inside the check', () => {
    expect(json.check.legacy_zones_privatelink_batch_azure_com).toBeUndefined();
    const linked = healingStack({ hub: true, linkedVnetIds: [HUB_VNET] });
    const check = linked.check.legacy_zones_privatelink_batch_azure_com;
    // Scoped to the check: a refused read is a warning, never a failed plan (issue #22, defect 6).
    expect(lists(linked).legacy_zones_privatelink_batch_azure_com).toBeUndefined();
    expect(check.data.azapi_resource_list.legacy_zones_privatelink_batch_azure_com).toMatchObject({ parent_id: `/subscriptions/${HUB}/resourceGroups/rg-hub-dns`, provider: 'azapi.hub' });
    // The check fails (a warning) when the zone's resource group holds the zone of the account's region, in any casing.
    const clean = (zones: unknown) => evaluateStackExpressions(linked.locals, { ok: check.assert[0].condition }, {
      'data.azapi_resource_list.legacy_zones_privatelink_batch_azure_com': { output: zones },
    }).ok;
    const zone = (name: string) => ({ id: `/subscriptions/${HUB}/resourceGroups/rg-hub-dns/providers/Microsoft.Network/privateDnsZones/${name}`, name });
    expect(clean({ zones: [zone('privatelink.batch.azure.com'), zone('privatelink.westus.batch.azure.com')] })).toBe(true);
    expect(clean({ zones: [zone('privatelink.batch.azure.com'), zone('PrivateLink.EastUS.batch.azure.com')] })).toBe(false);
    // A read that gave no list (refused, say) is no finding.
    expect(clean({})).toBe(true);
    expect(check.assert[0].error_message).toContain('Reader on resource group rg-hub-dns (Microsoft.Network/privateDnsZones/read)');
    expect(linked.locals?.legacy_zones_privatelink_batch_azure_com).toBeUndefined();
    expect(healingStack({ hub: true, linkedVnetIds: [HUB_VNET], healing: { checkLegacyZones: false } }).check.legacy_zones_privatelink_batch_azure_com).toBeUndefined();
  });

  it('reads no account by default: the lookup is for adopted setups, and lists the account\'s resource group only', () => {
    expect(lists(healingStack()).account_lookup_contosobatch01).toBeUndefined();
    expect(lists(json).account_lookup_contosobatch01.parent_id).toBe(`/subscriptions/${SUB}/resourceGroups/rg-batch`);
  });

  it('does not look up another team\'s account (its subscription may not be readable): its nodeManagement record is neither adopted nor attributed', () => {
    const external = healingStack({ externalAccount: true });
    expect(lists(external).account_lookup_contosobatch01).toBeUndefined();
    expect(external.import.map((i: any) => i.to)).toEqual(['azurerm_private_dns_a_record.dns_contosobatch01_batchaccount']);
    // Its records are attributed by the account's name alone: its own region's is not stale, another region's is, another account's is no business of it.
    const stale = evaluateStackExpressions(external.locals, { names: '${[for r in local.stale_records_contosobatch01 : r.name]}' }, {
      'local.zone_records_privatelink_batch_azure_com': records(['contosobatch01.eastus', 'contosobatch01.westus', 'other.eastus']),
    });
    expect(stale).toEqual({ names: ['contosobatch01.westus'] });
  });

  it('without the account lookup, adopts and attributes only the names known at synth', () => {
    const noLookup = healingStack({ healing: { lookUpAccounts: false } });
    expect(lists(noLookup).account_lookup_contosobatch01).toBeUndefined();
    expect(noLookup.import.map((i: any) => i.to)).toEqual(['azurerm_private_dns_a_record.dns_contosobatch01_batchaccount']);
    expect(noLookup.resource.azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement.name).not.toContain('account_lookup');
  });

  it('without adoption imports nothing but still reports; with everything off it reads nothing and adds no azapi provider', () => {
    const reportOnly = healingStack({ healing: { adoptExistingRecords: false } });
    expect(reportOnly.import).toBeUndefined();
    expect(Object.keys(reportOnly.check)).toEqual(['stale_records_contosobatch01']);
    const off = healingStack({ azapiProvider: false, linkedVnetIds: [HUB_VNET], healing: { adoptExistingRecords: false, reportStaleRecords: false, checkLegacyZones: false } });
    for (const key of ['data', 'import', 'check', 'locals']) expect(off[key]).toBeUndefined();
    expect(off.provider.azapi).toBeUndefined();
  });
});

describe('azapiProviderMatching', () => {
  it('gives an aliased azurerm provider an azapi provider with its alias, subscription and credentials, once', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const hub = new AzurermProvider(stack, 'hub', {
      alias: 'hub', features: [{}], subscriptionId: HUB, tenantId: 'tenant', clientId: 'client', environment: 'usgovernment', useOidc: true, useCli: false,
    });
    const first = azapiProviderMatching(stack, hub);
    expect(azapiProviderMatching(stack, hub)).toBe(first);
    expect(JSON.parse(Testing.synth(stack)).provider.azapi).toEqual([{
      alias: 'hub', subscription_id: HUB, tenant_id: 'tenant', client_id: 'client', environment: 'usgovernment', use_oidc: true, use_cli: false,
    }]);
  });

  it('gives a default azurerm provider the stack\'s default azapi provider', () => {
    const stack = new TerraformStack(new App(), 's');
    const own = new AzapiProvider(stack, 'azapi', { subscriptionId: SUB });
    expect(azapiProviderMatching(stack, new AzurermProvider(stack, 'azurerm', { features: [{}] }))).toBe(own);
    expect(azapiProviderMatching(stack)).toBe(own);
  });
});

describe('PrivateBatch and the example app turn it on for their zones', () => {
  const SUBNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe`;
  const ACCOUNT = { name: 'contosobatch', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB };
  const build = (dns: PrivateBatchProps['dns']) => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    new PrivateBatch(stack, 'batch', { account: ACCOUNT, subnet: SUBNET_ID, dns });
    return stack;
  };

  it('PrivateBatch heals a zone given by zoneId, with dns.healing passed through', () => {
    const json = JSON.parse(Testing.synth(build({ zoneId: ZONE_ID, healing: { removeStaleRecords: true } })));
    // The subnet's VNet is known by literal ID, so it is checked for a legacy zone link too.
    // The legacy-zone read sits in its check; no account lookup without adopt.
    expect(Object.keys(lists(json)).sort()).toEqual(['zone_records_privatelink_batch_azure_com']);
    expect(Object.keys(json.check).sort()).toEqual(['legacy_zones_privatelink_batch_azure_com', 'stale_records_contosobatch']);
    expect(Object.keys(json.resource.azapi_resource_action)).toEqual(['remove_stale_contosobatch']);
    expect(json.import).toHaveLength(1);
  });

  it('PrivateBatch refuses dns.healing with dns.zone: the zone is its owner\'s', () => {
    const zone = BatchPrivateDnsZone.fromZoneId(new TerraformStack(new App(), 'other'), 'zone', ZONE_ID);
    const problems = build({ zone, healing: {} }).node.findAll().flatMap((c) => c.node.validate());
    expect(problems).toContain('stack/batch: dns.healing only applies to a zone made here or given by zoneId, not to dns.zone');
  });

  it('config/hub-zone.json reads the hub zone through the dns alias and adopts, reports and checks for the legacy zone', () => {
    const json = synthConfig(rawConfig('hub-zone.json'))['batch-hub-dns-eastus'];
    expect(lists(json).zone_records_privatelink_batch_azure_com.provider).toBe('azapi.dns');
    expect(json.provider.azapi).toEqual([
      { environment: 'public', subscription_id: '11111111-2222-3333-4444-555555555555' },
      { alias: 'dns', environment: 'public', subscription_id: '99999999-8888-7777-6666-555555555555' },
    ]);
    expect(json.import.map((i: any) => i.to)).toEqual(['azurerm_private_dns_a_record.dns_teambatch01_batchaccount', 'azurerm_private_dns_a_record.dns_teambatch01_nodemanagement']);
    // The hub VNet's link is the hub's: checked, not owned (issue #22).
    expect(Object.keys(json.check).sort()).toEqual(['expected_link_vnet_hub', 'legacy_zones_privatelink_batch_azure_com', 'stale_records_teambatch01']);
    expect(Object.keys(json.resource.azurerm_private_dns_zone_virtual_network_link)).toEqual(['link_vnet_batch_spoke']);
  });

  it('the app maps dns.healing onto the zone, and rejects an unknown key of it', () => {
    const stack = { ...rawConfig('hub-zone.json').stacks[0], name: 'off' };
    stack.dns = { ...stack.dns, healing: { adoptExistingRecords: false, reportStaleRecords: false, checkLegacyZones: false } };
    expect(synthConfig({ stacks: [stack] }).off.data).toBeUndefined();
    stack.dns = { ...stack.dns, healing: { removeStale: true } };
    expect(() => synthConfig({ stacks: [stack] })).toThrow(/stacks\[0\]\.dns\.healing: Unrecognized key: "removeStale"/);
  });
});

describe('an existing zone written only by zone groups', () => {
  it('reads its records in the first synthesis, without the guards having synthesized the stack before', () => {
    const stack = new TerraformStack(new App({ skipValidation: true }), 'zone-groups');
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUB });
    new PrivateBatch(stack, 'batch', {
      account: { name: 'contosobatch01', resourceGroupName: 'rg-batch', location: 'eastus', subscriptionId: SUB },
      subnet: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-pe`,
      dns: { mode: 'zoneGroup', zoneId: ZONE_ID },
    });
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.keys(lists(json))).toContain('zone_records_privatelink_batch_azure_com');
    expect(Object.keys(json.locals)).toEqual(expect.arrayContaining(['zone_records_privatelink_batch_azure_com', 'stale_records_contosobatch01']));
  });
});
