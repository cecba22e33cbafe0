/**
 * The README's library example is real code: it type-checks against lib/ (the package name mapped to
 * lib/index.ts, as a consumer's import would resolve to the published types) and it synthesizes. Under
 * `npm run test:cdktn` both happen against cdktn: its types through the flavour's tsconfig `paths`.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import * as ts from 'typescript';
import { currentFlavour } from '../flavours';
import * as lib from '../lib';
import { expectPrivateAccountWithHubRecords, PACKAGE_NAME, readmeExample, ROOT, synthesizedStack } from './helpers/readme-example';

// A virtual file in the repo root, so that cdktf and the provider resolve from the repo's node_modules.
const EXAMPLE_FILE = join(ROOT, '__readme_example__.ts');

function parsedConfig(file: string): ts.CompilerOptions {
  const config = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(file)).options;
}

/** The `paths` of the flavour's build tsconfig (none for cdktf), made absolute. */
function flavourPaths(): ts.MapLike<string[]> {
  const { paths = {}, baseUrl, pathsBasePath } = parsedConfig(currentFlavour().tsconfig);
  const base = baseUrl ?? String(pathsBasePath);
  return Object.fromEntries(Object.entries(paths).map(([name, targets]) => [name, targets.map((t) => resolve(base, t))]));
}

function compilerOptions(): ts.CompilerOptions {
  const options = parsedConfig(join(ROOT, 'tsconfig.json'));
  // The package's entry points as a consumer's import resolves them (package.json `exports`): the root and its subpaths.
  const entries = { [PACKAGE_NAME]: ['lib/index.ts'], [`${PACKAGE_NAME}/*`]: ['lib/*/index.ts'] };
  return { ...options, noEmit: true, types: [], baseUrl: ROOT, paths: { ...flavourPaths(), ...entries } };
}

/** Diagnostics of the example alone (lib/ is type-checked by `npm run typecheck`), formatted. */
function typeErrors(source: string): string[] {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (file: string) => file === EXAMPLE_FILE || exists(file))(host.fileExists.bind(host));
  host.readFile = (file) => (file === EXAMPLE_FILE ? source : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === EXAMPLE_FILE ? ts.createSourceFile(file, source, language, true) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([EXAMPLE_FILE], options, host);
  const file = program.getSourceFile(EXAMPLE_FILE)!;
  const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return diagnostics.map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Runs the example as CommonJS, its package import served by lib/, with the app's outdir in `outdir`. */
function runExample(source: string, outdir: string): void {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const requireForExample = (id: string): unknown =>
    id === PACKAGE_NAME ? lib : id.startsWith(`${PACKAGE_NAME}/`) ? require(join(ROOT, 'lib', id.slice(PACKAGE_NAME.length + 1))) : require(id);
  const previous = process.env.CDKTF_OUTDIR;
  // `new App()` in the example reads its outdir from CDKTF_OUTDIR, as under `cdktf synth`.
  process.env.CDKTF_OUTDIR = outdir;
  try {
    const module = { exports: {} };
    new Function('require', 'module', 'exports', outputText)(requireForExample, module, module.exports);
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
  }
}

describe('the README library example', () => {
  const example = readmeExample();

  it(`is read from ${example.file} and imports the constructs by package name`, () => {
    expect(example.source).toContain(`from '${PACKAGE_NAME}'`);
    expect(example.source).toContain('app.synth()');
  });

  it('type-checks against the library under the repo tsconfig', () => {
    expect(typeErrors(example.source)).toEqual([]);
  }, 30_000);

  it('synthesizes a private account with both endpoints and records in the hub zone via azurerm.hub', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'readme-example-'));
    try {
      runExample(example.source, outdir);
      expectPrivateAccountWithHubRecords(synthesizedStack(outdir));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  }, 30_000);
});
