import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { synthesizeOnce } from '../app/synthesize-once';

describe('a stack synthesized once', () => {
  it('gives the JSON cdktf gives, once while its constructs stay, and anew once a construct is added', () => {
    const stack = new TerraformStack(new App(), 's');
    new TerraformOutput(stack, 'a', { value: 'x' });
    const plain = stack.toTerraform();
    synthesizeOnce(stack);
    const first = stack.toTerraform();
    expect(first).toEqual(plain);
    expect(stack.toTerraform()).toBe(first);
    new TerraformOutput(stack, 'b', { value: 'y' });
    expect(Object.keys(stack.toTerraform().output)).toEqual(['a', 'b']);
  });
});
