#!/usr/bin/env node
// CI's last word on a jest run: reads jest's --json results, prints "N passed, N failed, N skipped" and the
// Terraform suites that did not run, and exits 1 when any did not: a green run must never hide unrun Terraform
// checks. describeWithTerraform names such a skip "SKIPPED: <reason>" (without terraform or tfshim).
const { readFileSync } = require('fs');

/** The totals line and the skipped Terraform checks of jest's JSON results. */
function summarize(results) {
  const skipped = results.numPendingTests + (results.numTodoTests ?? 0);
  const terraformSkips = results.testResults.flatMap((file) => (file.assertionResults ?? [])
    .filter((test) => test.status === 'pending' && test.title.startsWith('SKIPPED:'))
    .map((test) => `${test.fullName} (${file.name})`));
  return {
    line: `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`,
    terraformSkips,
  };
}

if (require.main === module) {
  // node scripts/ci-summary.js <results.json> [label]: the label (e.g. cdktn) prefixes the totals line.
  const [file, label] = process.argv.slice(2);
  const { line, terraformSkips } = summarize(JSON.parse(readFileSync(file, 'utf8')));
  console.log(label ? `${label}: ${line}` : line);
  if (terraformSkips.length > 0) {
    console.error(`Terraform checks did not run (a Terraform suite skipped):\n  ${terraformSkips.join('\n  ')}`);
    process.exit(1);
  }
}

module.exports = { summarize };
