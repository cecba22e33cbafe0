import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cleanSynthOutput } from '../app/clean-outdir';
import { REPO } from './helpers/config';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function outdirWith(files: string[]): string {
  const outdir = mkdtempSync(join(tmpdir(), 'clean-outdir-'));
  dirs.push(outdir);
  for (const file of files) {
    mkdirSync(join(outdir, file, '..'), { recursive: true });
    writeFileSync(join(outdir, file), '');
  }
  return outdir;
}

const filesIn = (outdir: string): string[] =>
  readdirSync(outdir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(outdir.length + 1)).sort();

describe('cleanSynthOutput', () => {
  it('removes what a synth wrote and folders left empty, and keeps what Terraform keeps there', () => {
    const outdir = outdirWith([
      'manifest.json',
      'stacks/a/cdk.tf.json', 'stacks/a/cdk.tf', 'stacks/a/metadata.json',
      'stacks/a/.terraform/providers/x', 'stacks/a/.terraform.lock.hcl', 'stacks/a/terraform.a.tfstate',
      'stacks/gone/cdk.tf.json',
    ]);
    cleanSynthOutput(outdir);
    expect(filesIn(outdir)).toEqual(['stacks/a/.terraform.lock.hcl', 'stacks/a/.terraform/providers/x', 'stacks/a/terraform.a.tfstate']);
    expect(existsSync(join(outdir, 'stacks', 'gone'))).toBe(false);
  });

  it('does nothing to an outdir that does not exist yet', () => {
    expect(() => cleanSynthOutput(join(tmpdir(), 'no-such-outdir-for-clean'))).not.toThrow();
  });
});

describe('the app command', () => {
  const synth = (outdir: string, env: Record<string, string> = {}) => {
    const { CDKTF_OUTDIR: _o, PRIVATE_BATCH_CONFIG: _c, SYNTH_HCL_OUTPUT: _h, ...rest } = process.env;
    const result = spawnSync(process.execPath, ['-r', join(REPO, 'app', 'register.js'), 'main.ts'], { cwd: REPO, encoding: 'utf8', env: { ...rest, CDKTF_OUTDIR: outdir, ...env } });
    expect(result.stderr).toBe('');
  };

  it('leaves no cdk.tf beside cdk.tf.json after an HCL synth, nor the other way round', () => {
    const outdir = outdirWith([]);
    synth(outdir, { SYNTH_HCL_OUTPUT: 'true' });
    expect(filesIn(outdir)).toEqual(['manifest.json', 'stacks/batch-private-eastus/cdk.tf', 'stacks/batch-private-eastus/metadata.json']);
    synth(outdir);
    expect(filesIn(outdir)).toEqual(['manifest.json', 'stacks/batch-private-eastus/cdk.tf.json']);
    synth(outdir, { SYNTH_HCL_OUTPUT: 'true', PRIVATE_BATCH_CONFIG: 'config/manual-approval.json' });
    expect(filesIn(outdir).filter((f) => f.endsWith('cdk.tf') || f.endsWith('.json'))).toEqual([
      'manifest.json',
      'stacks/batch-analytics-eastus/cdk.tf', 'stacks/batch-analytics-eastus/metadata.json',
      'stacks/batch-shared-eastus/cdk.tf', 'stacks/batch-shared-eastus/metadata.json',
    ]);
  }, 30_000);
});
