/** Tests run through sucrase (type-stripping only); `npm run typecheck` checks types on its own. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '\\.ts$': '<rootDir>/scripts/jest-transform.js' },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
