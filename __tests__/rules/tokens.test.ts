/**
 * The rules tell a literal from a value Terraform knows later without importing the core (lib/rules/tokens.ts).
 * That is only right while it answers as the core's own `Token.isUnresolved` does, on the flavour under test
 * (cdktf in `npm test`, cdktn in `npm run test:cdktn`): the values here are what the rules are given, the props
 * of a stack with references, expressions and variables in them.
 */
import { Fn, Lazy, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { isToken } from '../../lib/rules/tokens';

function values(): string[] {
  const stack = new TerraformStack(Testing.app(), 'tokens');
  const group = new ResourceGroup(stack, 'group', { name: 'rg', location: 'eastus' });
  const name = new TerraformVariable(stack, 'name', { type: 'string' });
  return [
    group.id,
    group.name,
    `${group.id}/providers/Microsoft.Network/virtualNetworks/vnet`,
    name.stringValue,
    Fn.lower(name.stringValue),
    Token.asString(group.tags),
    Lazy.stringValue({ produce: () => 'later' }),
    Fn.join(',', Token.asList(group.tags)),
    'rg-batch',
    '',
    '${var.name}',
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg',
    '${TfToken[]}',
    '${TfToken[TOKEN.1]',
    '#{TfToken[TOKEN.1]}',
  ];
}

describe('isToken, the rules\' view of a value Terraform knows later', () => {
  it('answers as the core\'s Token.isUnresolved for every kind of string a rule is given', () => {
    const all = values();
    expect(all.map((v) => [v, isToken(v)])).toEqual(all.map((v) => [v, Token.isUnresolved(v)]));
    // Both answers occur, so the comparison above is not vacuous.
    expect(new Set(all.map(isToken))).toEqual(new Set([true, false]));
  });
});
