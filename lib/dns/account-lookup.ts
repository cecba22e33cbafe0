import { Construct } from 'constructs';
import { TerraformLocal, TerraformStack, Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { azapiProviderFor } from '../azapi/provider';
import { AzapiDataResourceList } from '../azapi/data-resource-list';
import { stableAddress } from '../core/addresses';
import { accountLookupLogicalId } from '../rules/logical-ids';
import { AzureCloud } from '../rules/clouds';
import { accountLookupExpression, accountsNamedQuery, BATCH_ACCOUNTS_TYPE } from '../rules/zone-records';

const LOOKUPS = new WeakMap<TerraformStack, Map<string, AccountLookup>>();

/**
 * What Azure knows of a Batch account of this stack, read during plan, for the zones that adopt and report records:
 * the name of its nodeManagement record, `<id>.<region>.service`, and the regions where an account of its name exists
 * in its subscription.
 *
 * The nodeManagement name comes from the account's `nodeManagementEndpoint` (`<id>.<region>.service.batch.azure.com`),
 * which only the account knows: `<id>` is a GUID Azure picks when the account is created. It is read from the list of
 * the Batch accounts of its resource group (or subscription, when the group is not known), filtered by name, because a read of the account itself would fail the plan while
 * the account does not exist yet; the list then just has no such account, and `record_name` is null.
 *
 * One per account and stack (`data.azapi_resource_list.account_lookup_<account>` and its local), shared by every
 * zone. Made only for an account of this stack (its ID a reference) whose name, region and subscription are known at
 * synth: an account referenced by a literal ID belongs to someone else, whose subscription this stack may not list.
 */
export class AccountLookup extends Construct {
  /** The lookup for an account, made on first use, or undefined when it cannot be looked up (see the class docs). */
  public static of(scope: Construct, account: IBatchAccount, cloud: AzureCloud): AccountLookup | undefined {
    const known = (value: string | undefined): value is string => value !== undefined && !Token.isUnresolved(value);
    if (!Token.isUnresolved(account.id) || !known(account.subscriptionId) || !known(account.name) || !known(account.location)) return undefined;
    const stack = TerraformStack.of(scope);
    let lookups = LOOKUPS.get(stack);
    if (!lookups) LOOKUPS.set(stack, (lookups = new Map()));
    let lookup = lookups.get(account.name);
    if (!lookup) lookups.set(account.name, (lookup = new AccountLookup(stack, account, account.subscriptionId, cloud)));
    return lookup;
  }

  /** HCL: the account's nodeManagement record name, null while the account does not exist. */
  public readonly recordName: string;
  /** HCL: the other regions where an account of this name exists (not the account's own). */
  public readonly regions: string;

  private constructor(stack: TerraformStack, account: IBatchAccount, subscriptionId: string, cloud: AzureCloud) {
    super(stack, `account-lookup-${account.name}`);
    const id = accountLookupLogicalId(account.name);
    const list = stableAddress(new AzapiDataResourceList(this, 'Accounts', {
      type: BATCH_ACCOUNTS_TYPE,
      // The account's resource group when known: a spoke's credentials rarely read a whole subscription.
      parentId: account.resourceGroupName !== undefined && !Token.isUnresolved(account.resourceGroupName)
        ? `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroupName}`
        : `/subscriptions/${subscriptionId}`,
      responseExportValues: { accounts: accountsNamedQuery(account.name) },
      provider: azapiProviderFor(stack),
    }), id);
    stableAddress(new TerraformLocal(this, 'Lookup', `\${${accountLookupExpression(`data.${list.terraformResourceType}.${id}.output`, account.location, cloud)}}`), id);
    this.recordName = `local.${id}.record_name`;
    this.regions = `local.${id}.regions`;
  }
}
