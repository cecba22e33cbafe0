import { readFileSync } from 'fs';
import { parseWorld } from '../../../world/engine/arm/world-file';
import { resolve } from '../../../world/dns';
import { Obj, UNKNOWN } from '../../../world/engine';
import { create, engineOn, errorOf } from './world-helpers';

/**
 * config/example.json's stack, applied through the engine in Terraform's order with its references resolved by hand:
 * what the library reads back (endpoint IPs, FQDNs) looks like Azure's, and the account's name resolves in the VNet.
 */
describe('the example stack through the engine', () => {
  test('apply, refresh with no drift, DNS, destroy in reverse order', () => {
    const { engine, file } = engineOn();
    const tags = { workload: 'batch', 'managed-by': 'cdktf' };
    const states: [string, Obj][] = [];
    const apply = (type: string, values: Obj, computed: string[]) => {
      const r = create(engine, type, values, ['id', ...computed]);
      expect(errorOf(r)).toBe('');
      states.push([type, r.state!]);
      return r.state!;
    };
    apply('azurerm_resource_group', { name: 'rg-batch-private-eastus', location: 'eastus', tags, managed_by: null }, []);
    const vnet = apply('azurerm_virtual_network', { name: 'vnet-batch-eastus', resource_group_name: 'rg-batch-private-eastus', location: 'eastus', address_space: ['10.20.0.0/16'], tags }, ['guid', 'subnet', 'dns_servers']);
    const subnet = apply('azurerm_subnet', { name: 'snet-private-endpoints', resource_group_name: 'rg-batch-private-eastus', virtual_network_name: 'vnet-batch-eastus', address_prefixes: ['10.20.1.0/24'], private_endpoint_network_policies: 'Disabled' }, []);
    const zone = apply('azurerm_private_dns_zone', { name: 'privatelink.batch.azure.com', resource_group_name: 'rg-batch-private-eastus', tags: null }, ['number_of_record_sets', 'max_number_of_record_sets', 'max_number_of_virtual_network_links', 'max_number_of_virtual_network_links_with_registration']);
    apply('azurerm_private_dns_zone_virtual_network_link', { name: 'link-vnet-batch-eastus', private_dns_zone_name: zone.name, resource_group_name: 'rg-batch-private-eastus', virtual_network_id: vnet.id, registration_enabled: false }, ['resolution_policy']);
    const account = apply('azurerm_batch_account', { name: 'contosobatch01', resource_group_name: 'rg-batch-private-eastus', location: 'eastus', pool_allocation_mode: 'BatchService',
      public_network_access_enabled: false, allowed_authentication_modes: ['AAD'], identity: [{ type: 'SystemAssigned', identity_ids: null, principal_id: UNKNOWN, tenant_id: UNKNOWN }], tags }, ['account_endpoint', 'primary_access_key', 'secondary_access_key']);
    expect(account.account_endpoint).toBe('contosobatch01.eastus.batch.azure.com');
    expect((account.identity as Obj[])[0].principal_id).toMatch(/^[0-9a-f-]{36}$/);
    const pe = (sub: string, ip?: string) => apply('azurerm_private_endpoint', { name: `pe-contosobatch01-${sub.toLowerCase()}`, resource_group_name: 'rg-batch-private-eastus', location: 'eastus', subnet_id: subnet.id,
      custom_network_interface_name: `pe-contosobatch01-${sub.toLowerCase()}-nic`, tags,
      ip_configuration: ip ? [{ name: 'ipconfig', private_ip_address: ip, subresource_name: sub, member_name: sub }] : [],
      private_service_connection: [{ name: 'c', is_manual_connection: false, private_connection_resource_id: account.id, subresource_names: [sub], request_message: null, private_connection_resource_alias: null, private_ip_address: UNKNOWN }],
    }, ['custom_dns_configs', 'network_interface', 'private_dns_zone_configs']);
    const ba = pe('batchAccount', '10.20.1.10');
    const nm = pe('nodeManagement');
    expect((ba.private_service_connection as Obj[])[0].private_ip_address).toBe('10.20.1.10');
    expect((nm.private_service_connection as Obj[])[0].private_ip_address).toBe('10.20.1.4');
    expect(ba.network_interface).toEqual([{ id: expect.stringMatching(/networkInterfaces\/pe-contosobatch01-batchaccount-nic$/), name: 'pe-contosobatch01-batchaccount-nic' }]);
    const nmFqdn = String((nm.custom_dns_configs as Obj[])[0].fqdn);
    // The library's record names: the batchAccount name, and the nodeManagement FQDN less the public suffix.
    apply('azurerm_private_dns_a_record', { name: 'contosobatch01.eastus', zone_name: zone.name, resource_group_name: 'rg-batch-private-eastus', ttl: 10, records: ['10.20.1.10'], tags: null }, ['fqdn']);
    apply('azurerm_private_dns_a_record', { name: nmFqdn.replace(/\.batch\.azure\.com$/, ''), zone_name: zone.name, resource_group_name: 'rg-batch-private-eastus', ttl: 10, records: ['10.20.1.4'], tags: null }, ['fqdn']);

    // A refresh changes nothing the configuration sets; the zone's record count is Azure's to compute (three: two A and the SOA).
    for (const [type, state] of states) {
      const expected = type === 'azurerm_private_dns_zone' ? { ...state, number_of_record_sets: 3 } : state;
      expect(engine.readResource(type, state).state).toEqual(expected);
    }

    const world = parseWorld(readFileSync(file, 'utf8'));
    const answer = resolve(world, String(vnet.id), 'contosobatch01.eastus.batch.azure.com');
    expect(answer.addresses).toEqual(['10.20.1.10']);
    expect(answer.endpoints).toEqual([ba.id]);
    expect(resolve(world, String(vnet.id), String(account.account_endpoint)).addresses).toEqual(['10.20.1.10']);
    expect(resolve(world, String(vnet.id), nmFqdn).addresses).toEqual(['10.20.1.4']);

    for (const [type, state] of [...states].reverse()) {
      expect(errorOf(engine.applyResource(type, { prior: state, planned: null, config: null }))).toBe('');
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });
});
