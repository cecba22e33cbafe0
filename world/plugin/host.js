// The plugin host's entry point (host.ts), through the app's cached TypeScript loader like main.js.
'use strict';
require('../../app/register.js');
require('./host.ts');
