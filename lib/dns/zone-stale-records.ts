import { Construct } from 'constructs';
import { Lazy, TerraformIterator, TerraformLocal, TerraformProvider, Token } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { AccountLookup } from './account-lookup';
import { AzapiResourceAction } from '../azapi/resource-action';
import { stableAddress } from '../core/addresses';
import { CheckBlock } from '../terraform/check-block';
import { removeStaleLogicalId, staleRecordsLogicalId } from '../rules/logical-ids';
import { batchAccountRecordName } from '../rules/dns-records';
import {
  A_RECORD_SETS_TYPE, accountLabelsExpression, aRecordSetId, keptNamesExpression, provableNamesExpression,
  provenRecordsExpression, staleRecordsExpression, staleRecordsMessage, ZoneRef,
} from '../rules/zone-records';

/** An account whose records a zone looks at, with its lookup when the zone looks accounts up. */
export interface ZoneAccount {
  readonly account: IBatchAccount;
  readonly lookup?: AccountLookup;
}

/** What the stale records of one account are found among and what is done with them. */
export interface StaleRecordsOptions {
  /** The zone. */
  readonly zone: ZoneRef;
  /** The zone's records, an HCL reference (`local.zone_records_<zone>`). */
  readonly records: string;
  /** HCL expressions of the names the stack writes into the zone; complete once every endpoint is made. */
  readonly written: readonly string[];
  /** Warn about the stale records (`reportStaleRecords`). */
  readonly report: boolean;
  /** Delete those that prove to be this stack's own (`removeStaleRecords`). */
  readonly remove: boolean;
  /** The azapi provider of the deletes. */
  readonly azapiProvider: TerraformProvider;
}

/**
 * The stale records of one account (`local.stale_records_<account>`), made in the zone healing's own scope: the
 * deletes of those that prove to be this stack's own (`removeStaleRecords`) and the warning about the rest.
 */
export function addStaleRecords(scope: Construct, { account, lookup }: ZoneAccount, options: StaleRecordsOptions): void {
  const { zone, records, written, remove, report } = options;
  const id = staleRecordsLogicalId(account.name);
  const labels = accountLabelsExpression(account.name, lookup?.recordName);
  // The names the stack writes are all known at synth, once every endpoint is made.
  stableAddress(new TerraformLocal(scope, `stale-${account.name}`, Lazy.stringValue({
    produce: () => `\${${staleRecordsExpression(records, labels, keptNamesExpression(account.name, written, lookup?.regions))}}`,
  })), id);
  const stale = `local.${id}`;
  const provable = provableNamesExpression(ownRecordName(account), lookup?.recordName);
  const removing = remove && (ownRecordName(account) !== undefined || lookup !== undefined);
  if (removing) {
    stableAddress(new AzapiResourceAction(scope, `remove-${account.name}`, {
      forEach: TerraformIterator.fromMap(`\${{ for r in ${provenRecordsExpression(stale, provable, true)} : r.name => r }}` as any),
      type: A_RECORD_SETS_TYPE,
      resourceId: aRecordSetId(zone, '${each.key}'),
      method: 'DELETE',
      when: 'apply',
      provider: options.azapiProvider,
    }), removeStaleLogicalId(account.name));
  }
  if (report) {
    const reported = removing ? provenRecordsExpression(stale, provable, false) : stale;
    new CheckBlock(scope, `check-${account.name}`, {
      name: id,
      assertions: [{ condition: `\${length(${reported}) == 0}`, errorMessage: staleRecordsMessage(account.name, zone, reported, removing) }],
    });
  }
}

/**
 * The `batchAccount` record name of an account this stack manages (its ID a reference), in its own region; undefined
 * for an account referred to by ID, or one whose region is not known at synth.
 */
function ownRecordName(account: IBatchAccount): string | undefined {
  if (!Token.isUnresolved(account.id) || Token.isUnresolved(account.name) || Token.isUnresolved(account.location)) return undefined;
  return batchAccountRecordName(account.name, account.location);
}
