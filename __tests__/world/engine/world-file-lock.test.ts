import { spawn } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '../../..');

/** A process that writes `count` resource groups named `<prefix>-<i>` into the world file, one operation each. */
function writer(file: string, prefix: string, count: number): Promise<number> {
  const script = `
    const { withWorld } = require('./world/engine/arm/world-file');
    for (let i = 0; i < ${count}; i++) withWorld(${JSON.stringify(file)}, (w) => w.put({ id: '/subscriptions/0/resourceGroups/${prefix}-' + i,
      type: 'Microsoft.Resources/resourceGroups', name: '${prefix}-' + i, location: 'eastus', properties: {} }));`;
  return new Promise((resolve) => spawn(process.execPath, ['-r', join(ROOT, 'app', 'register.js'), '-e', script], { cwd: ROOT, stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)));
}

describe('the world file under concurrent writers', () => {
  // Terraform runs up to ten operations at once, in one process per provider configuration.
  test('two processes writing at once lose nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'azure-world-')), 'world.json');
    expect(await Promise.all([writer(file, 'a', 25), writer(file, 'b', 25)])).toEqual([0, 0]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(50);
  }, 60_000);
});
