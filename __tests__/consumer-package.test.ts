/**
 * The package as a user gets it: built with tsconfig.build.json, packed with `npm pack`, installed into a
 * fresh cdktf app, type-checked against the packed .d.ts and synthesized. Offline: the tarball is unpacked
 * into the app's node_modules and the peers and dependencies are linked from the repo's node_modules, which
 * is what npm would install. The build goes to a staging folder, so the repo's dist/ is never touched.
 */
import { execFile } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { promisify } from 'util';
import { expectPrivateAccountWithHubRecords, PACKAGE_NAME, readmeExample, ROOT, synthesizedStack } from './helpers/readme-example';

const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
// What a published tarball may hold: the build output and the package's documents.
const PACKABLE = /^(dist\/.+\.(js|d\.ts)|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/;

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly files: readonly { readonly path: string }[];
}

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
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

/** Builds lib/ into a staging copy of the package and packs it into `into`. */
async function buildAndPack(into: string): Promise<PackResult> {
  const stage = join(into, 'stage');
  mkdirSync(stage);
  await run(process.execPath, [TSC, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(stage, 'dist')], ROOT);
  for (const file of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    if (existsSync(join(ROOT, file))) copyFileSync(join(ROOT, file), join(stage, file));
  }
  return npmPack(stage, ['--pack-destination', into]);
}

/** Unpacks the tarball as node_modules/<name> of the app and links its peers and dependencies from the repo. */
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
    symlinkSync(join(ROOT, 'node_modules', name), link, 'dir');
  }
}

/** A consumer app: the README example as main.ts, plus checks that the packed types are real, not `any`. */
function writeApp(app: string): void {
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, version: '0.0.0' }, null, 2));
  writeFileSync(join(app, 'main.ts'), readmeExample().source);
  writeFileSync(join(app, 'types-are-real.ts'), [
    `import { BatchPrivateEndpointProps, PrivateBatchAccount } from '${PACKAGE_NAME}';`,
    `// @ts-expect-error: subResource is a closed union in the published types`,
    `export const bad: Pick<BatchPrivateEndpointProps, 'subResource'> = { subResource: 'blob' };`,
    `// @ts-expect-error: the constructor needs props`,
    `export const noProps = (scope: never) => new PrivateBatchAccount(scope, 'batch');`,
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

describe('the packed package in a consumer cdktf app', () => {
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
    await run(process.execPath, [join('out', 'main.js')], app, { ...process.env, CDKTF_OUTDIR: outdir });
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'consumer-package-'));
    // The repo's own dry run lists what `npm pack` would take from the tree; it runs beside the build.
    [repoPack] = await Promise.all([npmPack(ROOT, ['--dry-run']), consume()]);
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs only the build output and the documents, in a small tarball', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => !PACKABLE.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/index.d.ts']));
    expect(packed.size).toBeLessThan(100_000);
  });

  it('would pack nothing else from the repo itself (the files allow-list)', () => {
    expect(repoPack.files.map((f) => f.path).filter((p) => !PACKABLE.test(p))).toEqual([]);
  });

  it('resolves to the packed dist through the exports map', () => {
    const resolved = require.resolve(PACKAGE_NAME, { paths: [join(work, 'app')] });
    expect(resolved).toBe(join(work, 'app', 'node_modules', PACKAGE_NAME, 'dist', 'index.js'));
  });

  it('type-checks and synthesizes the README example against the packed types and code', () => {
    expectPrivateAccountWithHubRecords(synthesizedStack(outdir));
  });
});
