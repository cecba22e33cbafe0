import {
  endpointNameProblem, endpointNameProblems, endpointPartNames, privateLinkNameProblem, resourceGroupNameProblem,
} from '../../lib/rules/azure-names';

describe('resource group names', () => {
  it.each(['rg', 'a', 'rg-batch_private.eastus', 'rg(1)', 'R'.repeat(90)])('accepts %j', (name) => {
    expect(resourceGroupNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['r'.repeat(91), '91 characters'],
    ['rg.', 'a trailing period'],
    ['rg batch', 'a space'],
    ['rg/batch', 'a slash'],
    ['rgé', 'a non-ASCII letter (azurerm checks ASCII)'],
  ])('refuses %j (%s), quoting the rule', (name) => {
    expect(resourceGroupNameProblem(name)).toBe(
      `must be 1-90 ASCII letters, digits and - _ . ( ), not ending in a period (an Azure resource group name), got ${JSON.stringify(name)}`,
    );
  });
});

describe('private-link names', () => {
  it.each(['a', '1', 'a_', 'pe-x.y_z', 'a'.repeat(80)])('accepts %j', (name) => {
    expect(privateLinkNameProblem(name)).toBeUndefined();
  });

  it.each(['', '-a', '_a', 'a-', 'a.', 'a b', 'a'.repeat(81), 'a/b'])('refuses %j', (name) => {
    expect(privateLinkNameProblem(name)).toBe(`must be 1-80 letters, digits and _ . -, starting with a letter or digit and ending with a letter, digit or _, got ${JSON.stringify(name)}`);
  });
});

describe('private endpoint names', () => {
  it.each(['pe', 'pe-contosobatch01-batchaccount', 'A_', 'p'.repeat(64)])('accepts %j', (name) => {
    expect(endpointNameProblem(name)).toBeUndefined();
  });

  it.each(['p', '', 'p'.repeat(65), '-pe', 'pe-', 'pe.', 'p e'])('refuses %j: Azure documents 2-64 characters', (name) => {
    expect(endpointNameProblem(name)).toBe(
      `must be 2-64 letters, digits and _ . -, starting with a letter or digit and ending with a letter, digit or _ (an Azure private endpoint name), got ${JSON.stringify(name)}`,
    );
  });

  it('derives the NIC, connection and IP configuration names', () => {
    expect(endpointPartNames('pe-x')).toEqual({ nic: 'pe-x-nic', connection: 'pe-x-connection', ipConfiguration: 'pe-x-ipconfig' });
  });

  it('keeps every derived name of the longest valid endpoint name within the 80-character private-link rule', () => {
    for (const name of ['p'.repeat(64), `${'p'.repeat(63)}_`, 'pe']) {
      expect(endpointNameProblem(name)).toBeUndefined();
      for (const part of Object.values(endpointPartNames(name))) expect(privateLinkNameProblem(part)).toBeUndefined();
    }
  });

  it('reports the name, and each part named on its own, by its prop', () => {
    expect(endpointNameProblems('pe-ok')).toEqual([]);
    expect(endpointNameProblems('p'.repeat(70))).toEqual([{ field: 'name', problem: expect.stringMatching(/^must be 2-64 /) }]);
    expect(endpointNameProblems('pe-ok', { nic: 'n'.repeat(81), connection: 'ok', ipConfiguration: '-bad' })).toEqual([
      { field: 'nicName', problem: expect.stringMatching(/^must be 1-80 /) },
      { field: 'ipConfigurationName', problem: expect.stringMatching(/^must be 1-80 .*got "-bad"$/) },
    ]);
    expect(endpointNameProblems('pe-ok', { connection: 'c-' })).toEqual([{ field: 'connectionName', problem: expect.stringMatching(/got "c-"$/) }]);
  });
});
