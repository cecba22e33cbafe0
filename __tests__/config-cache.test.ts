/**
 * Validated configs kept by what decided them (app/config-cache.ts): the config's bytes, the code under app/ and lib/,
 * and zod. Each case runs against a root of its own, so the repo's files and cache are never touched.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { validatedConfig } from '../app/config-cache';
import type { AppConfig } from '../app/config-schema';

const REPO = resolve(__dirname, '..');
const CONFIG = { stacks: [{ name: 'a', tags: { team: 'x' } }] } as unknown as AppConfig;

describe('a validated config', () => {
  let root: string;
  let validations: number;
  const validate = (config: AppConfig = CONFIG) => () => {
    validations++;
    return config;
  };
  const bytes = (text: string) => Buffer.from(text);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'config-cache-'));
    for (const dir of ['app', 'lib/rules', 'node_modules/zod']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'app', 'schema.ts'), 'export const v = 1;');
    writeFileSync(join(root, 'lib', 'rules', 'names.ts'), 'export const n = 1;');
    writeFileSync(join(root, 'node_modules', 'zod', 'package.json'), '{"version":"4.6.7"}');
    validations = 0;
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is validated once for the same bytes and code, and given back equal', () => {
    expect(validatedConfig(bytes('{}'), validate(), root)).toEqual(CONFIG);
    expect(validatedConfig(bytes('{}'), validate(), root)).toEqual(CONFIG);
    expect(validations).toBe(1);
  });

  it('is validated again for other bytes, an edit under lib/ or app/, or another zod', () => {
    validatedConfig(bytes('{}'), validate(), root);
    validatedConfig(bytes('{ }'), validate(), root);
    writeFileSync(join(root, 'lib', 'rules', 'names.ts'), 'export const n = 2;');
    validatedConfig(bytes('{}'), validate(), root);
    writeFileSync(join(root, 'app', 'new.ts'), '');
    validatedConfig(bytes('{}'), validate(), root);
    writeFileSync(join(root, 'node_modules', 'zod', 'package.json'), '{"version":"4.7.0"}');
    validatedConfig(bytes('{}'), validate(), root);
    expect(validations).toBe(5);
  });

  it('is never kept when validation fails: the error comes from validation every time', () => {
    const refuse = () => {
      validations++;
      throw new Error('stacks: expected array');
    };
    expect(() => validatedConfig(bytes('{"stacks": 3}'), refuse, root)).toThrow('stacks: expected array');
    expect(() => validatedConfig(bytes('{"stacks": 3}'), refuse, root)).toThrow('stacks: expected array');
    expect(validations).toBe(2);
  });

  it('is validated every time, without complaint, where nothing can be kept', () => {
    writeFileSync(join(root, 'node_modules', '.cache'), 'a file where the cache folder would go');
    validatedConfig(bytes('{}'), validate(), root);
    expect(validatedConfig(bytes('{}'), validate(), root)).toEqual(CONFIG);
    expect(validations).toBe(2);
  });

  it('spares the app command zod on the next synth of the same config, with the same stacks written', () => {
    const outdir = (n: number) => join(root, `out-${n}`);
    const synth = (n: number) => spawnSync(process.execPath, ['-r', join(REPO, 'app', 'register.js'), '-e',
      `require('./main.ts'); console.error('zod:', Object.keys(require.cache).some((f) => f.includes('/node_modules/zod/')));`],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: outdir(n), PRIVATE_BATCH_CONFIG: join('config', 'hub-zone.json') } });
    synth(1);
    const again = synth(2);
    expect(again.stderr).toContain('zod: false');
    const read = (n: number) => spawnSync('sh', ['-c', `cat ${outdir(n)}/stacks/*/cdk.tf.json`], { encoding: 'utf8' }).stdout;
    expect(read(2)).toBe(read(1));
    expect(read(2).length).toBeGreaterThan(1000);
  }, 60_000);
});
