#!/usr/bin/env node
// Regenerates the vendored provider schema subsets in this folder from full schemas (the per-provider shape of
// `terraform providers schema -json`: { provider, resource_schemas, data_source_schemas, ... }).
//
//   npm run world:schemas -- [SCHEMA_DIR]      (default: ../shared/terraform-schemas beside the repo)
//
// It keeps the provider block whole, and of the resource and data source types exactly those in types.json; no
// ephemeral resources (the library uses none). It then rewrites the table between the markers in
// world/PROVENANCE.md: each source file with its sha256, the subset's sha256, and today's date.
'use strict';
const { createHash } = require('crypto');
const { readFileSync, writeFileSync } = require('fs');
const { join, resolve } = require('path');

const HERE = __dirname;
const REPO = resolve(HERE, '../..');
const SOURCES = ['azurerm-4.55.0.json', 'azurerm-4.74.0.json', 'azapi-2.5.0.json'];
const BEGIN = '<!-- schemas:begin (written by world/schemas/generate.js) -->';
const END = '<!-- schemas:end -->';

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

function pick(all, names, what, file) {
  const missing = names.filter((n) => !all || !all[n]);
  if (missing.length) throw new Error(`${file} has no ${what} ${missing.join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, all[n]]));
}

function subset(file, full, types) {
  return {
    provider: full.provider,
    resource_schemas: pick(full.resource_schemas, types.resources, 'resource', file),
    data_source_schemas: pick(full.data_source_schemas, types.data_sources, 'data source', file),
  };
}

function main() {
  const from = resolve(process.argv[2] ?? join(REPO, '../shared/terraform-schemas'));
  const types = JSON.parse(readFileSync(join(HERE, 'types.json'), 'utf8'));
  const rows = [];
  for (const file of SOURCES) {
    const [, provider, version] = /^(\w+)-([\d.]+)\.json$/.exec(file);
    const source = readFileSync(join(from, file));
    const text = `${JSON.stringify(subset(file, JSON.parse(source), types[provider]), null, 1)}\n`;
    writeFileSync(join(HERE, file), text);
    const t = types[provider];
    rows.push(`| \`${file}\` | ${provider} ${version} | \`${sha256(source)}\` (${source.length} bytes) | ` +
      `\`${sha256(text)}\` (${Buffer.byteLength(text)} bytes) | ${t.resources.length} + ${t.data_sources.length} |`);
    console.log(`world/schemas/${file}: ${t.resources.length} resources, ${t.data_sources.length} data sources, ${Buffer.byteLength(text)} bytes`);
  }
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    BEGIN,
    `Generated ${date} by \`npm run world:schemas\` from the files below (the shared \`terraform-schemas\` folder).`,
    '',
    '| File | Provider | Source sha256 (size) | Subset sha256 (size) | Resources + data sources |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n');
  const provenance = join(REPO, 'world/PROVENANCE.md');
  const text = readFileSync(provenance, 'utf8');
  const at = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (at < 0 || to < 0) throw new Error(`world/PROVENANCE.md has no ${BEGIN} ... ${END} markers`);
  writeFileSync(provenance, text.slice(0, at) + table + text.slice(to + END.length));
}

main();
