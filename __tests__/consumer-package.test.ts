/**
 * The package as a user gets it, for the flavour under test (cdktf in `npm test`, cdktn in `npm run test:cdktn`):
 * built by scripts/build-flavour.js, packed with `npm pack`, installed into a fresh app of that flavour,
 * type-checked against the packed .d.ts and synthesized. Offline: the tarball is unpacked into the app's
 * node_modules and its peers and dependencies are linked from where the flavour's are installed (the repo's
 * node_modules, or flavours/cdktn/node_modules), which is what npm would install. The build goes to a staging
 * folder, so the repo's dist/ and dist-cdktn/ are never touched.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import * as ts from 'typescript';
import { promisify } from 'util';
import { currentFlavour, FLAVOURS, rewriteImports } from '../flavours';
import { quickStart, withTarball } from './helpers/quick-start';
import { expectPrivateAccountWithHubRecords, readmeExample, ROOT, synthesizedStack } from './helpers/readme-example';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const FLAVOUR = currentFlavour();
const PACKAGE_NAME = FLAVOUR.packageName;
// A consumer's processes: without the require hook `npm run test:cdktn` puts in NODE_OPTIONS for the repo's own app.
const { NODE_OPTIONS: _hook, ...CONSUMER_ENV } = process.env;
// What a published tarball may hold: the build output and the package's documents.
const PACKABLE = /^(dist\/.+\.(js|d\.ts)|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/;

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly files: readonly { readonly path: string }[];
}

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = CONSUMER_ENV): Promise<string> {
  try {
    return (await promisify(execFile)(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

/** `npm pack --json` in a folder; scripts off, since the build ran already (and prepack would rebuild). */
async function npmPack(cwd: string, extra: string[]): Promise<PackResult> {
  const [result] = JSON.parse(await run('npm', ['pack', '--json', '--ignore-scripts', '--loglevel=error', ...extra], cwd)) as PackResult[];
  return result;
}

/** Builds the flavour into a staging package folder, as `npm run build:cdktn` does, and packs it into `into`. */
async function buildAndPack(into: string): Promise<PackResult> {
  const stage = join(into, 'stage');
  await run(process.execPath, [join(ROOT, 'scripts', 'build-flavour.js'), FLAVOUR.name, stage], ROOT);
  return npmPack(stage, ['--pack-destination', into]);
}

/** Where a package the tarball needs is installed: the flavour's own node_modules first, then the repo's. */
function installed(name: string): string {
  const own = join(FLAVOUR.nodeModules, name);
  return existsSync(own) ? own : join(ROOT, 'node_modules', name);
}

/** Unpacks the tarball as node_modules/<name> of the app and links its peers and dependencies. */
async function install(app: string, tarball: string): Promise<void> {
  const target = join(app, 'node_modules', PACKAGE_NAME);
  mkdirSync(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], app);
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'));
  // Taken from the packed manifest, so a dependency missing from it fails here as it would for a user.
  const needed = Object.keys({ ...manifest.peerDependencies, ...manifest.dependencies });
  for (const name of needed) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(installed(name), link, 'dir');
  }
}

/**
 * A consumer app: the README example as main.ts, with the flavour's module names (what a cdktn user writes, see
 * docs/cdktn.md), plus checks that the packed types are real, not `any`.
 */
function writeApp(app: string): void {
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, version: '0.0.0' }, null, 2));
  writeFileSync(join(app, 'main.ts'), rewriteImports(readmeExample().source, FLAVOUR.renameSpecifier));
  writeFileSync(join(app, 'types-are-real.ts'), [
    `import { BatchPrivateEndpointProps, BatchAccount } from '${PACKAGE_NAME}';`,
    `// @ts-expect-error: subResource is a closed union in the published types`,
    `export const bad: Pick<BatchPrivateEndpointProps, 'subResource'> = { subResource: 'blob' };`,
    `// @ts-expect-error: the constructor needs props`,
    `export const noProps = (scope: never) => new BatchAccount(scope, 'batch');`,
    '',
  ].join('\n'));
  // node16 resolution reads the package's "exports". skipLibCheck is off so that the packed .d.ts are checked
  // in full, as a strict consumer would; lib ES2022 without the DOM keeps it under two seconds.
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022'], module: 'node16', moduleResolution: 'node16', strict: true, skipLibCheck: false,
      esModuleInterop: true, types: [], outDir: 'out', noEmitOnError: true,
    },
    files: ['main.ts', 'types-are-real.ts'],
  }, null, 2));
}

