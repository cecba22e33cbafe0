// The plugin's entry point: TypeScript through the app's cached loader (app/register.js). Terraform starts each
// provider several times per run, and transpiling the plugin's TypeScript on every start cost more than half of each
// start; the loader keeps each file's JavaScript and loads sucrase only for a file that changed.
'use strict';
require('../../app/register.js');
require('./main.ts');
