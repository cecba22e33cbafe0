/**
 * Snapshots are shared by both flavours: a stack synthesized on cdktn must match the reviewed cdktf snapshot.
 * The one intended difference is the azurerm version each prebuilt provider pins in `required_providers`
 * (4.73.0 for @cdktn/provider-azurerm 16.1, 4.55.0 for @cdktf/provider-azurerm 14.23), so this serializer
 * prints cdktn's pin as cdktf's. Everything else must be byte-identical, which the shared snapshot asserts.
 */
const { join } = require('path');
const { FLAVOURS } = require('..');

const boundAzurerm = (flavour) =>
  require(join(flavour.nodeModules, flavour.providerPackage, 'package.json')).cdktf.provider.version;
const CDKTN_PIN = boundAzurerm(FLAVOURS.cdktn);
const CDKTF_PIN = boundAzurerm(FLAVOURS.cdktf);

const azurermPin = (value) => value?.terraform?.required_providers?.azurerm;

module.exports = {
  test: (value) => typeof value === 'object' && value !== null && azurermPin(value)?.version === CDKTN_PIN,
  serialize(value, config, indentation, depth, refs, printer) {
    const { terraform } = value;
    const pinnedAsCdktf = {
      ...value,
      terraform: {
        ...terraform,
        required_providers: { ...terraform.required_providers, azurerm: { ...azurermPin(value), version: CDKTF_PIN } },
      },
    };
    return printer(pinnedAsCdktf, config, indentation, depth, refs);
  },
};
