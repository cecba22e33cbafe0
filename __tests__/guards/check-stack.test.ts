import { checkStack } from '../../lib/guards/check-stack';
import { expectEverySetupAccepted } from './stack-json';

describe('the stack guards', () => {
  it('accept a correct private setup in every supported setup', () => {
    expectEverySetupAccepted(checkStack);
  });
});
