import type { Construct } from 'constructs';
import { BatchAccount, BatchAccountProps } from '../account/batch-account';
import { setPropOrigin } from '../core/problems';
import { isExistingAccount } from './private-batch-problems';
import { PrivateBatchProps } from './private-batch-props';

/**
 * The account part of a `PrivateBatch` (`owner`): the account made there, unless `account` is an existing one.
 * It is the child `Default`, which cdktf leaves out of construct-path addresses: the account keeps the address it
 * had as `<id>`.
 */
export function addAccount(owner: Construct, props: PrivateBatchProps): BatchAccount | undefined {
  if (isExistingAccount(props.account)) return undefined;
  const accountProps = props.account as BatchAccountProps;
  const account = new BatchAccount(owner, 'Default', { ...accountProps, provider: accountProps.provider ?? props.provider });
  setPropOrigin(account, { owner, path: 'account' });
  return account;
}
