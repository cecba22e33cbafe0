import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { spawnSync } from 'child_process';
import { tmpdir } from 'os';
import { join } from 'path';

const SCRIPT = join(__dirname, '..', 'scripts', 'ci-summary.js');

/** jest's --json results with these tests, in one file. */
function results(tests: { title: string; status: 'passed' | 'failed' | 'pending' }[]) {
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    numPassedTests: count('passed'), numFailedTests: count('failed'), numPendingTests: count('pending'), numTodoTests: 0,
    testResults: [{ name: '/repo/__tests__/x.test.ts', assertionResults: tests.map((t) => ({ ...t, fullName: `suite ${t.title}` })) }],
  };
}

function summarize(json: object, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
  try {
    writeFileSync(join(dir, 'results.json'), JSON.stringify(json));
    return spawnSync(process.execPath, [SCRIPT, join(dir, 'results.json'), ...args], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('.ci/run\'s summary (scripts/ci-summary.js)', () => {
  it('prints passed, failed and skipped, and passes when no Terraform suite skipped', () => {
    const run = summarize(results([{ title: 'a', status: 'passed' }, { title: 'b', status: 'pending' }, { title: 'c', status: 'failed' }]));
    expect(run.stdout).toBe('1 passed, 1 failed, 1 skipped\n');
    expect(run.status).toBe(0);
    expect(summarize(results([{ title: 'a', status: 'passed' }]), 'cdktn').stdout).toBe('cdktn: 1 passed, 0 failed, 0 skipped\n');
  });

  it('fails, naming the suite, when a Terraform suite skipped', () => {
    const run = summarize(results([{ title: 'a', status: 'passed' }, { title: 'SKIPPED: no usable terraform on PATH', status: 'pending' }]));
    expect(run.stdout).toBe('1 passed, 0 failed, 1 skipped\n');
    expect(run.stderr).toContain('Terraform checks did not run (a Terraform suite skipped):\n  suite SKIPPED: no usable terraform on PATH (/repo/__tests__/x.test.ts)');
    expect(run.status).toBe(1);
  });

  it('is what .ci/run ends with, with CI=true exported for the whole run', () => {
    const ci = require('fs').readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8') as string;
    expect(ci).toMatch(/^export CI=true$/m);
    expect(ci.indexOf('export CI=true')).toBeLessThan(ci.indexOf('npm ci'));
    expect(ci).toContain('npm test -- --ci --json --outputFile="$results" || status=$?\nnode scripts/ci-summary.js "$results" cdktf || status=1\n');
    expect(ci).toContain('node scripts/ci-summary.js "$cdktn_results" cdktn || status=1\n');
    // The totals of both runs are the last thing printed, on a line of their own.
    expect(ci).toMatch(/\nnode scripts\/ci-summary\.js --total "\$results" "\$cdktn_results"\nrm -f "\$cdktn_results"\nexit \$status\n$/);
  });

  it('sums both flavours\' runs into the one line CI ends with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
    try {
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      writeFileSync(a, JSON.stringify(results([{ title: 'a', status: 'passed' }, { title: 'b', status: 'pending' }])));
      writeFileSync(b, JSON.stringify(results([{ title: 'a', status: 'passed' }, { title: 'c', status: 'failed' }])));
      const run = spawnSync(process.execPath, [SCRIPT, '--total', a, b], { encoding: 'utf8' });
      expect(run.stdout).toBe('2 passed, 1 failed, 1 skipped\n');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
