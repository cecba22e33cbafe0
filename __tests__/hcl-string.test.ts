import { hclExpression, hclQuotedTemplate } from '../lib/terraform/hcl-string';

describe('JSON-syntax strings in HCL', () => {
  it('escapes quotes, backslashes and line breaks in the literal parts', () => {
    expect(hclQuotedTemplate('say "hi"\\now\nand\ttab')).toBe('"say \\"hi\\"\\\\now\\nand\\ttab"');
  });

  it('copies interpolations and directives as they are, quotes inside them included', () => {
    expect(hclQuotedTemplate('is ${join(", ", [for c in x : "${c.name}"])} %{if a}"y"%{endif}'))
      .toBe('"is ${join(", ", [for c in x : "${c.name}"])} %{if a}\\"y\\"%{endif}"');
    expect(hclQuotedTemplate('${{ a = "}" }["a"]} done')).toBe('"${{ a = "}" }["a"]} done"');
  });

  it('keeps an escaped $${ or %%{ literal', () => {
    expect(hclQuotedTemplate('cost $${x} and %%{y} "q"')).toBe('"cost $${x} and %%{y} \\"q\\""');
  });

  it('writes a lone interpolation as the bare expression, anything else as a template', () => {
    expect(hclExpression('${length(local.x) > 0}')).toBe('length(local.x) > 0');
    expect(hclExpression('${a} and ${b}')).toBe('"${a} and ${b}"');
    expect(hclExpression('plain')).toBe('"plain"');
  });

  it('refuses an interpolation that never closes', () => {
    expect(() => hclQuotedTemplate('${oops')).toThrow('unterminated interpolation in "${oops"');
  });
});
