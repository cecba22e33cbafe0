/**
 * Connection rules over a sequence of applies, played by Terraform itself (`terraform test`, mock providers,
 * `override_data` for what Azure lists in each run): one file per story. Each story ends in assertions that fail
 * if the behaviour breaks; the README's approvals section says what a user sees on each plan.
 */
import { TerraformStack, Testing } from 'cdktf';
import { BatchEndpointConnections } from '../../lib/connections/batch-endpoint-connections';
import { batchAccountFromId } from '../../lib/account/batch-account-ref';
import { ConnectionRule } from '../../lib/rules/connections';
import { describeWithTerraform, expectStoriesPassed, LifecycleResult, runLifecycleTests } from '../helpers/terraform';
import { acts, AZAPI_MOCK, connection, story, unchangedSince } from '../helpers/connection-stories';

const SUB = '11111111-2222-3333-4444-555555555555';
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.Batch/batchAccounts/acct`;
const endpoint = (name: string) => `/subscriptions/${SUB}/resourceGroups/rg-teams/providers/Microsoft.Network/privateEndpoints/${name}`;
const TEAM = endpoint('pe-team');
const INTRUDER = endpoint('pe-intruder');
const RETIRED = endpoint('pe-retired');
const CONNECTION = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const ACCOUNT = 'Microsoft.Batch/batchAccounts@2024-07-01';

const approveTeam: ConnectionRule = { action: 'approve', privateEndpointId: TEAM, description: 'Team: pipelines submit jobs (NET-1)' };
const rejectIntruder: ConnectionRule = { action: 'reject', privateEndpointId: INTRUDER, description: 'No ticket for this access' };
const removeRetired: ConnectionRule = { action: 'remove', privateEndpointId: RETIRED };

/** The synthesized stack of these rules on account `acct`, with outputs (the lifecycle stories compare them). */
function stackOf(rules: ConnectionRule[], tweak?: (connections: BatchEndpointConnections) => void): Record<string, unknown> {
  const stack = new TerraformStack(Testing.app(), 'connections');
  const connections = new BatchEndpointConnections(stack, 'connections', {
    account: batchAccountFromId(ACCOUNT_ID, 'eastus'), outputs: true, connections: rules,
  });
  tweak?.(connections);
  return JSON.parse(Testing.synth(stack));
}

const team = (guid: string, status: 'Pending' | 'Approved' | 'Rejected' | 'Disconnected') => connection(ACCOUNT_ID, TEAM, guid, status);
const READS_ACCOUNT = { type: ACCOUNT, resourceId: ACCOUNT_ID, method: 'GET' };
const CHECK = 'check.approve_acct_team';

describeWithTerraform('connection rules over a sequence of applies (terraform test)', () => {
  const results: Record<string, LifecycleResult> = {};
  const play = async (name: string, rules: ConnectionRule[], hcl: string, variants?: Record<string, Record<string, unknown>>) => {
    results[name] = await runLifecycleTests(stackOf(rules), [{ name, hcl }], { variants });
    expectStoriesPassed(results[name]);
    return results[name].stories[name];
  };

  it('first deploy with no connection: nothing blocks the plan, the rule reads the account and warns', async () => {
    const runs = await play('first_deploy_no_connection', [approveTeam], story('acct', [
      { name: 'first_apply', listed: [], expectFailures: [CHECK], asserts: acts('approve_acct_team', READS_ACCOUNT) },
      { name: 'next_plan', command: 'plan', listed: [], expectFailures: [CHECK], asserts: [unchangedSince('first_apply', 'acct')] },
    ], AZAPI_MOCK));
    expect(runs.map((r) => r.status)).toEqual(['pass', 'pass']);
  }, 120_000);

  it('the connection appears Pending, is approved in that apply, and the next apply and plan change nothing', async () => {
    await play('appears_pending_then_approved', [approveTeam], story('acct', [
      { name: 'no_connection_yet', listed: [], expectFailures: [CHECK] },
      {
        name: 'appears_pending', listed: [team('1111', 'Pending')],
        asserts: acts('approve_acct_team', { type: CONNECTION, resourceId: team('1111', 'Pending').id, method: 'PATCH', status: 'Approved' }),
      },
      { name: 'next_plan', command: 'plan', listed: [team('1111', 'Approved')], asserts: [unchangedSince('appears_pending', 'acct')] },
    ], AZAPI_MOCK));
  }, 120_000);

  it('next apply changes nothing, for approve, reject and remove alike, and an auto-approved connection is only read', async () => {
    const intruder = (status: 'Pending' | 'Rejected') => connection(ACCOUNT_ID, INTRUDER, '2222', status);
    const retired = connection(ACCOUNT_ID, RETIRED, '3333', 'Approved');
    await play('next_apply_changes_nothing', [approveTeam, rejectIntruder, removeRetired], story('acct', [
      {
        name: 'acts', listed: [team('1111', 'Approved'), intruder('Pending'), retired],
        asserts: [
          ...acts('approve_acct_team', { type: CONNECTION, resourceId: team('1111', 'Approved').id, method: 'GET' }),
          ...acts('reject_acct_intruder', { type: CONNECTION, resourceId: intruder('Pending').id, method: 'PATCH', status: 'Rejected' }),
          ...acts('remove_acct_retired', { type: CONNECTION, resourceId: retired.id, method: 'DELETE' }),
        ],
      },
      // The DELETE worked: the connection is gone, so the remove rule's target goes back to the account.
      {
        name: 'next_apply', listed: [team('1111', 'Approved'), intruder('Rejected')], expectFailures: ['check.remove_acct_retired'],
        asserts: [...acts('remove_acct_retired', READS_ACCOUNT), [
          'output.acct_connection_actions.approve_acct_team == run.acts.acct_connection_actions.approve_acct_team && output.acct_connection_actions.reject_acct_intruder == run.acts.acct_connection_actions.reject_acct_intruder',
          'the approve and reject rules changed',
        ]],
      },
      { name: 'next_plan', command: 'plan', listed: [team('1111', 'Approved'), intruder('Rejected')], expectFailures: ['check.remove_acct_retired'], asserts: [unchangedSince('next_apply', 'acct')] },
    ], AZAPI_MOCK));
  }, 120_000);

  it('rejected by hand: the approve rule sends nothing more, warns what to do, and the plan goes on', async () => {
    const runs = await play('rejected_by_hand', [approveTeam], story('acct', [
      { name: 'approved', listed: [team('1111', 'Pending')], asserts: acts('approve_acct_team', { type: CONNECTION, resourceId: team('1111', 'Pending').id, method: 'PATCH', status: 'Approved' }) },
      { name: 'rejected_in_portal', listed: [team('1111', 'Rejected')], expectFailures: [CHECK], asserts: [unchangedSince('approved', 'acct')] },
    ], AZAPI_MOCK));
    expect(runs.map((r) => r.status)).toEqual(['pass', 'pass']);
  }, 120_000);

  it('the endpoint is deleted, then recreated with a new connection name: the new one is approved in the apply that sees it', async () => {
    await play('endpoint_deleted_then_recreated', [approveTeam], story('acct', [
      { name: 'approved', listed: [team('1111', 'Pending')], asserts: acts('approve_acct_team', { type: CONNECTION, resourceId: team('1111', 'Pending').id, method: 'PATCH' }) },
      { name: 'endpoint_deleted', listed: [], expectFailures: [CHECK], asserts: acts('approve_acct_team', READS_ACCOUNT) },
      { name: 'endpoint_recreated', listed: [team('2222', 'Pending')], asserts: acts('approve_acct_team', { type: CONNECTION, resourceId: team('2222', 'Pending').id, method: 'PATCH', status: 'Approved' }) },
      // Deleted and recreated between two applies, so no apply saw it gone: the new connection is approved all the same.
      { name: 'recreated_between_applies', listed: [team('3333', 'Pending')], asserts: acts('approve_acct_team', { type: CONNECTION, resourceId: team('3333', 'Pending').id, method: 'PATCH' }) },
    ], AZAPI_MOCK));
  }, 120_000);

  it('a remove rule deletes a reappearing connection in every apply that finds it', async () => {
    const retired = (guid: string, status: 'Pending' | 'Approved') => connection(ACCOUNT_ID, RETIRED, guid, status);
    const CHECK_REMOVE = 'check.remove_acct_retired';
    await play('remove_meets_reappearing_connection', [removeRetired], story('acct', [
      { name: 'auto_approved_then_removed', listed: [retired('1111', 'Approved')], asserts: acts('remove_acct_retired', { type: CONNECTION, resourceId: retired('1111', 'Approved').id, method: 'DELETE' }) },
      // The plan after a DELETE: the spent DELETE is replaced by a read of the account, nothing goes to the connection.
      { name: 'gone', listed: [], expectFailures: [CHECK_REMOVE], asserts: acts('remove_acct_retired', READS_ACCOUNT) },
      { name: 'next_plan', command: 'plan', listed: [], expectFailures: [CHECK_REMOVE], asserts: [unchangedSince('gone', 'acct')] },
      { name: 'asks_again', listed: [retired('2222', 'Pending')], asserts: acts('remove_acct_retired', { type: CONNECTION, resourceId: retired('2222', 'Pending').id, method: 'DELETE' }) },
      { name: 'gone_again', listed: [], expectFailures: [CHECK_REMOVE], asserts: acts('remove_acct_retired', READS_ACCOUNT) },
      { name: 'same_name_again', listed: [retired('2222', 'Approved')], asserts: acts('remove_acct_retired', { type: CONNECTION, resourceId: retired('2222', 'Approved').id, method: 'DELETE' }) },
    ], AZAPI_MOCK));
  }, 120_000);

  it('a rule is removed and the rules are reordered: the other rules\' actions stay as they were', async () => {
    const intruder = connection(ACCOUNT_ID, INTRUDER, '2222', 'Pending');
    const both = [team('1111', 'Pending'), intruder];
    const reject = 'output.acct_connection_actions.reject_acct_intruder';
    await play('rule_removed_and_rules_reordered', [approveTeam, rejectIntruder], story('acct', [
      { name: 'both_act', listed: both },
      { name: 'reordered_plan', command: 'plan', variant: 'reordered', listed: both, asserts: [unchangedSince('both_act', 'acct')] },
      {
        name: 'approve_rule_removed', variant: 'without_approve', listed: both,
        asserts: [
          [`${reject} == run.both_act.acct_connection_actions.reject_acct_intruder`, 'the reject rule changed when the approve rule was removed'],
          ['keys(output.acct_connection_actions) == ["reject_acct_intruder"]', 'the removed rule is still there'],
        ],
      },
    ], AZAPI_MOCK), {
      reordered: stackOf([rejectIntruder, approveTeam]),
      without_approve: stackOf([rejectIntruder]),
    });
  }, 120_000);

  it('each plan shows what the README says: a replace when the target changes, no change once settled, a bare delete for a removed rule', async () => {
    const name = 'what_each_plan_shows';
    const plan = (run: string, listed: ReturnType<typeof team>[], extra: Partial<Parameters<typeof story>[1][number]> = {}) =>
      ({ name: run, command: 'plan' as const, listed, ...extra });
    const apply = (run: string, listed: ReturnType<typeof team>[], extra: Partial<Parameters<typeof story>[1][number]> = {}) => ({ name: run, listed, ...extra });
    results[name] = await runLifecycleTests(stackOf([approveTeam, rejectIntruder]), [{
      name,
      hcl: story('acct', [
        apply('nothing_yet', [], { expectFailures: [CHECK, 'check.reject_acct_intruder'] }),
        plan('plan_pending', [team('1111', 'Pending')], { expectFailures: ['check.reject_acct_intruder'] }),
        apply('apply_pending', [team('1111', 'Pending')], { expectFailures: ['check.reject_acct_intruder'] }),
        plan('plan_approved', [team('1111', 'Approved')], { expectFailures: ['check.reject_acct_intruder'] }),
        plan('plan_rule_removed', [team('1111', 'Approved')], { variant: 'without_approve', expectFailures: ['check.reject_acct_intruder'] }),
      ], AZAPI_MOCK),
    }], { plans: true, variants: { without_approve: stackOf([rejectIntruder]) } });
    expectStoriesPassed(results[name]);
    const planOf = (run: string) => Object.fromEntries(results[name].stories[name].find((r) => r.run === run)!.plannedChanges!
      .filter((c) => /^(azapi_resource_action|terraform_data)\./.test(c.address))
      .map((c) => [c.address, c.change.actions.join(',')]));
    expect(planOf('plan_pending')).toEqual({
      'terraform_data.approve_acct_team': 'update',
      'azapi_resource_action.approve_acct_team': 'delete,create',
      'terraform_data.reject_acct_intruder': 'no-op',
      'azapi_resource_action.reject_acct_intruder': 'no-op',
    });
    expect(Object.values(planOf('plan_approved'))).toEqual(['no-op', 'no-op', 'no-op', 'no-op']);
    expect(planOf('plan_rule_removed')).toEqual({
      'terraform_data.approve_acct_team': 'delete',
      'azapi_resource_action.approve_acct_team': 'delete',
      'terraform_data.reject_acct_intruder': 'no-op',
      'azapi_resource_action.reject_acct_intruder': 'no-op',
    });
  }, 120_000);

  it('two connections match one selector: the plan fails, naming the rule, the endpoint, the account and both names', async () => {
    const name = 'two_connections_match_one_selector';
    results[name] = await runLifecycleTests(stackOf([approveTeam]), [{
      name,
      hcl: story('acct', [{
        name: 'stale_and_new', command: 'plan', listed: [team('1111', 'Disconnected'), team('2222', 'Pending')],
        expectFailures: ['data.azapi_resource_list.connections_acct'],
      }], AZAPI_MOCK),
    }, {
      name: `${name}_unexpected`,
      hcl: story('acct', [{ name: 'stale_and_new', command: 'plan', listed: [team('1111', 'Disconnected'), team('2222', 'Pending')] }], AZAPI_MOCK),
    }]);
    expect(results[name].stories[name].map((r) => r.status)).toEqual(['pass']);
    const [failed] = results[name].stories[`${name}_unexpected`];
    expect(failed.status).not.toBe('pass');
    expect(failed.diagnostics).toContainEqual(expect.objectContaining({
      summary: 'Resource postcondition failed',
      detail: `Rule approve_acct_team: 2 connections match private endpoint ${TEAM} on Batch account acct: pe-team.1111, pe-team.2222. ` +
        'A rule acts on one connection: delete the stale one (e.g. with a remove rule that names it by connectionName), or select by connectionName.',
    }));
  }, 120_000);

  it('the warnings name the rule, the endpoint and the account, and say what to do', async () => {
    // The same runs without expect_failures: the check's warnings come back as the failures they are in a test.
    // One story each, since a failed run skips the rest of its story.
    const result = await runLifecycleTests(stackOf([approveTeam]), [
      { name: 'absent', hcl: story('acct', [{ name: 'absent', command: 'plan', listed: [] }], AZAPI_MOCK) },
      { name: 'rejected', hcl: story('acct', [{ name: 'rejected', command: 'plan', listed: [team('1111', 'Rejected')] }], AZAPI_MOCK) },
    ]);
    const details = (run: string) => result.stories[run][0].diagnostics.map((d) => d.detail);
    expect(details('absent')).toEqual([
      `Rule approve_acct_team: no connection of private endpoint ${TEAM} on Batch account acct, not yet or no longer; nothing was sent. ` +
      'It is approved in the apply that first sees it Pending.',
    ]);
    expect(details('rejected')).toEqual([
      `Rule approve_acct_team: the connection of private endpoint ${TEAM} on Batch account acct is Rejected; Azure cannot approve a Rejected ` +
      'or Disconnected connection. Ask the endpoint\'s owner to delete and recreate the private endpoint (its new connection is approved in ' +
      'the apply that sees it), or drop the rule.',
    ]);
  }, 120_000);

  it('negative control: the precondition design of 0.1 fails the first story', async () => {
    // What 0.1 had: a precondition on the action that exactly one connection matches (found 0 on a first deploy).
    const preconditionDesign = stackOf([approveTeam], (connections) => connections.actions[0].addOverride('lifecycle.precondition', [{
      condition: '${length(local.approve_acct_team) == 1}',
      error_message: `connections[0] (approve): expected exactly one connection from private endpoint ${TEAM} on Batch account ${ACCOUNT_ID}, found \${length(local.approve_acct_team)}.`,
    }]));
    const result = await runLifecycleTests(preconditionDesign, [{
      name: 'first_deploy_no_connection',
      hcl: story('acct', [{ name: 'first_apply', listed: [], expectFailures: [CHECK] }], AZAPI_MOCK),
    }]);
    expect(result.passed).toBe(false);
    expect(result.runs[0].diagnostics).toContainEqual(expect.objectContaining({
      summary: 'Resource precondition failed', detail: expect.stringMatching(/expected exactly one connection .* found 0\.$/),
    }));
  }, 120_000);
});
