import { readFileSync, writeFileSync } from 'fs';
import { create, engineOn, errorOf, RG } from './world-helpers';

// The generic rules every type follows, through the engine as the plugins call it.
describe('create, import, refresh', () => {
  const rg = { name: 'rg-batch', location: 'eastus', tags: null, managed_by: null };

  test('creating what exists fails with azurerm\'s import text (helpers/tf/errors.go ImportAsExistsError)', () => {
    const { engine } = engineOn([{ id: RG, type: 'Microsoft.Resources/resourceGroups', name: 'rg-batch', location: 'eastus', properties: {} }]);
    const result = create(engine, 'azurerm_resource_group', rg);
    expect(errorOf(result)).toBe(`a resource with the ID "${RG}" already exists - to be managed via Terraform this resource needs to be ` +
      'imported into the State. Please see the resource documentation for "azurerm_resource_group" for more information');
    expect(result.state).toBeNull();
  });

  test('a create fills the computed ID as Azure spells it', () => {
    const { engine } = engineOn();
    expect(create(engine, 'azurerm_resource_group', rg).state).toEqual({ ...rg, id: RG });
  });

  test('importing an ID that is not there gives no state (Terraform then says "Cannot import non-existent remote object")', () => {
    const { engine } = engineOn();
    expect(engine.importResource('azurerm_resource_group', RG)).toEqual({ state: null, diagnostics: [] });
  });

  test('an import reads what exists', () => {
    const { engine } = engineOn([{ id: RG, type: 'Microsoft.Resources/resourceGroups', name: 'rg-batch', location: 'eastus', properties: {} }]);
    expect(engine.importResource('azurerm_resource_group', RG.toLowerCase()).state).toMatchObject({ id: RG, name: 'rg-batch' });
  });

  test('a refresh of something deleted outside Terraform gives null, so the plan re-creates it', () => {
    const { engine } = engineOn();
    const state = create(engine, 'azurerm_resource_group', rg).state!;
    expect(engine.applyResource('azurerm_resource_group', { prior: state, planned: null, config: null }).state).toBeNull();
    expect(engine.readResource('azurerm_resource_group', state).state).toBeNull();
  });

  test('a refresh shows drift: what the world holds differently replaces the prior value', () => {
    const { engine, file } = engineOn();
    const state = create(engine, 'azurerm_resource_group', { ...rg, tags: { a: '1' } }).state!;
    const text = readFileSync(file, 'utf8').replace('"a": "1"', '"a": "2"');
    writeFileSync(file, text);
    expect(engine.readResource('azurerm_resource_group', state).state!.tags).toEqual({ a: '2' });
  });

  test('a parent that does not exist is a 404: the resource group of a VNet', () => {
    const { engine } = engineOn();
    const result = create(engine, 'azurerm_virtual_network', { name: 'v', resource_group_name: 'rg-missing', location: 'eastus', address_space: ['10.0.0.0/16'] }, ['id', 'guid']);
    expect(errorOf(result)).toMatch(/unexpected status 404 .* ResourceGroupNotFound: Resource group 'rg-missing' could not be found/);
  });

  test('a parent that does not exist is a 404: the zone of a record', () => {
    const { engine } = engineOn([{ id: RG, type: 'Microsoft.Resources/resourceGroups', name: 'rg-batch', location: 'eastus', properties: {} }]);
    const result = create(engine, 'azurerm_private_dns_a_record', { name: 'a.eastus', resource_group_name: 'rg-batch', zone_name: 'privatelink.batch.azure.com', ttl: 10, records: ['10.0.0.4'] }, ['id', 'fqdn']);
    expect(errorOf(result)).toMatch(/404 .*ParentResourceNotFound: .*'privatelink.batch.azure.com' not found/);
  });

  test('azurerm refuses to delete a resource group that still holds resources (features: prevent_deletion_if_contains_resources)', () => {
    const { engine } = engineOn();
    const state = create(engine, 'azurerm_resource_group', rg).state!;
    create(engine, 'azurerm_virtual_network', { name: 'v', resource_group_name: 'rg-batch', location: 'eastus', address_space: ['10.0.0.0/16'] }, ['id', 'guid']);
    const result = engine.applyResource('azurerm_resource_group', { prior: state, planned: null, config: null });
    expect(errorOf(result)).toMatch(/the Resource Group still contains Resources[\s\S]*virtualNetworks\/v/);
    expect(result.state).toEqual(state);
  });

});

describe('provider defaults', () => {
  test('an attribute left null whose azurerm default the world holds is no drift', () => {
    const { engine } = engineOn();
    create(engine, 'azurerm_resource_group', { name: 'rg-batch', location: 'eastus', tags: null, managed_by: null });
    create(engine, 'azurerm_virtual_network', { name: 'v', resource_group_name: 'rg-batch', location: 'eastus', address_space: ['10.0.0.0/16'] }, ['id', 'guid']);
    const subnet = create(engine, 'azurerm_subnet', { name: 's', resource_group_name: 'rg-batch', virtual_network_name: 'v', address_prefixes: ['10.0.1.0/24'], private_endpoint_network_policies: null }).state!;
    expect(engine.readResource('azurerm_subnet', subnet).state).toEqual(subnet);
  });
});
