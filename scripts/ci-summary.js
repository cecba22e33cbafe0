#!/usr/bin/env node
// CI's last word on a jest run: reads jest's --json results, prints "N passed, N failed, N skipped" and the
// Terraform suites that did not run, and exits 1 when any did not: a green run must never hide unrun Terraform
// checks. describeWithTerraform names such a skip "SKIPPED: <reason>" (without terraform).
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

/** The totals of several runs (both flavours), as one line: what CI's last line says. */
function total(resultsList) {
  const sum = (key) => resultsList.reduce((n, r) => n + (r[key] ?? 0), 0);
  return `${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests') + sum('numTodoTests')} skipped`;
}

if (require.main === module && process.argv[2] === '--total') {
  // node scripts/ci-summary.js --total <results.json>...: one line, the sum of the runs.
  console.log(total(process.argv.slice(3).map((file) => JSON.parse(readFileSync(file, 'utf8')))));
} else if (require.main === module) {
  // node scripts/ci-summary.js <results.json> [label]: the label (e.g. cdktn) prefixes the totals line.
  const [file, label] = process.argv.slice(2);
  const { line, terraformSkips } = summarize(JSON.parse(readFileSync(file, 'utf8')));
  console.log(label ? `${label}: ${line}` : line);
  if (terraformSkips.length > 0) {
    console.error(`Terraform checks did not run (a Terraform suite skipped):\n  ${terraformSkips.join('\n  ')}`);
    process.exit(1);
  }
}

module.exports = { summarize, total };
