import { literalAttribute, resolveSubnet, vnetOfSubnetId } from '../../lib/rules/subnets';

const VNET = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a';

describe('endpoint subnets', () => {
  it('find the VNet of a literal subnet ID, and nothing in a token', () => {
    expect(vnetOfSubnetId(`${VNET}/subnets/snet`)).toEqual({ id: VNET, name: 'vnet-a' });
    expect(vnetOfSubnetId('${azurerm_subnet.x.id}')).toBeUndefined();
    expect(vnetOfSubnetId(VNET)).toBeUndefined();
  });

  it('read a construct attribute from what it was configured with when the attribute is a token', () => {
    expect(literalAttribute({ name: 'vnet-b' }, 'name')).toBe('vnet-b');
    expect(literalAttribute({ name: '${TfToken[TOKEN.1]}', nameInput: 'vnet-c' }, 'name')).toBe('vnet-c');
    expect(literalAttribute({ name: '${TfToken[TOKEN.1]}', nameInput: '${TfToken[TOKEN.2]}' }, 'name')).toBeUndefined();
  });

  it('resolve an ID, or what is given, preferring the VNet given over the one in the ID', () => {
    expect(resolveSubnet(`${VNET}/subnets/snet`)).toEqual({ id: `${VNET}/subnets/snet`, addressPrefix: undefined, vnetId: VNET, vnetName: 'vnet-a', vnetLocation: undefined });
    expect(resolveSubnet({ id: 'x', addressPrefix: '10.0.1.0/24', virtualNetwork: { id: VNET, location: 'eastus' } }))
      .toEqual({ id: 'x', addressPrefix: '10.0.1.0/24', vnetId: VNET, vnetName: 'vnet-a', vnetLocation: 'eastus' });
    expect(resolveSubnet({ id: 'x', addressPrefixesInput: ['10.0.2.0/24'] } as any).addressPrefix).toBe('10.0.2.0/24');
    expect(resolveSubnet({ id: 'x', addressPrefixesInput: ['10.0.2.0/24', '10.0.3.0/24'] } as any).addressPrefix).toBeUndefined();
  });
});
