import { Annotations, App, IResolvable, Lazy, TerraformStack, Tokenization } from 'cdktf';
import { withoutTokenTraces } from '../app/token-traces';

const lazyToken = (): IResolvable & { creationStack: string[] } =>
  Tokenization.reverseString(Lazy.stringValue({ produce: () => 'x' })).tokens[0] as IResolvable & { creationStack: string[] };

describe('the app command without cdktf token traces', () => {
  afterEach(() => { delete process.env.PRIVATE_BATCH_TOKEN_TRACES; });

  it('leaves the creation stack of tokens made inside empty, and of tokens made outside as cdktf records it', () => {
    expect(withoutTokenTraces(lazyToken).creationStack).toEqual([]);
    expect(lazyToken().creationStack.length).toBeGreaterThan(0);
  });

  it('keeps every other trace: errors as node formats them, and construct metadata such as warnings', () => {
    const [inside, stack] = withoutTokenTraces(() => {
      const s = new TerraformStack(new App(), 's');
      Annotations.of(s).addWarning('look');
      return [new Error('boom').stack!, s];
    });
    const outside = new Error('boom').stack!;
    expect(inside.split('\n')[0]).toBe('Error: boom');
    expect(inside.split('\n')[1]).toMatch(/^ {4}at /);
    expect(outside.split('\n')[0]).toBe('Error: boom');
    expect(stack.node.metadata.find((m) => m.data === 'look')?.trace?.length).toBeGreaterThan(0);
  });

  it('puts cdktf\'s token traces back, also when the build throws', () => {
    expect(() => withoutTokenTraces(() => { throw new Error('bad config'); })).toThrow('bad config');
    expect(lazyToken().creationStack.length).toBeGreaterThan(0);
  });

  it('keeps token traces when PRIVATE_BATCH_TOKEN_TRACES=1', () => {
    process.env.PRIVATE_BATCH_TOKEN_TRACES = '1';
    expect(withoutTokenTraces(lazyToken).creationStack.length).toBeGreaterThan(0);
  });
});
