import { sensitiveOutputFindings } from '../../lib/guards/rules/sensitive-outputs';
import { modelOf, privateSetup, variantsAlong } from './stack-json';

describe('outputs of access keys', () => {
  describe.each(variantsAlong('dataAccount'))('%s', (_name, variant) => {
    const key = (attribute: string) => `\${${variant.dataAccount ? 'data.' : ''}azurerm_batch_account.acct.${attribute}}`;

    it('refuse a key in a plain output, and accept it marked sensitive', () => {
      const setup = privateSetup(variant);
      setup.json.output = { plain: { value: key('primary_access_key') }, secret: { value: key('secondary_access_key'), sensitive: true } };
      expect(sensitiveOutputFindings(modelOf(setup))).toEqual([{
        path: 'plain',
        attribute: 'sensitive',
        value: false,
        problem: 'output plain carries a Batch access key in plain text',
        fix: 'set sensitive: true on the TerraformOutput, or do not output the key',
      }]);
    });

    it('refuse a key passed through locals, at any depth', () => {
      const setup = privateSetup(variant);
      setup.json.locals = { key: key('secondary_access_key'), keys: { all: ['${local.key}'] }, wrapped: '${upper(local.keys.all[0])}' };
      setup.json.output = { through: { value: '${local.wrapped}' }, direct: { value: { k: '${local.key}' } } };
      expect(sensitiveOutputFindings(modelOf(setup)).map((f) => f.path)).toEqual(['through', 'direct']);
    });
  });

  it('accept outputs of other attributes and of locals without keys, even when locals refer to each other', () => {
    const setup = privateSetup();
    setup.json.locals = { a: '${local.b}', b: '${local.a}', endpoint: '${azurerm_batch_account.acct.account_endpoint}' };
    setup.json.output = {
      endpoint: { value: '${local.endpoint}' },
      loop: { value: '${local.a}' },
      missing: { value: '${local.nothing}' },
      nothing: {},
      named_like_a_key: { value: 'primary_access_key' },
    };
    expect(sensitiveOutputFindings(modelOf(setup))).toEqual([]);
  });
});
