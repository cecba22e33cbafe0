import { formatFinding } from '../../lib/guards/finding';
import { blocks, isLiteral, literalValue, providerOf, referenceOf, resourceAt, stackModel } from '../../lib/guards/stack-model';
import { modelOf, privateSetup } from './stack-json';

describe('the stack model', () => {
  it('reads resources, data sources, outputs, locals and providers, with construct paths from metadata or the map', () => {
    const model = stackModel({
      resource: { azurerm_resource_group: { rg: { name: 'rg', '//': { metadata: { path: 'stack/rg' } } }, other: { name: 'x' } } },
      data: { azurerm_client_config: { current: {} } },
      output: { out: { value: 'v', sensitive: true }, plain: { value: 1 } },
      locals: { a: 'b' },
      provider: { azurerm: [{ features: [{}] }, { alias: 'hub', subscription_id: 's' }], azapi: [{}] },
    }, { paths: new Map([['azurerm_resource_group.other', 'stack/other'], ['out', 'stack/out']]) });
    expect(model.resources.map((r) => [r.address, r.path, r.mode])).toEqual([
      ['azurerm_resource_group.rg', 'stack/rg', 'managed'],
      ['azurerm_resource_group.other', 'stack/other', 'managed'],
      ['data.azurerm_client_config.current', 'data.azurerm_client_config.current', 'data'],
    ]);
    expect(model.outputs).toEqual([
      { name: 'out', path: 'stack/out', value: 'v', sensitive: true },
      { name: 'plain', path: 'plain', value: 1, sensitive: false },
    ]);
    expect(model.locals).toEqual({ a: 'b' });
    expect(Object.keys(model.providers)).toEqual(['azurerm', 'azurerm.hub', 'azapi']);
    expect([model.publicAccessOptIns.size, model.optIns.size, model.existingZoneIds.size, model.accountsElsewhere]).toEqual([0, 0, 0, []]);
  });

  it('reads an empty stack', () => {
    expect(stackModel({})).toMatchObject({ resources: [], outputs: [], locals: {}, providers: {} });
  });

  it('tells one reference from other values', () => {
    expect(referenceOf('${azurerm_subnet.pe.id}')).toEqual({ address: 'azurerm_subnet.pe', attribute: 'id' });
    expect(referenceOf('${azurerm_private_endpoint.pe.private_service_connection[0].private_ip_address}'))
      .toEqual({ address: 'azurerm_private_endpoint.pe', attribute: 'private_service_connection[0].private_ip_address' });
    expect(referenceOf('${upper(azurerm_subnet.pe.id)}')).toBeUndefined();
    expect(referenceOf('x ${azurerm_subnet.pe.id}')).toBeUndefined();
    expect(referenceOf('${azurerm_subnet.pe.id} x')).toBeUndefined();
    expect(referenceOf('${var.x}')).toBeUndefined();
    expect(referenceOf(7)).toBeUndefined();
    expect(isLiteral('eastus')).toBe(true);
    expect(isLiteral('${var.x}-suffix')).toBe(false);
    expect(isLiteral(undefined)).toBe(false);
  });

  it('takes a block as a list, whether synthesized as one object, a list or nothing', () => {
    expect(blocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(blocks([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
    expect(blocks(undefined)).toEqual([]);
    expect(blocks(null)).toEqual([]);
  });

  it('follows one reference to a literal attribute, and no further', () => {
    const setup = privateSetup();
    setup.json.resource.azurerm_resource_group.rg.location = '${var.location}';
    const model = modelOf(setup);
    expect(literalValue(model, '${azurerm_resource_group.rg.name}')).toBe('rg-batch');
    expect(literalValue(model, '${azurerm_resource_group.rg.location}')).toBeUndefined();
    expect(literalValue(model, '${azurerm_resource_group.missing.name}')).toBeUndefined();
    expect(literalValue(model, '${azurerm_subnet.pe.resource_group_name}')).toBeUndefined();
    expect(literalValue(model, 'literal')).toBe('literal');
    expect(literalValue(model, 3)).toBeUndefined();
  });

  it('finds a resource\'s provider by its alias, or the default of its type', () => {
    const setup = privateSetup({ ...privateSetup().variant, hub: true });
    const model = modelOf(setup);
    expect(providerOf(model, resourceAt(model, 'azurerm_private_dns_a_record.dns_account')!)).toMatchObject({ alias: 'hub' });
    expect(providerOf(model, resourceAt(model, 'azurerm_subnet.pe')!)).not.toHaveProperty('alias');
    expect(providerOf(model, { type: 'azapi_resource', address: 'a', path: 'a', config: {}, mode: 'managed' })).toBeUndefined();
  });

  it('formats a finding with the value, or unset, and the file origin when there is one', () => {
    const finding = { path: 'stack/x', attribute: 'name', value: 'v', problem: 'is wrong', fix: 'change it' };
    expect(formatFinding(finding)).toBe('stack/x: name = "v": is wrong. Fix: change it');
    expect(formatFinding({ ...finding, value: undefined })).toBe('stack/x: name = unset: is wrong. Fix: change it');
    expect(formatFinding({ ...finding, origin: { source: 'c.json', path: 'stacks[0].name' } })).toBe('c.json: stacks[0].name (stack/x): name = "v": is wrong. Fix: change it');
  });
});
