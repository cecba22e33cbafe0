import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseConfig } from '../app/load-config';
import { REPO, exampleStack, rawConfig, runApp as runAppCommand, synthConfig } from './helpers/config';

const filesUnder = (dir: string): string[] => (existsSync(dir)
  ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)
  : []);
const parse = (raw: unknown) => () => parseConfig(JSON.stringify(raw), 'bad.json');
const withStack = (change: (stack: any) => void) => {
  const stack = exampleStack();
  change(stack);
  return { stacks: [stack] };
};

describe('config validation', () => {
  it('accepts the shipped example and fills in the secure defaults', () => {
    const config = parseConfig(JSON.stringify(rawConfig()), 'example.json');
    expect(config.stacks[0].backend).toEqual({ type: 'local' });
    expect(config.stacks[0].accounts[0]).toMatchObject({ allowPublicNetworkAccess: false, allowSharedKeyAuthentication: false, identity: 'SystemAssigned' });
    expect(config.stacks[0].accounts[0].endpoints.map((e) => e.dns)).toEqual(['records', 'records']);
  });

  it('rejects invalid JSON, naming the file', () => {
    expect(() => parseConfig('{"stacks": [', 'bad.json')).toThrow(/^bad.json: not valid JSON: /);
  });

  it('rejects an unknown field, naming its path', () => {
    expect(parse(withStack((s) => { s.accounts[0].publicAccess = true; }))).toThrow(/bad.json: invalid config:\n {2}stacks\[0\]\.accounts\[0\]: Unrecognized key: "publicAccess"/);
  });

  it('rejects a missing field, naming its path and the expected type', () => {
    expect(parse(withStack((s) => { delete s.subscriptionId; }))).toThrow(/stacks\[0\]\.subscriptionId: Invalid input: expected string, received undefined/);
  });

  it('rejects an invalid account name with the rule', () => {
    expect(parse(withStack((s) => { s.accounts[0].name = 'Contoso_Batch'; }))).toThrow(/stacks\[0\]\.accounts\[0\]\.name: must be 3-24 lowercase letters and digits/);
  });

  it('rejects a static IP outside the subnet\'s usable range', () => {
    expect(parse(withStack((s) => { s.accounts[0].endpoints[0].staticIp = '10.20.2.10'; })))
      .toThrow(/stacks\[0\]\.accounts\[0\]\.endpoints\[0\]\.staticIp: must lie in the usable range 10\.20\.1\.4-10\.20\.1\.254 of subnet 10\.20\.1\.0\/24, got 10\.20\.2\.10/);
  });

  it('rejects a static IP Azure reserves', () => {
    expect(parse(withStack((s) => { s.accounts[0].endpoints[0].staticIp = '10.20.1.3'; }))).toThrow(/endpoints\[0\]\.staticIp: must lie in the usable range/);
  });

  it('rejects an unknown sub-resource, listing the allowed ones and saying what was given', () => {
    expect(parse(withStack((s) => { s.accounts[0].endpoints[0].subResource = 'blob'; })))
      .toThrow('stacks[0].accounts[0].endpoints[0].subResource: must be one of batchAccount, nodeManagement, got "blob"');
  });

  it('rejects an unknown DNS mode and cloud, listing the allowed ones', () => {
    expect(parse(withStack((s) => { s.accounts[0].endpoints[0].dns = 'manual'; }))).toThrow('dns: must be one of records, zoneGroup, policyZoneGroup, external, got "manual"');
    expect(parse(withStack((s) => { s.cloud = 'AzureGermanCloud'; }))).toThrow('stacks[0].cloud: must be one of AzureCloud, AzureChinaCloud, AzureUSGovernment, got "AzureGermanCloud"');
  });

  it('rejects a subnet outside the VNet', () => {
    expect(parse(withStack((s) => { s.network.endpointSubnet.addressPrefix = '10.99.1.0/24'; }))).toThrow(/network\.endpointSubnet\.addressPrefix: must lie in the VNet address space 10\.20\.0\.0\/16/);
  });

  it('rejects two stacks with one name', () => {
    expect(parse({ stacks: [exampleStack(), exampleStack()] })).toThrow(/stacks\[1\]\.name: duplicates stack name batch-private-eastus/);
  });

  it('rejects an account listed twice in a stack', () => {
    expect(parse(withStack((s) => { s.accounts.push({ ...s.accounts[0], endpoints: [] }); }))).toThrow(/stacks\[0\]\.accounts\[1\]\.name: names account contosobatch01 again/);
  });

  it('lists every problem at once', () => {
    const error = (() => {
      try { parse(withStack((s) => { s.accounts[0].name = 'X'; s.location = 'nowhere!'; }))(); } catch (e) { return (e as Error).message; }
      return '';
    })();
    expect(error.split('\n').filter((l) => l.startsWith('  '))).toHaveLength(2);
  });
});

