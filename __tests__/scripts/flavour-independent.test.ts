import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dependsOnFlavour, flavourIndependentTests } = require('../../flavours/flavour-independent');

/** Writes files into a scratch folder and returns their paths by name. */
function files(sources: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'flavour-'));
  return Object.fromEntries(Object.entries(sources).map(([name, source]) => {
    writeFileSync(join(dir, name), source);
    return [name, join(dir, name)];
  }));
}

describe('test files that run once for both flavours', () => {
  const f = files({
    'pure.ts': "import { a } from './rule';\nexport const b = a;\n",
    'rule.ts': "import { c } from './data.json';\nexport const a = c;\n",
    'data.json': '{ "c": 1 }',
    'core.ts': "import { Token } from 'cdktf';\nexport const t = Token;\n",
    'through.ts': "import { t } from './core';\n",
    'provider.ts': "import { X } from '@cdktf/provider-azurerm/lib/x';\n",
    'spawns.ts': "import { spawnSync } from 'child_process';\n",
    'computed.ts': 'const m = require(name);\n',
    'snapshot.ts': "import { a } from './rule';\nit('x', () => expect(a).toMatchSnapshot());\n",
    'flavour.ts': 'const f = process.env.PRIVATE_BATCH_FLAVOUR;\n',
    'missing.ts': "import { z } from './nowhere';\n",
  });

  it('are those whose imports, followed through relative imports, reach no flavour package', () => {
    expect(dependsOnFlavour(f['pure.ts'])).toBe(false);
    expect(dependsOnFlavour(f['through.ts'])).toBe(true);
    expect(dependsOnFlavour(f['provider.ts'])).toBe(true);
  });

  it('count as dependent whatever this reading cannot see through: child processes, computed requires, snapshots, the environment, unresolved imports', () => {
    expect(['spawns.ts', 'computed.ts', 'snapshot.ts', 'flavour.ts', 'missing.ts'].filter((name) => !dependsOnFlavour(f[name]))).toEqual([]);
  });

  it('include the pure rules and leave out the constructs\' tests', () => {
    const once: string[] = flavourIndependentTests();
    expect(once).toContain('__tests__/rules/ip.test.ts');
    expect(once).not.toContain('__tests__/private-batch.test.ts');
  });
});
