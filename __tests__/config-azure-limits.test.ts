/**
 * The example app refuses, at the config field the user wrote, what Azure or the providers would refuse at apply
 * (issue #12): in the config schema through the library's rules, or while building through the constructs and
 * the stack guards, whose findings are located at the config's fields.
 */
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadConfig, parseConfig } from '../app/load-config';
import { exampleStack, rawConfig, runApp as runAppCommand, synthConfig } from './helpers/config';

const SUB = '11111111-2222-3333-4444-555555555555';
const problemsOf = (raw: unknown): string[] => {
  try {
    synthConfig(raw);
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  return [];
};
const withStack = (change: (stack: any) => void): unknown => {
  const stack = exampleStack();
  change(stack);
  return { stacks: [stack] };
};
const configProblems = (change: (stack: any) => void): string[] => {
  try {
    parseConfig(JSON.stringify(withStack(change)), 'bad.json');
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((line) => line.trim());
  }
  return [];
};

describe('the config file itself', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'config-file-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string | Buffer): string => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const example = JSON.stringify(rawConfig(), null, 2);

  it('accepts a UTF-8 byte-order mark, which Windows editors write', () => {
    expect(loadConfig(write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(example)]))).stacks[0].name).toBe('batch-private-eastus');
    expect(parseConfig(`\uFEFF${example}`, 'bom.json').stacks).toHaveLength(1);
  });

  it('refuses a directory with a sentence', () => {
    mkdirSync(join(dir, 'configs'));
    expect(() => loadConfig(join(dir, 'configs'))).toThrow(new RegExp(`^${join(dir, 'configs')}: is a directory, not a config file \\(set PRIVATE_BATCH_CONFIG to a JSON file`));
  });

  it('refuses an empty file, or one of white space only, with a sentence', () => {
    expect(() => loadConfig(write('empty.json', ''))).toThrow(/empty\.json: is empty; a config is a JSON object with a "stacks" list \(see config\/example\.json\)$/);
    expect(() => loadConfig(write('blank.json', '\uFEFF \n'))).toThrow(/blank\.json: is empty; /);
  });

  it('refuses UTF-16 (Windows PowerShell\'s > and Out-File) and bytes that are not UTF-8, saying how to save it', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(example, 'utf16le')]);
    expect(() => loadConfig(write('utf16.json', utf16))).toThrow(/utf16\.json: is UTF-16 text .*save it as UTF-8/);
    expect(() => loadConfig(write('latin1.json', Buffer.from('{"stacks": "caf\xe9"}', 'latin1')))).toThrow(/latin1\.json: is not UTF-8 text; save it as UTF-8/);
  });

  it('says where a JSON syntax error is, by line and column', () => {
    expect(() => parseConfig('{\n  "stacks": [\n    1 2\n  ]\n}', 'bad.json')).toThrow(/^bad\.json: not valid JSON at line 3, column 7: \S/);
    expect(() => parseConfig('{"stacks": [', 'bad.json')).toThrow(/^bad\.json: not valid JSON: Unexpected end of JSON input$/);
  });

  it('names a missing file', () => {
    expect(() => loadConfig(join(dir, 'nope.json'))).toThrow(/nope\.json: config file not found/);
    expect(() => loadConfig(join(write('file', 'x'), 'below.json'))).toThrow(/below\.json: config file not found/);
  });
});

