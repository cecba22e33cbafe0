/**
 * The API reports (api/<entry>.api.md, written by `npm run build && npm run api`) are the reviewed list of the
 * package's public surface: the root and each subpath of package.json `exports`. This builds lib/ into a temp
 * folder, extracts each entry point's report with api-extractor (scripts/api-report.js) and fails when one differs
 * from its committed file, so a change to the surface cannot land without its report.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const { apiReports, REPORTS } = require('../scripts/api-report.js');

describe('the API reports in api/', () => {
  let dist: string;
  let extracted: ReturnType<typeof apiReports>;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'api-dist-'));
    // The declarations only: the reports are read from them (about 12 s of CPU with the extraction; the timeout is for a
    // loaded CI machine).
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dist, '--emitDeclarationOnly'], { cwd: ROOT });
    extracted = apiReports({ dist });
  }, 240_000);

  afterAll(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  it('extracts one report per entry point, with every type they show exported by one of them', () => {
    expect(extracted.results.map((r: any) => r.entry.name)).toEqual(expect.arrayContaining(['root', 'azapi', 'terraform', 'review']));
    expect(extracted.problems).toEqual([]);
  });

  it('matches each committed report (after a change to the surface: npm run build && npm run api)', () => {
    for (const { entry, report } of extracted.results) {
      const committed = readFileSync(join(REPORTS, `${entry.name}.api.md`), 'utf8');
      expect({ entry: entry.name, report }).toEqual({ entry: entry.name, report: committed });
    }
  });
});
