import { armDelete, armPut } from '../../../world/engine/arm/operations';
import { endpoint, seededContext, SUBNET, VNET } from './world-helpers';

const subnet = (name: string, prefix: string) => ({ id: `${VNET}/subnets/${name}`, type: 'Microsoft.Network/virtualNetworks/subnets', name, properties: { addressPrefixes: [prefix] } });

describe('virtual networks', () => {
  test('a subnet outside the VNet\'s address space is refused', () => {
    expect(() => armPut(seededContext(), subnet('out', '10.99.0.0/24'))).toThrow(expect.objectContaining({ code: 'NetcfgSubnetRangeOutsideVnet' }));
  });

  test('subnets of one VNet do not overlap', () => {
    expect(() => armPut(seededContext(), subnet('pools', '10.20.1.128/25'))).toThrow(expect.objectContaining({ code: 'NetcfgSubnetRangesOverlap' }));
  });

  test('a prefix with host bits set is InvalidCIDRNotation', () => {
    expect(() => armPut(seededContext(), subnet('bad', '10.20.2.10/24'))).toThrow(expect.objectContaining({ code: 'InvalidCIDRNotation' }));
  });

  test('a subnet that an endpoint uses cannot be deleted, nor its VNet', () => {
    const ctx = seededContext();
    armPut(ctx, endpoint('pe-a', 'batchAccount'));
    expect(() => armDelete(ctx, SUBNET)).toThrow(expect.objectContaining({ code: 'InUseSubnetCannotBeDeleted' }));
    expect(() => armDelete(ctx, VNET)).toThrow(expect.objectContaining({ code: 'InUseSubnetCannotBeDeleted' }));
  });
});
