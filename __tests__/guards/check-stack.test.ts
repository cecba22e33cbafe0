import { checkStack } from '../../lib/guards/check-stack';
import { VARIANTS, modelOf, privateSetup } from './stack-json';

describe('the stack guards', () => {
  it.each(VARIANTS)('accept a correct private setup: %s', (_name, variant) => {
    expect(checkStack(modelOf(privateSetup(variant)))).toEqual([]);
  });
});
