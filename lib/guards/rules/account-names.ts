import { normalizeLocation } from '../../rules/naming';
import { accountKey, stacksBeforeOf } from '../cross-stack';
import { Finding } from '../finding';
import { StackModel, literalValue, resourcesOfType } from '../stack-model';

/**
 * A Batch account name is taken once per region: it is the DNS label of `<name>.<region>.batch.azure.com`. So
 * no two accounts of one name and region, in this stack or in a stack before it in the app.
 */
export function accountNameFindings(model: StackModel): Finding[] {
  const before = stacksBeforeOf(model);
  const taken = new Map<string, string>();
  return resourcesOfType(model, 'azurerm_batch_account').flatMap((account) => {
    const name = literalValue(model, account.config.name);
    const location = literalValue(model, account.config.location);
    if (name === undefined || location === undefined) return [];
    const key = accountKey(name, location);
    const first = before.account(key) ?? taken.get(key);
    if (first === undefined) {
      taken.set(key, account.path);
      return [];
    }
    return [{
      path: account.path,
      attribute: 'name',
      value: account.config.name,
      problem: `${first} is a Batch account of this name in ${normalizeLocation(location)} too; the name is the DNS label ${name}.${normalizeLocation(location)}, taken once per region`,
      fix: 'give one of the accounts another name (to reach another team\'s account, make endpoints to it by ID instead)',
    }];
  });
}
