import { TerraformStack, Testing } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { bareHclReferences } from '../../lib/hcl/bare-references';
import { AzapiDataResource } from '../../lib/azapi/data-resource';
import { AzapiProvider } from '../../lib/azapi/provider';
import { addHclStep, useBareHclReferences } from '../../lib/hcl/stack-hcl';
import { BatchAccount } from '../../lib/account/batch-account';
import { CheckBlock } from '../../lib/terraform/check-block';

/** Lines as cdktf renders them (no indentation), or formatted by terraform fmt. */
const hcl = (...lines: string[]): string => lines.join('\n');

describe('bareHclReferences', () => {
  it('unquotes the provider of resources and data sources, with or without an alias', () => {
    expect(bareHclReferences(hcl(
      'resource "azurerm_private_dns_a_record" "a" {',
      'name = "x"',
      'provider = "azurerm.hub"',
      '}',
      'data "azapi_resource_list" "l" {',
      '  provider = "azapi"',
      '}',
    ))).toBe(hcl(
      'resource "azurerm_private_dns_a_record" "a" {',
      'name = "x"',
      'provider = azurerm.hub',
      '}',
      'data "azapi_resource_list" "l" {',
      '  provider = azapi',
      '}',
    ));
  });

  it('unquotes depends_on lists, on one line or several', () => {
    expect(bareHclReferences(hcl(
      'resource "a" "b" {',
      'depends_on = [',
      '"azapi_resource_action.rule-0-approve_1A2B",',
      '"azurerm_batch_account.x",',
      ']',
      '}',
      'output "o" {',
      '  value      = "${a.b.id}"',
      '  depends_on = ["a.b", "data.c.d"]',
      '}',
    ))).toBe(hcl(
      'resource "a" "b" {',
      'depends_on = [',
      'azapi_resource_action.rule-0-approve_1A2B,',
      'azurerm_batch_account.x,',
      ']',
      '}',
      'output "o" {',
      '  value      = "${a.b.id}"',
      '  depends_on = [a.b, data.c.d]',
      '}',
    ));
  });

  it('unquotes ignore_changes and replace_triggered_by in lifecycle, and "all"', () => {
    expect(bareHclReferences(hcl(
      'resource "azapi_resource_action" "r" {',
      '  lifecycle {',
      '    precondition {',
      '      condition     = "${length(local.x) == 1}"',
      '      error_message = "expected one"',
      '    }',
      '    ignore_changes = [',
      '      "method",',
      '      "body",',
      '    ]',
      '    replace_triggered_by = ["terraform_data.key"]',
      '  }',
      '}',
      'resource "a" "b" {',
      'lifecycle {',
      'ignore_changes = "all"',
      '}',
      '}',
    ))).toBe(hcl(
      'resource "azapi_resource_action" "r" {',
      '  lifecycle {',
      '    precondition {',
      '      condition     = "${length(local.x) == 1}"',
      '      error_message = "expected one"',
      '    }',
      '    ignore_changes = [',
      '      method,',
      '      body,',
      '    ]',
      '    replace_triggered_by = [terraform_data.key]',
      '  }',
      '}',
      'resource "a" "b" {',
      'lifecycle {',
      'ignore_changes = all',
      '}',
      '}',
    ));
  });

  it('leaves values alone: provider blocks, keys named provider inside values and nested blocks, strings in expressions', () => {
    const untouched = hcl(
      'provider "azurerm" {',
      'alias = "hub"',
      'features {',
      '',
      '}',
      '}',
      'resource "azapi_resource" "r" {',
      'body = {',
      'provider = "azapi"',
      'properties = {',
      'depends_on = ["a.b"]',
      '}',
      '}',
      'name = "a{b[c"',
      'tags = { provider = "x" }',
      'condition = "${contains(["Pending", "Approved"], c.status) ? "a.b" : "}"}"',
      'settings {',
      'provider = "not.a.meta.argument"',
      '}',
      'depends_on = ["${a.b.id}"]',
      '}',
    );
    expect(bareHclReferences(untouched)).toBe(untouched);
  });

  it('still finds the block level after values with brackets inside strings and interpolations', () => {
    expect(bareHclReferences(hcl(
      'resource "a" "b" {',
      'name = "${trimsuffix(x.fqdn, "}")}"',
      'map = {',
      '"${a.b}" = "]"',
      '}',
      'provider = "azurerm.dns"',
      '}',
    ))).toContain('provider = azurerm.dns');
  });

  it('leaves heredocs alone', () => {
    const text = hcl(
      'resource "a" "b" {',
      'script = <<EOF',
      'provider = "azurerm.hub"',
      '}',
      'EOF',
      'provider = "azurerm.hub"',
      '}',
    );
    expect(bareHclReferences(text).split('\n')).toEqual([
      'resource "a" "b" {', 'script = <<EOF', 'provider = "azurerm.hub"', '}', 'EOF', 'provider = azurerm.hub', '}',
    ]);
  });

  it('changes nothing the second time', () => {
    const once = bareHclReferences(hcl('resource "a" "b" {', 'provider = "x.y"', 'depends_on = [', '"c.d",', ']', '}'));
    expect(bareHclReferences(once)).toBe(once);
  });
});

