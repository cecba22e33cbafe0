#!/usr/bin/env node
/**
 * `npm run api` (after `npm run build`): writes api/<entry>.api.md, the API report of each entry point of the
 * package (the root and each subpath of package.json `exports`), with @microsoft/api-extractor on the built .d.ts.
 * The reports are committed: a change to the public surface shows as a reviewed diff.
 * __tests__/api-report.test.ts runs the same extraction in check mode on a fresh build, and fails when a report
 * differs from its committed file.
 *
 * A type an entry point shows but does not export (the root's `PrivateBatch.lock` is a `ResourceLock`, exported by
 * `/governance`) is fine when another entry point exports it: a user can name every type they can reach. One that
 * no entry point exports is refused.
 */
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { CompilerState, Extractor, ExtractorConfig } = require('@microsoft/api-extractor');

const ROOT = join(__dirname, '..');
const REPORTS = join(ROOT, 'api');

/** The package's entry points from package.json `exports`: `{ name: 'root' | subpath, dts: built .d.ts path }`. */
function entryPoints(dist = join(ROOT, 'dist')) {
  const { exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.entries(exports)
    .filter(([, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => ({
      name: subpath === '.' ? 'root' : subpath.slice(2),
      subpath: subpath === '.' ? '' : subpath.slice(1),
      dts: join(dist, target.types.replace(/^\.\/dist\//, '')),
    }));
}

/** The api-extractor config of one entry point: the report only (no rollup, no doc model). */
function extractorConfig(entry, dist, tempFolder) {
  // The .d.ts are checked by tsc when they are built; here they are only read.
  const silent = { logLevel: 'none', addToApiReportFile: false };
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: entry.dts,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022', module: 'CommonJS', moduleResolution: 'node', lib: ['ES2022'], strict: true, types: [], skipLibCheck: true,
            // The peers' types from the repo's node_modules, wherever the build is (the test builds into a temp folder).
            baseUrl: ROOT, paths: { '*': ['node_modules/*'] },
          },
          files: [entry.dts],
        },
        skipLibCheck: true,
      },
      apiReport: { enabled: true, reportFileName: `${entry.name}.api.md`, reportFolder: REPORTS, reportTempFolder: tempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Handled below, across the entry points.
          'ae-forgotten-export': silent,
          // The package uses no release tags (@public, @beta): an entry point is the release boundary.
          'ae-missing-release-tag': silent,
          // Doc comments are checked by __tests__/public-api.test.ts; they may link to what lib/ keeps internal.
          'ae-undocumented': silent,
          'ae-unresolved-link': silent,
          'ae-setter-with-docs': silent,
        },
        // Doc comments are required and checked by __tests__/public-api.test.ts; TSDoc's stricter syntax is not.
        tsdocMessageReporting: { default: silent },
      },
    },
    configObjectFullPath: join(ROOT, 'api-extractor.json'),
    packageJsonFullPath: join(ROOT, 'package.json'),
  });
}

/**
 * Extracts every entry point's report from the .d.ts in `dist`. `update`: write the reports to api/ (npm run api);
 * otherwise compare them with api/ and leave api/ as it is. Returns per entry whether its report changed, the report
 * extracted, the symbols it shows without exporting them, and the problems found (errors, warnings, and types that
 * no entry point exports).
 */
function apiReports({ dist = join(ROOT, 'dist'), update = false } = {}) {
  const entries = entryPoints(dist);
  const tempFolder = mkdtempSync(join(tmpdir(), 'api-report-'));
  if (update) mkdirSync(REPORTS, { recursive: true });
  const problems = [];
  const results = [];
  try {
    const configs = entries.map((entry) => extractorConfig(entry, dist, tempFolder));
    // One TypeScript program for all entry points: the .d.ts are parsed once.
    const compilerState = CompilerState.create(configs[0], { additionalEntryPoints: entries.map((e) => e.dts) });
    entries.forEach((entry, i) => {
      const forgotten = new Set();
      const result = Extractor.invoke(configs[i], {
        compilerState,
        localBuild: update,
        showVerboseMessages: false,
        messageCallback: (message) => {
          if (message.messageId.startsWith('console-api-report-')) {
            // Created, changed or unchanged: the caller reads the result and the extracted report.
          } else if (message.messageId === 'ae-forgotten-export') {
            const name = /The symbol "([^"]+)"/.exec(message.text);
            if (name) forgotten.add(name[1]);
          } else if (message.logLevel === 'error' || message.logLevel === 'warning') {
            problems.push(`${entry.name}: ${message.formatMessageWithoutLocation()}`);
          }
          message.handled = true;
        },
      });
      // What was extracted: api-extractor writes it to the temp folder, and to api/ as well when updating.
      const generated = join(tempFolder, `${entry.name}.api.md`);
      results.push({
        entry, changed: result.apiReportChanged, forgotten: [...forgotten].sort(), report: existsSync(generated) ? readFileSync(generated, 'utf8') : undefined,
      });
    });
  } finally {
    rmSync(tempFolder, { recursive: true, force: true });
  }
  const exported = new Set(results.flatMap(({ entry }) => exportedNames(entry.dts)));
  for (const { entry, forgotten } of results) {
    for (const name of forgotten.filter((n) => !exported.has(n))) {
      problems.push(`${entry.name}: shows "${name}", which no entry point exports: export it, or keep it out of the public signatures`);
    }
  }
  return { results, problems };
}

/** The names a built .d.ts entry point exports (its `export { ... } from` lines, as tsc writes them). */
function exportedNames(dts) {
  const text = readFileSync(dts, 'utf8');
  return [...text.matchAll(/export \{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()).filter(Boolean));
}

if (require.main === module) {
  const { results, problems } = apiReports({ update: true });
  for (const { entry, changed } of results) console.log(`api/${entry.name}.api.md${changed ? ' (updated)' : ''}`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
}

module.exports = { apiReports, entryPoints, REPORTS };