describe(`the packed ${PACKAGE_NAME} in a consumer ${FLAVOUR.name} app`, () => {
  let work: string;
  let packed: PackResult;
  let repoPack: PackResult;
  let outdir: string;

  /** Build, pack, install, compile (type-checks too: noEmitOnError) and synthesize the consumer app. */
  async function consume(): Promise<void> {
    packed = await buildAndPack(work);
    const app = join(work, 'app');
    mkdirSync(app);
    await install(app, join(work, packed.filename));
    writeApp(app);
    await run(process.execPath, [TSC, '-p', 'tsconfig.json'], app);
    outdir = join(app, 'cdktf.out');
    await run(process.execPath, [join('out', 'main.js')], app, { ...CONSUMER_ENV, CDKTF_OUTDIR: outdir });
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'consumer-package-'));
    // The repo's own dry run lists what `npm pack` would take from the tree; it runs beside the build.
    [repoPack] = await Promise.all([npmPack(ROOT, ['--dry-run']), consume()]);
    // About 20 s alone; a loaded 2-core machine (the whole suite beside it) has taken over 60.
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs only the build output and the documents, in a small tarball', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => !PACKABLE.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']));
    // What may be packed is checked above; the size catches a large file slipping into dist/ or the documents. The
    // package itself was about 100 kB (gzipped) with the review functions (lib/review) and the README's examples, and
    // about 156 kB with pools, zone healing and converging approvals (their constructs, rules and README sections),
    // and the rules' data of #12 (regions per cloud, Azure's limits), and about 205 kB with the AVM interfaces of #14
    // and the pool construct, its rules and guards and the README's Private pools.
    expect(packed.size).toBeLessThan(250_000);
  });

  it('would pack nothing else from the repo itself (the files allow-list)', () => {
    expect(repoPack.files.map((f) => f.path).filter((p) => !PACKABLE.test(p))).toEqual([]);
  });

  it(`imports only its own files, its ${FLAVOUR.name} peers and its dependencies, never another flavour's packages`, () => {
    const dist = join(work, 'app', 'node_modules', PACKAGE_NAME, 'dist');
    const manifest = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8'));
    const allowed = new Set(Object.keys({ ...manifest.peerDependencies, ...manifest.dependencies }));
    const others = Object.values(FLAVOURS).filter((f) => f !== FLAVOUR).flatMap((f) => [f.corePackage, f.providerPackage]);
    const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
    const imports = packed.files
      .map((f) => f.path)
      .filter((path) => /^dist\/.+\.(js|d\.ts)$/.test(path))
      .flatMap((path) => ts.preProcessFile(readFileSync(join(dist, '..', path), 'utf8'), true, true).importedFiles.map((i) => ({ path, specifier: i.fileName })))
      .filter(({ specifier }) => !specifier.startsWith('.'));
    expect(imports.length).toBeGreaterThan(10);
    expect(imports.filter(({ specifier }) => !allowed.has(packageOf(specifier)))).toEqual([]);
    expect(imports.filter(({ specifier }) => others.includes(packageOf(specifier)))).toEqual([]);
    expect(imports.map(({ specifier }) => packageOf(specifier))).toEqual(expect.arrayContaining([FLAVOUR.corePackage, FLAVOUR.providerPackage, 'constructs']));
  });

  it('resolves to the packed dist through the exports map, the root and each subpath', () => {
    const resolved = require.resolve(PACKAGE_NAME, { paths: [join(work, 'app')] });
    expect(resolved).toBe(join(work, 'app', 'node_modules', PACKAGE_NAME, 'dist', 'index.js'));
    const { exports } = JSON.parse(readFileSync(join(work, 'app', 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'));
    const subpaths = Object.keys(exports).filter((s) => s !== '.' && s !== './package.json');
    expect(subpaths).toEqual(expect.arrayContaining(['./azapi', './terraform', './review']));
    for (const subpath of subpaths) {
      const file = require.resolve(`${PACKAGE_NAME}${subpath.slice(1)}`, { paths: [join(work, 'app')] });
      expect(file).toBe(join(work, 'app', 'node_modules', PACKAGE_NAME, 'dist', subpath.slice(2), 'index.js'));
      expect(Object.keys(require(file)).length).toBeGreaterThan(0);
    }
  });

  it('type-checks and synthesizes the README example against the packed types and code', () => {
    expectPrivateAccountWithHubRecords(synthesizedStack(outdir));
  });

  // The docs' quick start for this flavour, run as written in an empty folder with npm (the registry, through npm's
  // cache: `npm ci` and `setup:cdktn` put every package it installs there, hence prefer-offline).
  it(`runs the ${FLAVOUR.name} quick start as written: install from the tarball, scaffold and synthesize`, async () => {
    const start = quickStart(FLAVOUR.name);
    // The tarball it names is the one `npm pack` writes, version and all.
    expect(basename(start.tarball)).toBe(packed.filename);
    const app = join(work, 'quick-start');
    mkdirSync(app);
    const npm = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const begun = Date.now();
    await run('bash', ['-euo', 'pipefail', '-c', withTarball(start, join(work, packed.filename))], app, { ...CONSUMER_ENV, ...npm });
    // About 30 s (cdktf) and 50 s (cdktn) on the 2-core CI machine under load, nearly all of it npm install.
    expect(Date.now() - begun).toBeLessThan(240_000);
    const json = JSON.parse(readFileSync(join(app, 'cdktf.out', 'stacks', 'private-batch', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(json.resource.azurerm_batch_account)).toEqual([expect.objectContaining({ name: 'contosobatch', public_network_access_enabled: false })]);
    expect(Object.keys(json.resource.azurerm_private_endpoint)).toHaveLength(2);
    expect(Object.keys(json.resource.azurerm_private_dns_a_record)).toHaveLength(2);
  }, 300_000);
});
