#!/usr/bin/env node
// The module-loading floor of a synth: node, cdktf, constructs and the given @cdktf/provider-azurerm modules
// (the ones the default example loads, `lib/<resource>`), and one synth of an empty stack to CDKTF_OUTDIR.
//
//   node scripts/bench/floor.js resource-group subnet …
'use strict';

const { App, TerraformStack } = require('cdktf');
require('constructs');

for (const name of process.argv.slice(2)) require(`@cdktf/provider-azurerm/lib/${name}`);
const app = new App({ outdir: process.env.CDKTF_OUTDIR });
new TerraformStack(app, 'empty');
app.synth();
