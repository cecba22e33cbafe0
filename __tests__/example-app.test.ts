import { resources, synthConfig, rawConfig } from './helpers/config';

const json = synthConfig(rawConfig())['batch-private-eastus'];
const endpoints = resources(json, 'azurerm_private_endpoint');
const records = resources(json, 'azurerm_private_dns_a_record');
const endpointOf = (sub: string) => Object.entries(endpoints).find(([, e]) => e.private_service_connection.subresource_names[0] === sub)!;

describe('the default example', () => {
  it('creates one private account with public access disabled and AAD-only auth', () => {
    const accounts = Object.values(resources(json, 'azurerm_batch_account'));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      name: 'contosobatch01',
      location: 'eastus',
      public_network_access_enabled: false,
      allowed_authentication_modes: ['AAD'],
      identity: { type: 'SystemAssigned' },
    });
    expect(accounts[0].network_profile).toBeUndefined();
  });

  it('connects a batchAccount endpoint with a static IP and a dynamic nodeManagement endpoint to the account', () => {
    const [accountId] = Object.keys(resources(json, 'azurerm_batch_account'));
    const [, batch] = endpointOf('batchAccount');
    const [, nodes] = endpointOf('nodeManagement');
    for (const endpoint of [batch, nodes]) {
      expect(endpoint.private_service_connection).toMatchObject({
        private_connection_resource_id: `\${azurerm_batch_account.${accountId}.id}`,
        is_manual_connection: false,
      });
      expect(endpoint.subnet_id).toBe('${azurerm_subnet.EndpointSubnet.id}');
    }
    expect(batch.ip_configuration).toEqual([{
      name: 'pe-contosobatch01-batchaccount-ipconfig', private_ip_address: '10.20.1.10', subresource_name: 'batchAccount', member_name: 'batchAccount',
    }]);
    expect(nodes.ip_configuration).toBeUndefined();
  });

  it('gives every endpoint exactly one A record, carrying that endpoint\'s IP, in the cloud\'s zone', () => {
    const [batchId] = endpointOf('batchAccount');
    const [nodesId] = endpointOf('nodeManagement');
    const [zoneId, zone] = Object.entries(resources(json, 'azurerm_private_dns_zone'))[0];
    expect(zone.name).toBe('privatelink.batch.azure.com');
    expect(Object.keys(records)).toHaveLength(2);
    for (const record of Object.values(records)) {
      expect(record.zone_name).toBe(`\${azurerm_private_dns_zone.${zoneId}.name}`);
      expect(record.ttl).toBe(10);
    }
    const byName = (test: (name: string) => boolean) => Object.values(records).filter((r) => test(r.name));
    expect(byName((n) => n === 'contosobatch01.eastus')).toEqual([expect.objectContaining({ records: ['10.20.1.10'] })]);
    expect(byName((n) => n.includes(nodesId))).toEqual([expect.objectContaining({
      name: `\${trimsuffix(azurerm_private_endpoint.${nodesId}.custom_dns_configs[0].fqdn, ".batch.azure.com")}`,
      records: [`\${azurerm_private_endpoint.${nodesId}.private_service_connection[0].private_ip_address}`],
    })]);
    expect(JSON.stringify(records)).not.toContain(`azurerm_private_endpoint.${batchId}.private_service_connection`);
  });

  it('links the zone to the endpoints\' VNet with registration off', () => {
    const links = Object.values(resources(json, 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toEqual([expect.objectContaining({ virtual_network_id: '${azurerm_virtual_network.Vnet.id}', registration_enabled: false })]);
  });

  it('keeps local state at a relative path, so the output is the same on every machine', () => {
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform.batch-private-eastus.tfstate' } });
  });

  it('puts one small pool in the pool subnet: no public IPs, simplified communication, made after node management is reachable', () => {
    const pools = resources(json, 'azurerm_batch_pool');
    const [nodesId] = endpointOf('nodeManagement');
    expect(Object.keys(pools)).toEqual(['pool_contosobatch01_small']);
    expect(pools.pool_contosobatch01_small).toMatchObject({
      name: 'small',
      account_name: '${azurerm_batch_account.batch_contosobatch01.name}',
      vm_size: 'Standard_D2s_v3',
      node_agent_sku_id: 'batch.node.ubuntu 22.04',
      target_node_communication_mode: 'Simplified',
      fixed_scale: { target_dedicated_nodes: 1, target_low_priority_nodes: 0 },
      network_configuration: { subnet_id: '${azurerm_subnet.PoolSubnet.id}', public_address_provisioning_type: 'NoPublicIPAddresses' },
      depends_on: [
        `azurerm_private_endpoint.${nodesId}`, 'azurerm_private_dns_a_record.dns_contosobatch01_nodemanagement',
        'azurerm_private_dns_zone.zone_privatelink_batch_azure_com', 'azurerm_private_dns_zone_virtual_network_link.link_vnet_batch_eastus',
      ],
    });
    expect(pools.pool_contosobatch01_small.network_configuration.endpoint_configuration).toBeUndefined();
    expect(resources(json, 'azurerm_subnet').PoolSubnet).toMatchObject({ address_prefixes: ['10.20.2.0/24'], virtual_network_name: '${azurerm_virtual_network.Vnet.name}' });
  });

  it('outputs FQDN → IP pairs, the record FQDNs, the zone ID, the pool and the node management FQDN its nodes resolve', () => {
    expect(Object.keys(json.output).sort()).toEqual([
      'contosobatch01_endpoint_ips', 'contosobatch01_node_management_fqdn', 'contosobatch01_pool_small', 'contosobatch01_record_fqdns', 'dns_zone_id',
    ]);
    expect(json.output.contosobatch01_pool_small.value).toEqual({ id: '${azurerm_batch_pool.pool_contosobatch01_small.id}', subnet_id: '${azurerm_subnet.PoolSubnet.id}' });
    expect(json.output.contosobatch01_node_management_fqdn.value).toBe('${azurerm_private_endpoint.pe_contosobatch01_nodemanagement.custom_dns_configs[0].fqdn}');
    expect(json.output.contosobatch01_endpoint_ips.value).toMatchObject({ 'contosobatch01.eastus.batch.azure.com': '10.20.1.10' });
  });

  it('matches the reviewed snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});
