import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { OPT_INS, hasOptedIn, optIn, optInsOf } from '../../lib/guards/opt-ins';

describe('opt-ins', () => {
  it('are the five a reviewer must see, each named as the review and the guards read it', () => {
    expect([...OPT_INS].sort()).toEqual(['existingNodeManagementEndpoint', 'externalDns', 'externalNodeManagementDns', 'publicNetworkAccess', 'sharedVnetLink']);
  });

  it('are kept per construct, each one apart', () => {
    const stack = new TerraformStack(new App(), 'stack');
    const [a, b] = [new Construct(stack, 'a'), new Construct(stack, 'b')];
    optIn(a, 'externalDns');
    optIn(a, 'externalDns');
    optIn(a, 'publicNetworkAccess');
    expect([...optInsOf(a)]).toEqual(['externalDns', 'publicNetworkAccess']);
    expect(hasOptedIn(a, 'externalDns')).toBe(true);
    expect(hasOptedIn(a, 'externalNodeManagementDns')).toBe(false);
    expect(hasOptedIn(b, 'externalDns')).toBe(false);
    expect(optInsOf(b).size).toBe(0);
  });
});
