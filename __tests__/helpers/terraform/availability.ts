import { spawnSync } from 'child_process';
import { statSync } from 'fs';
import { resolve } from 'path';
import { terraformEnv } from './env';

export type TerraformAvailability = { available: true } | { available: false; reason: string };

type ProviderSource = { kind: 'tfshim'; tfrc: string } | { kind: 'registry' };
type Resolved = { ok: true; source: ProviderSource } | { ok: false; reason: string };

const REPO_ROOT = resolve(__dirname, '../../..');

const isCi = (): boolean => /^(true|1)$/i.test(process.env.CI ?? '');

let resolved: Resolved | undefined;

function resolveProviderSource(): Resolved {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv() });
  if (version.status !== 0) {
    return { ok: false, reason: `no usable terraform on PATH (${version.error?.message ?? version.stderr.trim()})` };
  }
  const tfshim = process.env.TFSHIM ?? resolve(REPO_ROOT, '../shared/tools/tfshim/tfshim');
  if (existsFile(tfshim)) {
    // `tfshim tfrc` also installs tfshim's own dependencies on first use, hence once per process.
    const tfrc = spawnSync(tfshim, ['tfrc'], { encoding: 'utf8' });
    if (tfrc.status !== 0) return { ok: false, reason: `${tfshim} tfrc failed: ${tfrc.stderr.trim()}` };
    return { ok: true, source: { kind: 'tfshim', tfrc: tfrc.stdout } };
  }
  if (process.env.TFSHIM) return { ok: false, reason: `TFSHIM=${tfshim} does not exist` };
  const missing = `no tfshim at ${tfshim} (set TFSHIM)`;
  // CI machines have tfshim; a registry fallback there would hide a broken checkout.
  if (isCi()) return { ok: false, reason: missing };
  if (!registryReachable()) return { ok: false, reason: `${missing}, and registry.terraform.io is unreachable` };
  return { ok: true, source: { kind: 'registry' } };
}

function existsFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A DNS lookup only: enough to tell an offline machine from one where `terraform init` may work. */
function registryReachable(): boolean {
  const script = "require('dns').lookup('registry.terraform.io', (e) => process.exit(e ? 1 : 0))";
  return spawnSync(process.execPath, ['-e', script], { timeout: 5000 }).status === 0;
}

export function providerSource(): ProviderSource {
  resolved ??= resolveProviderSource();
  if (!resolved.ok) throw new Error(`terraform checks cannot run: ${resolved.reason}`);
  return resolved.source;
}

/** Whether terraform and a provider source (tfshim, or the registry outside CI) are available. */
export function terraformAvailability(): TerraformAvailability {
  resolved ??= resolveProviderSource();
  return resolved.ok ? { available: true } : { available: false, reason: resolved.reason };
}

/**
 * `describe` for suites that run terraform. Without terraform it reports one skipped test whose
 * name carries the reason, which the run's last lines list (scripts/jest-skip-reporter.js), so the suite never
 * passes silently; with CI=true that test fails instead.
 */
export function describeWithTerraform(name: string, body: () => void): void {
  const availability = terraformAvailability();
  if (availability.available) {
    describe(name, body);
  } else if (isCi()) {
    describe(name, () => {
      it('has terraform and tfshim (required when CI=true)', () => {
        throw new Error(availability.reason);
      });
    });
  } else {
    describe(name, () => it.skip(`SKIPPED: ${availability.reason}`, () => undefined));
  }
}
