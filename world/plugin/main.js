// The plugin's entry point: TypeScript through sucrase (type-stripping only, .ts files only), then main.ts.
'use strict';
require('sucrase/register/ts');
require('./main.ts');
