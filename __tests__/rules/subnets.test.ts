import { App, TerraformStack, Token } from 'cdktf';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { literalAttribute, resolveSubnet, vnetOfSubnetId } from '../../lib/rules/subnets';

const VNET = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-a';
const SUBNET = `${VNET}/subnets/snet`;
const token = () => Token.asString({ resolve: () => 'x' });

/** A VNet and a subnet constructed in one stack: their IDs, names and regions are tokens, their inputs literal. */
function network(): { vnet: VirtualNetwork; subnet: Subnet } {
  const stack = new TerraformStack(new App({ skipValidation: true }), 'stack');
  const vnet = new VirtualNetwork(stack, 'vnet', { name: 'vnet-b', location: 'northeurope', resourceGroupName: 'rg', addressSpace: ['10.0.0.0/16'] });
  const subnet = new Subnet(stack, 'snet', { name: 'snet', resourceGroupName: 'rg', virtualNetworkName: vnet.name, addressPrefixes: ['10.0.1.0/24'] });
  return { vnet, subnet };
}

describe('endpoint subnets', () => {
  it('find the VNet of a literal subnet ID, and nothing in a token', () => {
    expect(vnetOfSubnetId(SUBNET)).toEqual({ id: VNET, name: 'vnet-a' });
    expect(vnetOfSubnetId('${azurerm_subnet.x.id}')).toBeUndefined();
    expect(vnetOfSubnetId(VNET)).toBeUndefined();
  });

  it.each([
    ['a management URL', `https://management.azure.com${SUBNET}`],
    ['a subnet\'s child resource', `${SUBNET}/serviceAssociationLinks/batch`],
  ])('find no VNet in %s, which is not a subnet ID', (_, id) => {
    expect(vnetOfSubnetId(id)).toBeUndefined();
  });

  it('read a construct attribute from what it was configured with when the attribute is a token', () => {
    expect(literalAttribute({ name: 'vnet-b' }, 'name')).toBe('vnet-b');
    expect(literalAttribute({ name: '${TfToken[TOKEN.1]}', nameInput: 'vnet-c' }, 'name')).toBe('vnet-c');
    expect(literalAttribute({ name: '${TfToken[TOKEN.1]}', nameInput: '${TfToken[TOKEN.2]}' }, 'name')).toBeUndefined();
  });

  it.each([
    ['a construct configured with a list', () => network().vnet],
    ['a plain object holding a list', () => ({ addressSpace: ['10.0.0.0/16'] })],
  ])('read no literal address space from %s: only a string is one', (_, source) => {
    expect(literalAttribute(source(), 'addressSpace')).toBeUndefined();
  });

  it('resolve an ID, or what is given, preferring the VNet given over the one in the ID', () => {
    expect(resolveSubnet(SUBNET)).toEqual({ id: SUBNET, addressPrefix: undefined, vnetId: VNET, vnetName: 'vnet-a', vnetLocation: undefined });
    expect(resolveSubnet({ id: 'x', addressPrefix: '10.0.1.0/24', virtualNetwork: { id: VNET, location: 'eastus' } }))
      .toEqual({ id: 'x', addressPrefix: '10.0.1.0/24', vnetId: VNET, vnetName: 'vnet-a', vnetLocation: 'eastus' });
    expect(resolveSubnet({ id: 'x', addressPrefixesInput: ['10.0.2.0/24'] } as any).addressPrefix).toBe('10.0.2.0/24');
    expect(resolveSubnet({ id: 'x', addressPrefixesInput: ['10.0.2.0/24', '10.0.3.0/24'] } as any).addressPrefix).toBeUndefined();
  });

  it('resolve a Subnet and a VirtualNetwork construct of the same stack to the prefix, name and region they were configured with', () => {
    const { vnet, subnet } = network();
    expect(resolveSubnet(subnet).addressPrefix).toBe('10.0.1.0/24');
    expect(resolveSubnet({ id: subnet.id, virtualNetwork: vnet })).toMatchObject({ vnetName: 'vnet-b', vnetLocation: 'northeurope' });
  });

  it('take no prefix from a Subnet construct configured with one known only at deploy', () => {
    expect(resolveSubnet({ id: 'x', addressPrefixesInput: [token()] } as any).addressPrefix).toBeUndefined();
  });

  it.each([
    ['a management URL', `https://management.azure.com${VNET}`],
    ['a subnet ID', `${VNET}/subnets/other`],
  ])('name no VNet from %s given as the VNet ID, so that no zone link is named after it', (_, id) => {
    expect(resolveSubnet({ id: token(), virtualNetwork: { id } }).vnetName).toBeUndefined();
  });
});
