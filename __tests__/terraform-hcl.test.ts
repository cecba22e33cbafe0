/**
 * `cdktf synth --hcl` (npm run synth:hcl) output, as real Terraform reads it: every shipped config and every
 * user-setup fixture validates with no error and no warning (the dev-overrides notice aside).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App } from 'cdktf';
import { PrivateBatchStack } from '../app/private-batch-stack';
import { USER_SETUPS, userSetup } from './fixtures/user-setups';
import { REPO, rawConfig, validConfig } from './helpers/config';
import { describeWithTerraform, StackValidation, validateStacks } from './helpers/terraform';

const CONFIGS = readdirSync(join(REPO, 'config')).filter((f) => f.endsWith('.json')).sort();

describeWithTerraform('terraform accepts the HCL of every shipped stack', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'tfcheck-hcl-'));
  let results: StackValidation[];

  beforeAll(async () => {
    const app = new App({ outdir, skipValidation: true });
    const configs = [...CONFIGS.map((file) => rawConfig(file)), { stacks: Object.keys(USER_SETUPS).map(userSetup) }];
    const stacks = configs.flatMap((raw) => validConfig(raw).stacks.map((stack) => new PrivateBatchStack(app, stack)));
    // What cdktf writes to cdk.tf when SYNTH_HCL_OUTPUT is set (cdktf synth --hcl).
    const dirs = stacks.map((stack) => {
      const dir = join(outdir, stack.node.id);
      mkdirSync(dir);
      writeFileSync(join(dir, 'cdk.tf'), stack.toHclTerraform().hcl);
      return dir;
    });
    results = await validateStacks(dirs);
  }, 120_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('covers every config under config/ and every user-setup fixture', () => {
    const expected = [...CONFIGS.flatMap((file) => rawConfig(file).stacks.map((s: any) => s.name)), ...Object.keys(USER_SETUPS)].sort();
    expect(results.map((r) => r.stack).sort()).toEqual(expected);
  });

  it('finds no error and no warning (quoted references would warn) in any of them', () => {
    expect(results.filter((r) => !r.valid || r.warnings.length > 0).map(({ stack, errors, warnings }) => ({ stack, errors, warnings }))).toEqual([]);
  });
});
