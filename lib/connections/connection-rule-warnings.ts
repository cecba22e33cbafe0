import { CheckAssertion } from '../terraform/check-block';
import { connectionRequest, ConnectionRule, describeSelector } from '../rules/connections';
import { presentCondition, settledCondition, statusesExpression } from '../rules/connection-expressions';

/** What a rule does with its connection once it appears, for the warning that it is not there. */
const WHEN_PRESENT: Record<ConnectionRule['action'], string> = {
  approve: 'It is approved in the apply that first sees it Pending',
  reject: 'It is rejected in the apply that first sees it Pending or Approved',
  remove: 'It is deleted in every apply that finds it again',
};

/** A rule's check assertions: the connection is there; an approve rule's connection can be approved. */
export function ruleWarnings(rule: ConnectionRule, accountName: string, address: string, selected: string): CheckAssertion[] {
  const where = `on Batch account ${accountName}`;
  const what = describeSelector(rule);
  const assertions: CheckAssertion[] = [{
    condition: `\${${presentCondition(selected)}}`,
    errorMessage: `Rule ${address}: no ${what.replace(/^the /, '')} ${where}, not yet or no longer; nothing was sent. ${WHEN_PRESENT[rule.action]}.`,
  }];
  const settled = connectionRequest(rule).settled;
  if (settled) {
    assertions.push({
      condition: `\${${settledCondition(selected, settled)}}`,
      errorMessage: `Rule ${address}: ${what} ${where} is \${${statusesExpression(selected)}}; Azure cannot approve a Rejected or ` +
        'Disconnected connection. Ask the endpoint\'s owner to delete and recreate the private endpoint (its new connection is ' +
        'approved in the apply that sees it), or drop the rule.',
    });
  }
  return assertions;
}