describe('problems the library finds in a valid-looking config', () => {
  const problemsOf = (raw: unknown): string[] => {
    try {
      synthConfig(raw);
    } catch (e) {
      return (e as Error).message.split('\n');
    }
    return [];
  };

  it('name the config field the user wrote, not the construct prop', () => {
    const stack = exampleStack();
    stack.accounts[0].endpoints[1] = { subResource: 'nodeManagement', dns: 'zoneGroup', dnsTtl: 60 };
    expect(problemsOf({ stacks: [stack] })).toEqual([
      'test.json: a problem found while building the stacks; nothing was written:',
      '  stacks[0].accounts[0].endpoints[1].dnsTtl: only applies with dns.mode records',
    ]);
  });

  it('are reported for every stack at once', () => {
    const first = exampleStack();
    first.accounts[0].endpoints[0] = { subResource: 'batchAccount', dns: 'external', dnsTtl: 30 };
    const second = { ...exampleStack(), name: 'second', resourceGroup: { name: 'rg-second' }, accounts: [{ ...exampleStack().accounts[0], name: 'contosobatch02' }], dns: { existingZoneId: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.eastus.batch.azure.com' } };
    const lines = problemsOf({ stacks: [first, second] });
    expect(lines[0]).toBe('test.json: 2 problems found while building the stacks; nothing was written:');
    expect(lines.slice(1)).toEqual([
      '  stacks[0].accounts[0].endpoints[0].dnsTtl: only applies with dns.mode records',
      expect.stringMatching(/^ {2}stacks\[1\]\.dns\.existingZoneId: names the legacy regional zone privatelink\.eastus\.batch\.azure\.com/),
    ]);
  });
});

describe('the app command', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'batch-config-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const runApp = (configFile: string) => runAppCommand(configFile, join(dir, 'out'));

  it('exits non-zero on a missing config file, naming it, and writes nothing', () => {
    const result = runApp(join(dir, 'missing.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'missing.json')}: config file not found`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits non-zero when one stack fails a guard, and writes no stack at all', () => {
    const good = exampleStack();
    const bad = { ...exampleStack(), name: 'second', resourceGroup: { name: 'rg-second' } };
    bad.accounts[0].name = 'contosobatch02';
    bad.accounts[0].endpoints.push({ subResource: 'batchAccount', name: 'pe-duplicate' });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ stacks: [good, bad] }));
    const result = runApp(join(dir, 'config.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/config\.json: a problem found while building the stacks; nothing was written:\n {2}stacks\[1\]\.accounts\[0\]\.endpoints\[2\] \(second\/contosobatch02\/pe-duplicate\/DnsRecord\/Resource\): name = "contosobatch02.eastus": writes contosobatch02.eastus/);
    // cdktf makes empty folders up front; no stack file and no manifest may land in them.
    expect(filesUnder(join(dir, 'out'))).toEqual([]);
  });

  it('shows the stack trace of an internal failure instead of dressing it up as a config problem', () => {
    // A bug stands in as a TypeError from buildApp: main.ts must not print it as a config problem.
    const result = spawnSync(process.execPath, ['-r', join(REPO, 'app', 'register.js'), '-e', `
      require('./app/build-app').buildApp = () => { null.stacks; };
      require('./main.ts');`], { cwd: REPO, env: { ...process.env, CDKTF_OUTDIR: join(dir, 'out') }, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/TypeError: Cannot read properties of null[^\n]*\n\s+at /);
    expect(result.stderr).not.toContain('problem found');
  });
});
