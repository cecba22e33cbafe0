import { readFileSync, writeFileSync } from 'fs';
import { createEngine } from '../../../world/engine';
import { formatWorld, loadWorld, parseWorld, saveWorld, withWorld } from '../../../world/engine/arm/world-file';
import { World } from '../../../world/engine/arm/world';
import { engineOn, RG } from './world-helpers';

describe('the world file', () => {
  const rg = { id: RG, type: 'Microsoft.Resources/resourceGroups', name: 'rg-batch', location: 'eastus', properties: {} };

  test('a bare array stays an array; keys are sorted at every level; resources by lower-cased ID', () => {
    const other = { ...rg, id: '/subscriptions/0/resourceGroups/A', name: 'A' };
    const text = formatWorld(parseWorld(JSON.stringify([rg, other])));
    expect(text.startsWith('[')).toBe(true);
    expect(text.indexOf('/subscriptions/0/')).toBeLessThan(text.indexOf(RG));
    expect(text.indexOf('"id"')).toBeLessThan(text.indexOf('"location"'));
    expect(formatWorld(parseWorld(text))).toBe(text);
  });

  test('principals and faults make it an object', () => {
    const world = parseWorld(JSON.stringify({ resources: [rg], principals: [{ name: 'spoke', clientId: 'c', roles: [] }] }));
    expect(JSON.parse(formatWorld(world))).toMatchObject({ principals: [{ name: 'spoke' }], resources: [{ id: RG }], faults: [] });
  });

  test('a missing file is an empty world, and only a change is written', () => {
    const { file } = engineOn();
    expect(loadWorld(file).sorted()).toEqual([]);
    withWorld(file, () => undefined);
    expect(() => readFileSync(file)).toThrow();
    withWorld(file, (w) => w.put(rg));
    saveWorld(file, loadWorld(file));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([rg]);
    expect(new World().bare).toBe(true);
  });
});

describe('configuring the engine', () => {
  test('a world file that is not JSON fails the provider configuration, naming the file', () => {
    const { file } = engineOn();
    writeFileSync(file, '{ not json');
    const engine = createEngine();
    const [d] = engine.configure({ provider: 'azurerm', config: {}, worldFile: file });
    expect(d).toMatchObject({ severity: 'error', summary: `the Azure world file ${file} cannot be read` });
  });
});
