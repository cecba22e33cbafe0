import { appWarnings, buildApp } from '../app/build-app';
import { parseConfig } from '../app/load-config';
import { exampleStack, resources, synthConfig, validConfig } from './helpers/config';

const withStack = (change: (stack: any) => void) => {
  const stack = exampleStack();
  change(stack);
  return { stacks: [stack] };
};
const parse = (raw: unknown) => () => parseConfig(JSON.stringify(raw), 'bad.json');
const build = (raw: unknown) => () => buildApp(validConfig(raw), { file: 'test.json' });

describe('pools in the example app\'s config', () => {
  it('keeps configs without pools as they were: no pool subnet, no pool', () => {
    const json = synthConfig(withStack((s) => { delete s.network.poolSubnet; delete s.accounts[0].pools; }))['batch-private-eastus'];
    expect(resources(json, 'azurerm_batch_pool')).toEqual({});
    expect(Object.keys(resources(json, 'azurerm_subnet'))).toEqual(['EndpointSubnet']);
  });

  it('puts a pool in the endpoint subnet unless it names the pool subnet', () => {
    const json = synthConfig(withStack((s) => { delete s.accounts[0].pools[0].subnet; }))['batch-private-eastus'];
    expect(resources(json, 'azurerm_batch_pool').pool_contosobatch01_small.network_configuration.subnet_id).toBe('${azurerm_subnet.EndpointSubnet.id}');
  });

  it('sizes a pool by an autoscale formula', () => {
    const json = synthConfig(withStack((s) => { s.accounts[0].pools[0] = { ...s.accounts[0].pools[0], fixedScale: undefined, autoScale: { formula: '$TargetDedicatedNodes = 0;' } }; }))['batch-private-eastus'];
    expect(resources(json, 'azurerm_batch_pool').pool_contosobatch01_small.auto_scale).toEqual({ formula: '$TargetDedicatedNodes = 0;', evaluation_interval: 'PT15M' });
  });

  it('refuses the pool subnet when no pool subnet is configured', () => {
    expect(parse(withStack((s) => { delete s.network.poolSubnet; }))).toThrow(/stacks\[0\]\.accounts\[0\]\.pools\[0\]\.subnet: is "pool", but network\.poolSubnet is not set/);
  });

  it('refuses a pool subnet outside the VNet, or over the endpoint subnet', () => {
    expect(parse(withStack((s) => { s.network.poolSubnet.addressPrefix = '10.30.0.0/24'; }))).toThrow(/stacks\[0\]\.network\.poolSubnet\.addressPrefix: must lie in the VNet address space 10\.20\.0\.0\/16/);
    expect(parse(withStack((s) => { s.network.poolSubnet.addressPrefix = '10.20.0.0/23'; }))).toThrow(/stacks\[0\]\.network\.poolSubnet\.addressPrefix: must not overlap the endpoint subnet 10\.20\.1\.0\/24/);
    expect(parse(withStack((s) => { s.network.poolSubnet.addressPrefix = '10.20.1.128/25'; }))).toThrow(/must not overlap the endpoint subnet/);
  });

  it('refuses an unknown pool field, naming its path', () => {
    expect(parse(withStack((s) => { s.accounts[0].pools[0].publicIps = true; }))).toThrow(/stacks\[0\]\.accounts\[0\]\.pools\[0\]: Unrecognized key: "publicIps"/);
  });

  it('reports the library\'s pool rules at the config fields, all at once', () => {
    expect(build(withStack((s) => {
      Object.assign(s.accounts[0].pools[0], { name: 'small pool', vmSize: 'D2 v3', fixedScale: { dedicatedNodes: -1 } });
      s.accounts[0].pools[0].image.nodeAgentSkuId = 'ubuntu 22.04';
    }))).toThrow([
      'test.json: 4 problems found while building the stacks; nothing was written:',
      '  stacks[0].accounts[0].pools[0].name: must be 1-64 letters, digits, hyphens and underscores, got "small pool"',
      '  stacks[0].accounts[0].pools[0].vmSize: must be an Azure VM size such as Standard_D2s_v3, got "D2 v3"',
      '  stacks[0].accounts[0].pools[0].image.nodeAgentSkuId: must be a Batch node agent SKU such as "batch.node.ubuntu 22.04" (az batch pool supported-images list), got "ubuntu 22.04"',
      '  stacks[0].accounts[0].pools[0].fixedScale.dedicatedNodes: must be a whole number from 0 to 2000, got -1',
    ].join('\n'));
  });

  it('reports a pool subnet too small for the nodes at the subnet\'s config entry', () => {
    expect(build(withStack((s) => {
      s.network.poolSubnet.addressPrefix = '10.20.2.0/28';
      s.accounts[0].pools[0].fixedScale.dedicatedNodes = 12;
    }))).toThrow(/  stacks\[0\]\.network\.poolSubnet \(batch-private-eastus\/contosobatch01\/pool-small\/Resource\): network_configuration\.subnet_id = .*has 11 usable addresses .* but 12 are needed/);
  });

  it('reports a pool of an account without a nodeManagement endpoint at the pool\'s config entry, the one the user wrote', () => {
    expect(build(withStack((s) => {
      s.accounts[0].endpoints = [{ subResource: 'batchAccount' }];
      s.accounts[0].pools.push({ ...s.accounts[0].pools[0], name: 'large' });
    }))).toThrow(/  stacks\[0\]\.accounts\[0\]\.pools\[1\] \(batch-private-eastus\/contosobatch01\/pool-large\/Resource\): account_name = .*and the stack has none/);
  });

  it('refuses a ReadOnly lock on an account with pools at the lock\'s config field', () => {
    expect(build(withStack((s) => { s.accounts[0].lock = { kind: 'ReadOnly' }; }))).toThrow(/stacks\[0\]\.accounts\[0\]\.lock\.kind: is ReadOnly, but the account has pools \(small\)/);
  });

  it('warns, without failing, of an account that no batchAccount endpoint reaches', () => {
    const app = build(withStack((s) => { s.accounts[0].endpoints = [{ subResource: 'nodeManagement' }]; }))();
    expect(appWarnings(app)).toEqual([expect.stringMatching(/^test\.json: stacks\[0\]\.accounts\[0\]\.allowPublicNetworkAccess \(batch-private-eastus\/contosobatch01\/Default\/Resource\): public_network_access_enabled = false: public network access is disabled and no batchAccount private endpoint/)]);
    expect(appWarnings(build(withStack(() => undefined))())).toEqual([]);
  });
});
