// A jest reporter that ends the run with what did not run and why: each skipped test (an `it.skip`, a suite that
// describeWithTerraform skipped, "SKIPPED: <reason>") and each test file the config leaves out on purpose
// (`leftOut`: file → reason, e.g. cdktf-only tests on the cdktn flavour). Listed after jest's own summary, so that
// the last lines of `npm test` say it, instead of warnings somewhere in the middle of the output. Use it instead
// of 'default' in `reporters`: it runs jest's default reporters itself (see SkipReporter).
const { relative } = require('path');

/** The lines the reporter prints for jest's aggregated results; none when everything ran. */
function skipLines(results, { rootDir = process.cwd(), leftOut = {} } = {}) {
  const skipped = results.testResults.flatMap((file) => file.testResults
    .filter((test) => test.status === 'pending' || test.status === 'todo' || test.status === 'skipped')
    .map((test) => {
      const where = relative(rootDir, file.testFilePath);
      const title = [...test.ancestorTitles, test.title].join(' › ');
      const reason = /^SKIPPED: (.*)$/s.exec(test.title);
      return reason
        ? `  ${[...test.ancestorTitles].join(' › ')} (${where}): ${reason[1]}`
        : `  ${title} (${where}): ${test.status === 'todo' ? 'todo' : 'marked skip'}`;
    }));
  const files = Object.entries(leftOut).map(([file, reason]) => `  ${file}: left out, ${reason}`);
  const all = [...skipped, ...files];
  if (all.length === 0) return [];
  return [`Skipped (${skipped.length} ${skipped.length === 1 ? 'test' : 'tests'}, ${files.length} ${files.length === 1 ? 'file' : 'files'}):`, ...all];
}

/**
 * jest's default reporters (progress, then the summary) followed by the skip lines. jest always adds its summary
 * reporter after the custom ones, so a reporter listed beside 'default' would print before the summary; this one
 * stands in for 'default' and runs jest's own two itself, in that order.
 */
class SkipReporter {
  constructor(globalConfig, options = {}, context) {
    const { DefaultReporter, SummaryReporter, VerboseReporter } = require('@jest/reporters');
    const Progress = globalConfig.verbose ? VerboseReporter : DefaultReporter;
    this.reporters = [new Progress(globalConfig), new SummaryReporter(globalConfig, {})];
    this.options = { rootDir: globalConfig.rootDir, leftOut: options.leftOut ?? {} };
    // As jest's dispatcher calls them: a reporter without the newer onTestFile* hooks gets the older names.
    const hooks = { onRunStart: [], onTestFileStart: ['onTestStart'], onTestCaseStart: [], onTestCaseResult: [], onTestFileResult: ['onTestResult'] };
    for (const [hook, older] of Object.entries(hooks)) {
      this[hook] = async (...args) => {
        for (const reporter of this.reporters) {
          const method = [hook, ...older].find((name) => typeof reporter[name] === 'function');
          if (method) await reporter[method](...args);
        }
      };
    }
  }

  async onRunComplete(contexts, results) {
    for (const reporter of this.reporters) await reporter.onRunComplete?.(contexts, results);
    const lines = skipLines(results, this.options);
    // stderr, where jest writes its summary, so that these are the last lines in a terminal and in a log.
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  }

  getLastError() {
    return this.reporters.map((r) => r.getLastError?.()).find(Boolean);
  }
}

module.exports = SkipReporter;
module.exports.skipLines = skipLines;
