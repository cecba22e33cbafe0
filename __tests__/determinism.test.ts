import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { REPO } from './helpers/config';

/** Copies the app into a fresh folder and runs the cdktf.json app command there; returns cdktf.out by file. */
function synthIn(prefix: string): { dir: string; files: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['main.ts', 'app', 'lib', 'config', 'cdktf.json', 'package.json']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  const app = JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')).app as string;
  const { CDKTF_OUTDIR: _outdir, PRIVATE_BATCH_CONFIG: _config, ...env } = process.env;
  const result = spawnSync('sh', ['-c', app], { cwd: dir, encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const out = join(dir, 'cdktf.out');
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return { dir, files: Object.fromEntries(files.map((f) => [relative(out, f), readFileSync(f, 'utf8')])) };
}

describe('synthesized output', () => {
  const first = synthIn('batch-a-');
  const second = synthIn('batch-b-nested-');
  afterAll(() => [first.dir, second.dir].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('is byte-identical when synthesized in two different folders', () => {
    expect(Object.keys(first.files).sort()).toEqual(['manifest.json', 'stacks/batch-private-eastus/cdk.tf.json']);
    expect(second.files).toEqual(first.files);
  });

  it('holds no absolute path, no temp folder and no timestamp', () => {
    for (const text of Object.values(first.files)) {
      expect(text).not.toContain(first.dir);
      expect(text).not.toContain(tmpdir());
      expect(text).not.toMatch(/"\/(home|root|tmp|work|Users)\//);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});