describe('config fields Azure or azurerm would refuse', () => {
  it('refuses a region of another cloud, and a misspelt region with a suggestion', () => {
    expect(configProblems((s) => { s.cloud = 'AzureChinaCloud'; })).toEqual([
      expect.stringMatching(/^stacks\[0\]\.location: is a region of AzureCloud, not of AzureChinaCloud, the cloud this deploys to/),
    ]);
    expect(configProblems((s) => { s.location = 'US East'; })).toEqual([
      'stacks[0].location: must be an Azure region of AzureCloud such as eastus or "East US", got "US East"; did you mean "East US" (eastus)?',
    ]);
  });

  it('refuses a resource group name azurerm refuses', () => {
    expect(configProblems((s) => { s.resourceGroup.name = 'rg-batch.'; })).toEqual([expect.stringMatching(/^stacks\[0\]\.resourceGroup\.name: must be 1-90 ASCII letters, .*not ending in a period/)]);
  });

  it('refuses tag names and values Azure refuses, naming the tag', () => {
    expect(configProblems((s) => { s.tags = { 'cost/center': 'x' }; s.accounts[0].tags = { owner: 'v'.repeat(257) }; })).toEqual([
      'stacks[0].tags["cost/center"]: must not contain < > % & \\ ? / or control characters',
      'stacks[0].accounts[0].tags.owner: has a value of 257 bytes; at most 256',
    ]);
  });

  it('refuses a subnet prefix with host bits set, or smaller than /29, and checks no static IP against it', () => {
    expect(configProblems((s) => { s.network.endpointSubnet.addressPrefix = '10.20.1.10/24'; })).toEqual([
      'stacks[0].network.endpointSubnet.addressPrefix: has host bits set: the subnet is 10.20.1.0/24, got 10.20.1.10/24',
    ]);
    expect(configProblems((s) => { s.network.endpointSubnet.addressPrefix = '10.20.1.8/31'; })).toEqual([
      'stacks[0].network.endpointSubnet.addressPrefix: must be /29 or larger (the smallest subnet Azure creates), got 10.20.1.8/31',
    ]);
    expect(configProblems((s) => { s.network.poolSubnet.addressPrefix = '10.20.2.5/24'; })).toEqual([
      'stacks[0].network.poolSubnet.addressPrefix: has host bits set: the subnet is 10.20.2.0/24, got 10.20.2.5/24',
    ]);
  });

  it('refuses an endpoint name of more than 64 characters, and a request message of more than 140 bytes or only blanks', () => {
    expect(configProblems((s) => {
      s.accounts[0].endpoints[0].name = `pe-${'x'.repeat(62)}`;
      s.accounts[0].endpoints[1].manualApproval = { requestMessage: 'é'.repeat(71) };
    })).toEqual([
      expect.stringMatching(/^stacks\[0\]\.accounts\[0\]\.endpoints\[0\]\.name: must be 2-64 letters, /),
      'stacks[0].accounts[0].endpoints[1].manualApproval.requestMessage: must be at most 140 bytes of UTF-8, got 142 (71 characters)',
    ]);
    expect(configProblems((s) => { s.accounts[0].endpoints[1].manualApproval = { requestMessage: '  ' }; }))
      .toEqual(['stacks[0].accounts[0].endpoints[1].manualApproval.requestMessage: must not be empty or only white space: Azure shows it to the account owner']);
  });

  it('refuses a Key Vault URL that is not https', () => {
    expect(configProblems((s) => {
      s.accounts[0].poolAllocationMode = 'UserSubscription';
      s.accounts[0].keyVaultReference = { id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv`, url: 'http://kv.vault.azure.net/' };
    })).toEqual(['stacks[0].accounts[0].keyVaultReference.url: must be an https URL such as https://myvault.vault.azure.net/, got "http://kv.vault.azure.net/"']);
  });

  it('refuses an ID of another type, and an external account that is no Batch account, with the template', () => {
    expect(configProblems((s) => {
      s.dns = { existingZoneId: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Network/dnsZones/privatelink.batch.azure.com` };
      s.externalAccounts = [{ id: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/Other_Batch`, location: 'US East', endpoints: [{ subResource: 'batchAccount', dns: 'external' }] }];
    })).toEqual([
      expect.stringMatching(/^stacks\[0\]\.dns\.existingZoneId: must be a Microsoft\.Network\/privateDnsZones ID, \/subscriptions\/<subscription>\/resourceGroups/),
      expect.stringMatching(/^stacks\[0\]\.externalAccounts\[0\]\.id: ends in an account name that must be 3-24 lowercase letters/),
      expect.stringMatching(/^stacks\[0\]\.externalAccounts\[0\]\.location: must be an Azure region of AzureCloud .*did you mean "East US"/),
    ]);
  });

  it('writes IDs copied in lower case from a CLI as azurerm parses them', () => {
    const spoke = `/subscriptions/${SUB}/resourcegroups/rg-spoke/providers/microsoft.network/virtualnetworks/vnet-spoke`;
    const json = synthConfig(withStack((s) => { s.dns = { linkedVnetIds: [spoke] }; }))['batch-private-eastus'];
    expect(Object.values<any>(json.resource.azurerm_private_dns_zone_virtual_network_link).map((l) => l.virtual_network_id))
      .toContain(`/subscriptions/${SUB}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke`);
  });

  it('refuses two unnamed endpoints of one sub-resource with a sentence about the config, not a construct-ID clash', () => {
    expect(configProblems((s) => { s.accounts[0].endpoints.push({ subResource: 'batchAccount' }); })).toEqual([
      'stacks[0].accounts[0].endpoints[2].subResource: is the sub-resource of endpoints[0] too; give a second batchAccount endpoint of this account its own name',
    ]);
    expect(configProblems((s) => { s.accounts[0].endpoints[1].name = 'pe-a'; s.accounts[0].endpoints.push({ subResource: 'batchAccount', name: 'pe-a' }); })).toEqual([
      'stacks[0].accounts[0].endpoints[2].name: is the name of endpoints[1] too; give each endpoint of an account its own name',
    ]);
  });

  it('lists every problem of the file at once', () => {
    expect(configProblems((s) => { s.location = 'US East'; s.resourceGroup.name = 'rg/x'; s.tags = { 'a<b': 'c' }; })).toHaveLength(3);
  });
});

describe('what the stack guards find, named at the config field', () => {
  it('a static IP on two endpoints of the subnet', () => {
    expect(problemsOf(withStack((s) => {
      s.accounts.push({ name: 'contosobatch02', endpoints: [{ subResource: 'batchAccount', staticIp: '10.20.1.10' }] });
    }))).toEqual([
      expect.stringMatching(/^stacks\[0\]\.accounts\[1\]\.endpoints\[0\]\.staticIp \(batch-private-eastus\/contosobatch02\/batchAccount\/Resource\): ip_configuration\.private_ip_address = "10\.20\.1\.10": .*takes 10\.20\.1\.10 in the same subnet/),
    ]);
  });

  it('one account name in two stacks of one region', () => {
    const second = { ...exampleStack(), name: 'second', resourceGroup: { name: 'rg-second' } };
    expect(problemsOf({ stacks: [exampleStack(), second] })).toEqual([
      expect.stringMatching(/^stacks\[1\]\.accounts\[0\]\.name \(second\/contosobatch01\/Default\/Resource\): name = "contosobatch01": batch-private-eastus\/contosobatch01\/Default\/Resource \(stack batch-private-eastus\) is a Batch account of this name in eastus too/),
    ]);
  });

  it('one static IP in a subnet that two stacks share, and one VNet linked to a zone of one name by two stacks', () => {
    const onSharedSubnet = (name: string, account: string) => {
      const stack: any = { ...exampleStack(), name, resourceGroup: { name: `rg-${name}` } };
      stack.existingSubnet = { id: `/subscriptions/${stack.subscriptionId}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`, addressPrefix: '10.20.1.0/24' };
      delete stack.network;
      stack.accounts = [{ ...stack.accounts[0], name: account, pools: [] }];
      return stack;
    };
    const lines = problemsOf({ stacks: [onSharedSubnet('first', 'contosobatch01'), onSharedSubnet('second', 'contosobatch02')] });
    expect(lines).toEqual([
      expect.stringMatching(/^stacks\[1\]\.accounts\[0\]\.endpoints\[0\]\.staticIp \(second\/contosobatch02\/batchAccount\/Resource\): ip_configuration\.private_ip_address = "10\.20\.1\.10": first\/contosobatch01\/batchAccount\/Resource \(stack first\) takes 10\.20\.1\.10 in the same subnet/),
      expect.stringMatching(/^stacks\[1\]\.existingSubnet\.id \(second\/DnsZone\/EndpointVnet\): virtual_network_id = .*the VNet is linked to zone rg-first\/privatelink\.batch\.azure\.com by first\/DnsZone\/EndpointVnet \(stack first\), and Azure refuses to link one VNet to two zones named privatelink\.batch\.azure\.com \(overlapping namespaces\)/),
    ]);
  });

  it('the stack\'s own VNet listed again among the linked VNets', () => {
    const lines = problemsOf(withStack((s) => {
      s.dns = { linkedVnetIds: [`/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup.name}/providers/Microsoft.Network/virtualNetworks/${s.network.vnetName}`] };
    }));
    expect(lines).toContainEqual(expect.stringMatching(/^stacks\[0\]\.dns\.linkedVnetIds\[0\] \(.*LinkedVnet1\): virtual_network_id = .*links this VNet to zone rg-batch-private-eastus\/privatelink\.batch\.azure\.com already/));
  });

  it('more endpoints than the subnet has addresses for', () => {
    expect(problemsOf(withStack((s) => {
      s.network.endpointSubnet.addressPrefix = '10.20.1.0/29';
      s.accounts[0].endpoints[0].staticIp = '10.20.1.4';
      s.accounts.push({ name: 'contosobatch02', endpoints: [{ subResource: 'batchAccount' }, { subResource: 'nodeManagement' }] });
    }))).toEqual([
      expect.stringMatching(/^stacks\[0\]\.network\.endpointSubnet\.addressPrefix \(batch-private-eastus\/EndpointSubnet\): address_prefixes = \["10\.20\.1\.0\/29"\]: has 3 usable addresses .* for 4 private endpoints/),
    ]);
  });

  it('more endpoints than an existing subnet has addresses for, counting the stack\'s endpoints as a lower bound', () => {
    const existing = (prefix: string) => (s: any) => {
      s.existingSubnet = { id: `/subscriptions/${s.subscriptionId}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe`, addressPrefix: prefix };
      delete s.network;
      s.accounts.forEach((a: any) => { delete a.pools; delete a.endpoints[0].staticIp; });
      s.accounts.push({ name: 'contosobatch02', endpoints: [{ subResource: 'batchAccount' }, { subResource: 'nodeManagement' }] });
    };
    expect(configProblems(existing('10.20.1.0/29'))).toEqual([
      'stacks[0].existingSubnet.addressPrefix: has 3 usable addresses (Azure reserves 5 of every subnet) for 4 private endpoints, one address each',
    ]);
    expect(configProblems(existing('10.20.1.0/28'))).toEqual([]);
  });

  it('more than 50 tags on an account once the stack\'s are merged in, and more than 15 on the private DNS zone', () => {
    const tags = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));
    const lines = problemsOf(withStack((s) => { s.tags = tags('s', 16); s.accounts[0].tags = tags('a', 40); }));
    expect(lines).toEqual(expect.arrayContaining([
      'stacks[0].accounts[0].tags: has 56 tags; Azure allows at most 50 on a resource (count them after merging inherited tags)',
      'stacks[0].tags: has 16 tags; Azure allows at most 15 on a private DNS zone or record (count them after merging inherited tags)',
    ]));
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe('the app command', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'config-app-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const runApp = (configFile: string) => runAppCommand(configFile, join(dir, 'out'));

  it('synthesizes a config saved with a byte-order mark', () => {
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify(rawConfig())}`);
    const result = runApp(join(dir, 'bom.json'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'out', 'stacks', 'batch-private-eastus', 'cdk.tf.json'))).toBe(true);
  });

  it('exits non-zero on a region of another cloud and on a directory, with a sentence, and writes nothing', () => {
    writeFileSync(join(dir, 'china.json'), JSON.stringify(withStack((s) => { s.cloud = 'AzureChinaCloud'; })));
    const china = runApp(join(dir, 'china.json'));
    expect(china.status).toBe(1);
    expect(china.stderr).toMatch(/china\.json: invalid config:\n {2}stacks\[0\]\.location: is a region of AzureCloud, not of AzureChinaCloud/);
    const directory = runApp(dir);
    expect(directory.status).toBe(1);
    expect(directory.stderr).toBe(`${dir}: is a directory, not a config file (set PRIVATE_BATCH_CONFIG to a JSON file, or unset it for config/example.json)\n`);
    expect(existsSync(join(dir, 'out', 'stacks'))).toBe(false);
  });
});
