#!/usr/bin/env node
/**
 * node scripts/compare-flavours.js <cdktf-results.json> <cdktn-results.json>: reads jest's --json results of
 * `npm test` and `npm run test:cdktn` and checks that the cdktn run ran every test file of the cdktf run with as
 * many tests, less the files listed as cdktf-only (flavours/index.js, each with its reason) and the files whose
 * result cannot depend on the flavour (flavours/flavour-independent.js), which run once for both. Prints the cdktn
 * totals; exits non-zero when a file or a test is missing, or when a cdktn test failed.
 */
const { readFileSync } = require('fs');
const { relative } = require('path');
const { FLAVOURS, ROOT } = require('../flavours');
const { flavourIndependentTests } = require('../flavours/flavour-independent');

/** Test count by test file (relative to the repo root), and the totals. */
function readResults(file) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const counts = new Map(results.testResults.map((suite) => [relative(ROOT, suite.name), suite.assertionResults.length]));
  return { counts, passed: results.numPassedTests, failed: results.numFailedTests, total: results.numTotalTests };
}

function compare(cdktf, cdktn, cdktfOnly) {
  const problems = [];
  for (const [file, count] of cdktf.counts) {
    if (file in cdktfOnly) continue;
    if (!cdktn.counts.has(file)) problems.push(`${file}: ran on cdktf (${count} tests), not on cdktn`);
    else if (cdktn.counts.get(file) !== count) problems.push(`${file}: ${count} tests on cdktf, ${cdktn.counts.get(file)} on cdktn`);
  }
  for (const file of cdktn.counts.keys()) {
    if (!cdktf.counts.has(file)) problems.push(`${file}: ran on cdktn only`);
  }
  return problems;
}

if (require.main === module) {
  const [cdktfFile, cdktnFile] = process.argv.slice(2);
  if (!cdktfFile || !cdktnFile) {
    console.error('usage: node scripts/compare-flavours.js <cdktf-results.json> <cdktn-results.json>');
    process.exit(2);
  }
  const cdktfOnly = FLAVOURS.cdktn.cdktfOnlyTests;
  const once = flavourIndependentTests();
  const cdktf = readResults(cdktfFile);
  const cdktn = readResults(cdktnFile);
  const problems = compare(cdktf, cdktn, { ...cdktfOnly, ...Object.fromEntries(once.map((file) => [file, 'flavour-independent'])) });
  const sum = (files) => files.reduce((total, file) => total + (cdktf.counts.get(file) ?? 0), 0);
  console.log(`cdktn ran ${cdktn.total} tests: cdktf's ${cdktf.total} less ${sum(Object.keys(cdktfOnly))} cdktf-only `
    + `and ${sum(once)} in ${once.length} flavour-independent files, which ran once for both`);
  for (const [file, reason] of Object.entries(cdktfOnly)) console.log(`  cdktf-only: ${file}: ${reason}`);
  for (const problem of problems) console.log(`  not the same suite: ${problem}`);
  process.exit(problems.length || cdktn.failed ? 1 : 0);
}

module.exports = { compare };
