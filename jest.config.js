/** Tests run through sucrase (type-stripping only); `npm run typecheck` checks types on its own. */
module.exports = {
  testEnvironment: 'node',
  // jest's default on 2 cores is one worker; the terraform suites mostly wait on child processes, so two
  // workers cut the suite from ~34 s to ~22 s on the 2-core CI machine (BENCHMARKS.md).
  maxWorkers: 2,
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/scripts/jest-transform.js' },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // jest's own reporters, then what did not run and why as the last lines (scripts/jest-skip-reporter.js).
  reporters: ['<rootDir>/scripts/jest-skip-reporter.js'],
};
