import { dependencyGraph } from '../../lib/guards/dependency-graph';
import { stackModel } from '../../lib/guards/stack-model';

/** A stack of resources by address, each with its config. */
function graphOf(resources: Record<string, Record<string, unknown>>, locals: Record<string, unknown> = {}) {
  const resource: Record<string, Record<string, unknown>> = {};
  for (const [address, config] of Object.entries(resources)) {
    const [type, name] = address.split('.');
    (resource[type] ??= {})[name] = config;
  }
  return dependencyGraph(stackModel({ resource, locals }));
}

describe('dependencyGraph: the order Terraform gives a stack', () => {
  it('follows references inside expressions, depends_on and replace_triggered_by', () => {
    const graph = graphOf({
      'azurerm_private_endpoint.pe': {},
      'azurerm_private_dns_zone.zone': {},
      'azurerm_private_dns_a_record.rec': { name: '${trimsuffix(azurerm_private_endpoint.pe.custom_dns_configs[0].fqdn, ".x")}', zone_name: '${azurerm_private_dns_zone.zone.name}' },
      'azurerm_batch_pool.pool': { depends_on: ['azurerm_private_dns_a_record.rec'] },
      'terraform_data.key': {},
      'azapi_resource_action.act': { lifecycle: { replace_triggered_by: ['terraform_data.key'] } },
    });
    expect([...graph.direct('azurerm_private_dns_a_record.rec')].sort()).toEqual(['azurerm_private_dns_zone.zone', 'azurerm_private_endpoint.pe']);
    expect(graph.after('azurerm_batch_pool.pool', 'azurerm_private_endpoint.pe')).toBe(true);
    expect(graph.after('azurerm_batch_pool.pool', 'azurerm_private_dns_zone.zone')).toBe(true);
    expect(graph.after('azapi_resource_action.act', 'terraform_data.key')).toBe(true);
    expect(graph.after('azurerm_private_endpoint.pe', 'azurerm_batch_pool.pool')).toBe(false);
  });

  it('follows references through locals, and ignores addresses that are not in the stack and cdktf\'s metadata', () => {
    const graph = graphOf({
      'azurerm_private_endpoint.pe': {},
      'azurerm_batch_pool.pool': { name: '${local.pick}', '//': { metadata: { path: 'azurerm_private_dns_zone.zone' } } },
      'azurerm_private_dns_zone.zone': {},
      'azurerm_role_assignment.ra': { description: 'names azurerm_virtual_network.elsewhere' },
    }, { pick: '${local.inner}', inner: '${azurerm_private_endpoint.pe.id}' });
    expect([...graph.direct('azurerm_batch_pool.pool')]).toEqual(['azurerm_private_endpoint.pe']);
    expect(graph.direct('azurerm_role_assignment.ra').size).toBe(0);
  });
});