describe('useBareHclReferences', () => {
  const stackWithHubProvider = () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const hub = new AzurermProvider(stack, 'hub', { alias: 'hub', features: [{}] });
    const group = new ResourceGroup(stack, 'group', { provider: hub, name: 'rg', location: 'eastus' });
    new ResourceGroup(stack, 'other', { name: 'rg2', location: 'eastus', dependsOn: [group] });
    return stack;
  };

  it('is what every construct of the library gives its stack: HCL with bare references, JSON as before', () => {
    const stack = stackWithHubProvider();
    const json = Testing.synth(stack);
    new BatchAccount(stack, 'batch', { name: 'contosobatch', resourceGroupName: 'rg', location: 'eastus' });
    const { hcl: text } = stack.toHclTerraform();
    expect(text).toContain('provider = azurerm.hub');
    expect(text).toMatch(/depends_on = \[\s*azurerm_resource_group\.group,\s*\]/);
    expect(text).not.toMatch(/(provider|depends_on) = \[?\s*"/);
    expect(JSON.parse(Testing.synth(stack)).resource.azurerm_resource_group).toEqual(JSON.parse(json).resource.azurerm_resource_group);
  });

  it('is off for a stack without the library until called, and calling it twice is one call', () => {
    const stack = stackWithHubProvider();
    expect(stack.toHclTerraform().hcl).toContain('provider = "azurerm.hub"');
    useBareHclReferences(stack);
    const once = stack.toHclTerraform().hcl;
    useBareHclReferences(stack);
    expect(stack.toHclTerraform().hcl).toBe(once);
    expect(once).toContain('provider = azurerm.hub');
  });

  it('runs over what other HCL steps add, such as check blocks, whatever was created first', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const other = new AzapiProvider(stack, 'other', { alias: 'other', environment: 'public' });
    const check = new CheckBlock(stack, 'check', { name: 'account_exists' });
    const read = check.scope(new AzapiDataResource(check, 'read', {
      provider: other, type: 'Microsoft.Batch/batchAccounts@2024-07-01', resourceId: '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Batch/batchAccounts/acct',
    }));
    check.addAssertion({ condition: `\${${read.id} != ""}`, errorMessage: 'the account cannot be read' });
    new BatchAccount(stack, 'batch', { name: 'contosobatch', resourceGroupName: 'rg', location: 'eastus' });
    addHclStep(stack, (hcl) => `${hcl}\nresource "a" "b" {\ndepends_on = ["azurerm_batch_account.batch_contosobatch"]\n}`);
    const { hcl: text } = stack.toHclTerraform();
    expect(text).toMatch(/check "account_exists" \{\s*data "azapi_resource" "[^"]+" \{[^}]*provider = azapi\.other/);
    expect(text).toContain('depends_on = [azurerm_batch_account.batch_contosobatch]');
  });
});
