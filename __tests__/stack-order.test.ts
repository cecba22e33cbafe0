import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../app/build-app';
import { rawConfig, validConfig } from './helpers/config';

/** The dependencies cdktf's manifest gives each stack when the app synthesizes `raw`. */
function dependencies(raw: unknown): Record<string, string[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'stack-order-'));
  buildApp(validConfig(raw), { outdir }).synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8'));
  return Object.fromEntries(Object.values<any>(manifest.stacks).map((s) => [s.name, s.dependencies ?? []]));
}

describe('the order of an app\'s stacks', () => {
  it('puts a stack after the stack that makes the account it reaches as an external account, whatever the resource group\'s case', () => {
    const raw = rawConfig('manual-approval.json');
    raw.stacks[1].externalAccounts[0].id = raw.stacks[1].externalAccounts[0].id.replace('rg-batch-shared-eastus', 'RG-Batch-Shared-EastUS');
    expect(dependencies(raw)).toEqual({ 'batch-analytics-eastus': ['batch-shared-eastus'], 'batch-shared-eastus': [] });
  });

  it('leaves stacks whose external accounts are made outside the app unordered', () => {
    const raw = rawConfig('manual-approval.json');
    raw.stacks[1].externalAccounts[0].id = raw.stacks[1].externalAccounts[0].id.replace('sharedbatch01', 'otherbatch01');
    expect(dependencies(raw)).toEqual({ 'batch-analytics-eastus': [], 'batch-shared-eastus': [] });
  });
});
