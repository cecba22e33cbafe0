import { ACCOUNT_NAME_RULE, accountNameProblem, defaultEndpointName, locationProblem, normalizeLocation } from '../../lib/rules/naming';

describe('naming', () => {
  it.each(['abc', 'a'.repeat(24), 'mybatch01', '123'])('accepts the account name %s (3-24 lowercase letters and digits)', (name) => {
    expect(accountNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['ab', 'too short'],
    ['a'.repeat(25), 'too long'],
    ['MyBatch', 'uppercase'],
    ['my-batch', 'a hyphen'],
    ['my_batch', 'an underscore'],
    ['my batch', 'a space'],
    ['', 'empty'],
  ])('rejects the account name %j (%s), quoting the rule and the name', (name) => {
    const problem = accountNameProblem(name);
    expect(problem).toContain(ACCOUNT_NAME_RULE);
    expect(problem).toContain(JSON.stringify(name));
  });

  it('states the account name rule as 3-24 lowercase letters and digits', () => {
    expect(ACCOUNT_NAME_RULE).toMatch(/3-24 lowercase letters and digits/);
  });

  it.each([
    ['East US', 'eastus'],
    ['West Europe', 'westeurope'],
    ['eastus', 'eastus'],
    ['East US 2', 'eastus2'],
    ['  North   Central US ', 'northcentralus'],
  ])('normalizes the location %j to %s', (location, normalized) => {
    expect(normalizeLocation(location)).toBe(normalized);
  });

  it.each(['eastus', 'East US', 'West Europe', 'usgovvirginia', 'chinaeast2'])('accepts %j as a location', (location) => {
    expect(locationProblem(location)).toBeUndefined();
  });

  it.each(['', 'east-us', 'east_us', '2eastus', 'e', 'eastus!'])('rejects %j as a location, quoting it', (location) => {
    expect(locationProblem(location)).toBe(`must be an Azure region such as "eastus" or "East US", got ${JSON.stringify(location)}`);
  });

  it('names an endpoint pe-<account>-<sub-resource>', () => {
    expect(defaultEndpointName('mybatch', 'batchAccount')).toBe('pe-mybatch-batchaccount');
    expect(defaultEndpointName('mybatch', 'nodeManagement')).toBe('pe-mybatch-nodemanagement');
  });

  it('gives each account and sub-resource its own default endpoint name', () => {
    const names = ['batcha', 'batchb'].flatMap((account) =>
      (['batchAccount', 'nodeManagement'] as const).map((sub) => defaultEndpointName(account, sub)),
    );
    expect(new Set(names).size).toBe(4);
  });
});
