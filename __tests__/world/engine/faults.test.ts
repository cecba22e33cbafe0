import { readFileSync } from 'fs';
import { UNKNOWN } from '../../../world/engine';
import { armPut } from '../../../world/engine/arm/operations';
import { endpoint, engineOn, errorOf, seededContext } from './world-helpers';

describe('faults the world declares', () => {
  const fault = { type: 'Microsoft.Network/privateEndpoints', name: 'pe-a', code: 'PrivateIPAddressIsAllocated', message: 'IP 10.20.1.10 is taken' };

  test('a matching create fails with the declared error; others pass', () => {
    const ctx = seededContext();
    ctx.world.faults.push(fault);
    expect(() => armPut(ctx, endpoint('pe-a', 'batchAccount'))).toThrow(expect.objectContaining({ status: 400, code: 'PrivateIPAddressIsAllocated', message: 'IP 10.20.1.10 is taken' }));
    expect(() => armPut(ctx, endpoint('pe-b', 'batchAccount'))).not.toThrow();
    expect(ctx.world.get(endpoint('pe-a', 'batchAccount').id)).toBeUndefined();
  });

  test('`times` counts down in the world file, so a retry can succeed', () => {
    const { engine, file } = engineOn({ resources: [], faults: [{ type: 'Microsoft.Resources/resourceGroups', code: 'RequestDisallowedByPolicy', status: 403, message: 'denied by policy', times: 1 }] });
    const values = { name: 'rg-x', location: 'eastus', tags: null, managed_by: null, id: UNKNOWN };
    expect(errorOf(engine.applyResource('azurerm_resource_group', { prior: null, planned: values, config: values }))).toMatch(/403 .*RequestDisallowedByPolicy: denied by policy/);
    expect(JSON.parse(readFileSync(file, 'utf8')).faults[0].times).toBe(0);
    expect(errorOf(engine.applyResource('azurerm_resource_group', { prior: null, planned: values, config: values }))).toBe('');
  });
});
