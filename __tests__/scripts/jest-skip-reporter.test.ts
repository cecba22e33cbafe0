// A CommonJS script without types: jest loads it as it is.
const { skipLines } = require('../../scripts/jest-skip-reporter') as {
  skipLines: (results: object, options: { rootDir: string; leftOut?: Record<string, string> }) => string[];
};

/** jest's aggregated results with one file of these tests. */
const results = (tests: { title: string; status: string; ancestorTitles?: string[] }[]) => ({
  testResults: [{ testFilePath: '/repo/__tests__/x.test.ts', testResults: tests.map((t) => ({ ancestorTitles: ['suite'], ...t })) }],
});

describe('the skip reporter (the last lines of a test run)', () => {
  it('lists a Terraform suite that skipped with its reason, and a plain it.skip as marked skip', () => {
    expect(skipLines(results([
      { title: 'a', status: 'passed' },
      { title: 'SKIPPED: no usable terraform on PATH', status: 'pending', ancestorTitles: ['terraform validate'] },
      { title: 'later', status: 'pending' },
    ]), { rootDir: '/repo' })).toEqual([
      'Skipped (2 tests, 0 files):',
      '  terraform validate (__tests__/x.test.ts): no usable terraform on PATH',
      '  suite › later (__tests__/x.test.ts): marked skip',
    ]);
  });

  it('lists the test files a flavour leaves out, with the reason', () => {
    expect(skipLines(results([]), { rootDir: '/repo', leftOut: { '__tests__/y.test.ts': 'cdktf only' } })).toEqual([
      'Skipped (0 tests, 1 file):',
      '  __tests__/y.test.ts: left out, cdktf only',
    ]);
  });

  it('says nothing when everything ran', () => {
    expect(skipLines(results([{ title: 'a', status: 'passed' }]), { rootDir: '/repo' })).toEqual([]);
  });
});
