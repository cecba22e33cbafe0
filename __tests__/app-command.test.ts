/** What `npm run synth` (main.ts) and `./help` say and read, as a user runs them. */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { cdktfJsonContext } from '../app/cdktf-json';
import { MOVED_FROM_V01_CONTEXT } from '../lib/terraform';
import { REPO, runApp } from './helpers/config';

describe('npm run synth (main.ts)', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'app-command-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const example = join(REPO, 'config', 'example.json');
  const stackFile = (outdir: string) => JSON.parse(readFileSync(join(outdir, 'stacks', 'batch-private-eastus', 'cdk.tf.json'), 'utf8'));

  it('names the stacks it wrote, in the cdktf CLI\'s words, and where each one is', () => {
    const result = runApp(example, join(dir, 'out'));
    expect(result.status).toBe(0);
    const where = relative(REPO, join(dir, 'out', 'stacks', 'batch-private-eastus', 'cdk.tf.json'));
    expect(result.stdout).toBe(`Generated Terraform code for the stacks: batch-private-eastus\n  batch-private-eastus: ${where}\n`);
  });

  it('reads the context of cdktf.json as `npx cdktf synth` does: movedFromV01 there writes the moved blocks', () => {
    writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ app: 'node main.js', context: { [MOVED_FROM_V01_CONTEXT]: true } }));
    expect(runApp(example, join(dir, 'with'), dir).status).toBe(0);
    expect(stackFile(join(dir, 'with')).moved).toHaveLength(7);
    // The repo's own cdktf.json has no such flag: no moved block.
    expect(runApp(example, join(dir, 'without')).status).toBe(0);
    expect(stackFile(join(dir, 'without')).moved).toBeUndefined();
  });

  it('refuses a cdktf.json whose context is no object, naming the file', () => {
    writeFileSync(join(dir, 'cdktf.json'), JSON.stringify({ context: ['x'] }));
    const result = runApp(example, join(dir, 'out'), dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('cdktf.json: context must be an object of names to values, got ["x"]');
  });

  it('has no context without a cdktf.json', () => {
    expect(cdktfJsonContext(dir)).toEqual({});
  });
});

describe('./help', () => {
  it('is executable and lists every npm script (`npm run help` runs it)', () => {
    expect(statSync(join(REPO, 'help')).mode & 0o111).toBe(0o111);
    const result = spawnSync(join(REPO, 'help'), { cwd: REPO, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const scripts = Object.keys(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts);
    expect(scripts).toContain('help');
    const listed = (name: string) => (name === 'test' ? /^ {2}npm test\b/m : new RegExp(`^ {2}npm run ${name.replace(/[:]/g, '\\:')}\\b`, 'm')).test(result.stdout);
    // prepack is npm's hook, run by `npm pack`, not a command.
    expect(scripts.filter((name) => name !== 'prepack' && !listed(name))).toEqual([]);
  });
});
