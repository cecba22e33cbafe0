import { accountNameFindings } from '../../lib/guards/rules/account-names';
import { PUBLIC_CLOUD, VARIANTS, copyResource, modelOf, privateSetup } from './stack-json';

describe('account names, taken once per region', () => {
  describe.each(PUBLIC_CLOUD)('in $cloud', (cloud) => {
    const variant = { cloud, dns: 'records' as const, hub: false, dataAccount: false };

    it('refuse an account whose name and region a stack before this one has taken', () => {
      const setup = privateSetup(variant);
      const elsewhere = [{ stack: 'team-a', path: 'team-a/batch/Resource', name: 'contosobatch01', location: cloud.location }];
      expect(accountNameFindings(modelOf(setup, { accountsElsewhere: elsewhere }))).toEqual([{
        path: 'azurerm_batch_account.acct',
        attribute: 'name',
        value: 'contosobatch01',
        problem: `team-a/batch/Resource (stack team-a) is a Batch account of this name in ${cloud.location} too; the name is the DNS label contosobatch01.${cloud.location}, taken once per region`,
        fix: 'give one of the accounts another name (to reach another team\'s account, make endpoints to it by ID instead)',
      }]);
    });

    it('refuse a second account of one name and region in the stack itself', () => {
      const setup = privateSetup(variant);
      copyResource(setup, 'azurerm_batch_account', 'acct', 'acct2', (c) => { c.name = 'ContosoBatch01'; c.resource_group_name = 'rg-other'; });
      expect(accountNameFindings(modelOf(setup))).toEqual([expect.objectContaining({
        path: 'azurerm_batch_account.acct2',
        value: 'ContosoBatch01',
        problem: expect.stringMatching(/^azurerm_batch_account\.acct is a Batch account of this name in /),
      })]);
    });
  });

  it('compare regions as azurerm normalizes them', () => {
    const setup = privateSetup();
    const elsewhere = [{ stack: 'a', path: 'a/b', name: 'CONTOSOBATCH01', location: 'East US' }];
    expect(accountNameFindings(modelOf(setup, { accountsElsewhere: elsewhere }))).toHaveLength(1);
  });

  it('accept the same name in another region, and another name in the same region', () => {
    const setup = privateSetup();
    const elsewhere = [
      { stack: 'a', path: 'a/b', name: 'contosobatch01', location: 'westeurope' },
      { stack: 'a', path: 'a/c', name: 'contosobatch02', location: 'eastus' },
    ];
    expect(accountNameFindings(modelOf(setup, { accountsElsewhere: elsewhere }))).toEqual([]);
  });

  it('leave accounts read by data sources alone: they exist already', () => {
    const setup = privateSetup(VARIANTS.find(([, v]) => v.dataAccount)![1]);
    const elsewhere = [{ stack: 'a', path: 'a/b', name: 'contosobatch01', location: 'eastus' }];
    expect(accountNameFindings(modelOf(setup, { accountsElsewhere: elsewhere }))).toEqual([]);
  });

  it('leave accounts whose name or region is known only at apply alone', () => {
    const setup = privateSetup();
    copyResource(setup, 'azurerm_batch_account', 'acct', 'byvar', (c) => { c.name = '${var.name}'; });
    copyResource(setup, 'azurerm_batch_account', 'acct', 'bylocation', (c) => { c.location = '${var.location}'; });
    expect(accountNameFindings(modelOf(setup))).toEqual([]);
  });
});
