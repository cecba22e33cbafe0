/**
 * The shipped two-stack example, config/manual-approval.json, deployed in the order the README gives, as one
 * `terraform test` story: the owner's stack (no connection yet: it applies, with a warning), the team's stack
 * (its manual endpoint asks: Pending), the owner's stack again (Approved), then a plan with no changes. And an
 * endpoint of the owner's own stack, approved in the apply that creates it.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../app/build-app';
import { rawConfig, validConfig } from '../helpers/config';
import { userSetup } from '../fixtures/user-setups';
import { describeWithTerraform, expectStoriesPassed, runLifecycleTests } from '../helpers/terraform';
import { acts, connection, hcl, MOCKS, story, unchangedSince } from '../helpers/connection-stories';

const SUB = '11111111-2222-3333-4444-555555555555';
const OWNER_ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-batch-shared-eastus/providers/Microsoft.Batch/batchAccounts/sharedbatch01`;
const TEAM_ENDPOINT_ID = `/subscriptions/${SUB}/resourceGroups/rg-analytics-eastus/providers/Microsoft.Network/privateEndpoints/pe-sharedbatch01-analytics`;
const CONNECTION = 'Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01';
const RULE = 'approve_sharedbatch01_analytics';

/** Synthesizes a config as `npm run synth` does, into a temp dir; returns the stack dirs by name. */
function synthesize(raw: unknown, dirs: string[]): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), 'manual-approval-'));
  dirs.push(outdir);
  const config = validConfig(raw);
  buildApp(config, { outdir }).synth();
  return Object.fromEntries(config.stacks.map((s) => [s.name, join(outdir, 'stacks', s.name)]));
}

describeWithTerraform('config/manual-approval.json deploys in the documented order (terraform test)', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('owner (warning), team (Pending), owner again (Approved), then nothing to change; no plan fails on the way', async () => {
    const stacks = synthesize(rawConfig('manual-approval.json'), dirs);
    const pending = connection(OWNER_ACCOUNT_ID, TEAM_ENDPOINT_ID, '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0', 'Pending');
    const approved = { ...pending, status: 'Approved' as const };
    const endpoint = 'azurerm_private_endpoint.pe_sharedbatch01_analytics';
    const hclText = story('sharedbatch01', [
      {
        name: 'owner_first_apply', stateKey: 'owner', listed: [], expectFailures: [`check.${RULE}`],
        asserts: acts(RULE, { type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: OWNER_ACCOUNT_ID, method: 'GET' }),
        // The account is created in this apply; the mock gives it the ID Azure would.
        extra: `override_resource {\n  target = azurerm_batch_account.batch_sharedbatch01\n  values = { id = ${hcl(OWNER_ACCOUNT_ID)} }\n}`,
      },
      {
        name: 'team_apply', stateKey: 'team', variant: 'team', listed: null,
        asserts: [
          [`${endpoint}.private_service_connection[0].is_manual_connection`, 'the team asks for a manual (Pending) connection'],
          [`${endpoint}.private_service_connection[0].private_connection_resource_id == ${hcl(OWNER_ACCOUNT_ID)}`, 'the team asks the owner\'s account'],
          [`"/subscriptions/${SUB}/resourceGroups/\${${endpoint}.resource_group_name}/providers/Microsoft.Network/privateEndpoints/\${${endpoint}.name}" == ${hcl(TEAM_ENDPOINT_ID)}`,
            'the team\'s endpoint is the one the owner\'s rule selects'],
        ],
      },
      {
        name: 'owner_second_apply', stateKey: 'owner', listed: [pending],
        asserts: acts(RULE, { type: CONNECTION, resourceId: pending.id, method: 'PATCH', status: 'Approved' }),
      },
      { name: 'owner_next_plan', stateKey: 'owner', command: 'plan', listed: [approved], asserts: [unchangedSince('owner_second_apply', 'sharedbatch01')] },
    ]);
    const result = await runLifecycleTests(stacks['batch-shared-eastus'], [{ name: 'documented_order', hcl: hclText }], {
      variants: { team: stacks['batch-analytics-eastus'] },
    });
    expectStoriesPassed(result);
    expect(result.runs.map((r) => [r.run, r.status])).toEqual([
      ['owner_first_apply', 'pass'], ['team_apply', 'pass'], ['owner_second_apply', 'pass'], ['owner_next_plan', 'pass'],
    ]);
  }, 180_000);

  it('a manual endpoint of the owner\'s own stack is approved in the apply that creates it', async () => {
    const stacks = synthesize({ stacks: [userSetup('fixture-manual-endpoint')] }, dirs);
    const endpointId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-private-eastus/providers/Microsoft.Network/privateEndpoints/pe-contosobatch01-nodemanagement';
    const accountId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-private-eastus/providers/Microsoft.Batch/batchAccounts/contosobatch01';
    const pending = connection(accountId, endpointId, '5c6d7e8f-0000-4000-8000-000000000001', 'Pending');
    const rule = 'approve_contosobatch01_nodemanagement';
    const result = await runLifecycleTests(stacks['fixture-manual-endpoint'], [{
      name: 'same_apply',
      hcl: story('contosobatch01', [
        {
          name: 'first_apply', listed: [pending],
          asserts: acts(rule, { type: CONNECTION, resourceId: pending.id, method: 'PATCH', status: 'Approved' }),
          // The endpoint is created in this apply; the mock gives it the ID and DNS config Azure would.
          extra: `override_resource {\n  target = azurerm_private_endpoint.pe_contosobatch01_nodemanagement\n  values = ${hcl({
            id: endpointId, custom_dns_configs: [{ fqdn: 'f2a1.eastus.service.batch.azure.com', ip_addresses: ['10.20.1.5'] }],
          })}\n}`,
        },
        { name: 'next_plan', command: 'plan', listed: [{ ...pending, status: 'Approved' }], asserts: [unchangedSince('first_apply', 'contosobatch01')] },
      ], MOCKS),
    }]);
    expectStoriesPassed(result);
  }, 180_000);
});
