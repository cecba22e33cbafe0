/**
 * Upgrading from 0.1: the state a 0.1 user has (its addresses were construct paths plus a hash) meets today's
 * readable addresses, and nothing is destroyed. Terraform itself plays it: `terraform test` applies what 0.1
 * synthesized for the shipped configs (__tests__/fixtures/v0.1), then today's synth on the same state.
 */
import { join } from 'path';
import { App } from 'cdktf';
import { MOVED_FROM_V01_CONTEXT } from '../lib/core/addresses';
import { PrivateBatchStack } from '../app/private-batch-stack';
import { REPO, rawConfig, validConfig } from './helpers/config';
import {
  describeWithTerraform, runUpgradeStories, StackJson, synthApp, SynthesizedApp, UpgradeMocks, UpgradeResult, UpgradeStory,
} from './helpers/terraform';

const V01 = join(REPO, '__tests__', 'fixtures', 'v0.1');
const STACKS = { 'example.json': ['batch-private-eastus'], 'manual-approval.json': ['batch-analytics-eastus', 'batch-shared-eastus'] };

/** The team's endpoint in config/manual-approval.json, whose connection the owner's stack approves. */
const TEAM_ENDPOINT_ID = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-analytics-eastus/providers/Microsoft.Network/privateEndpoints/pe-sharedbatch01-analytics';

/**
 * What Azure returns: an endpoint's custom DNS config (the nodeManagement record's name is read from it), and for
 * the owner's account the team's connection, already approved. The connection list is given in 0.1's projected
 * shape (`connections`) and in the API's own (`value`), so that a rewrite of the list keeps finding it.
 */
const MOCKS: UpgradeMocks = {
  providers: `mock_provider "azurerm" {
  mock_resource "azurerm_private_endpoint" {
    defaults = {
      custom_dns_configs = [{ fqdn = "sharedbatch01.eastus.service.batch.azure.com", ip_addresses = ["10.30.1.5"] }]
    }
  }
}

mock_provider "azapi" {}`,
  overrideData: (json: StackJson) => Object.keys(json.data?.azapi_resource_list ?? {}).map((name) => {
    const id = `/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-batch-shared-eastus/providers/Microsoft.Batch/batchAccounts/sharedbatch01/privateEndpointConnections/pe-sharedbatch01-analytics.0f0e`;
    return `  override_data {
    target = data.azapi_resource_list.${name}
    values = {
      output = {
        connections = [{ id = "${id}", name = "pe-sharedbatch01-analytics.0f0e", privateEndpointId = "${TEAM_ENDPOINT_ID}", status = "Approved" }]
        value = [{
          id = "${id}"
          name = "pe-sharedbatch01-analytics.0f0e"
          properties = {
            privateEndpoint = { id = "${TEAM_ENDPOINT_ID}" }
            privateLinkServiceConnectionState = { status = "Approved", description = "ok" }
          }
        }]
      }
    }
  }`;
  }).join('\n'),
};

/** Synthesizes the shipped configs as the app does, with `context` on the app. */
function synthShipped(context: Record<string, unknown> = {}): SynthesizedApp {
  return synthApp((app: App) => {
    for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
    for (const file of Object.keys(STACKS)) validConfig(rawConfig(file)).stacks.forEach((stack) => new PrivateBatchStack(app, stack));
  });
}

const stories = (synth: SynthesizedApp): UpgradeStory[] =>
  Object.values(STACKS).flat().map((name) => ({ name, before: join(V01, name), after: synth.stackDirs[name] }));

const expectPassed = (result: UpgradeResult): void => {
  if (!result.passed) throw new Error(`terraform test failed:\n${result.output}`);
};

describeWithTerraform('upgrading from 0.1: moved blocks carry the state over', () => {
  const synths: SynthesizedApp[] = [];
  afterAll(() => synths.forEach((s) => s.cleanup()));

  it('destroys nothing of a 0.1 state, for every stack of both shipped configs', async () => {
    const synth = synthShipped({ [MOVED_FROM_V01_CONTEXT]: true });
    synths.push(synth);
    expectPassed(await runUpgradeStories(stories(synth), MOCKS));
  }, 90_000);

  it('would destroy the 0.1 resources without the moved blocks, as a stack synthesizes by default (so the test above can fail)', async () => {
    const synth = synthShipped();
    synths.push(synth);
    const result = await runUpgradeStories([{ name: 'no-moved', before: join(V01, 'batch-private-eastus'), after: synth.stackDirs['batch-private-eastus'] }], MOCKS);
    expect(result.passed).toBe(false);
    for (const address of ['azurerm_batch_account.contosobatch01_F8E61559', 'azurerm_private_endpoint.contosobatch01_batchAccount_9267677F', 'azurerm_private_dns_zone.DnsZone_5A00774F']) {
      expect(result.output).toContain(address);
    }
    expect(result.output).toMatch(/The upgrade destroys these resources of the old state/);
  }, 90_000);
});
