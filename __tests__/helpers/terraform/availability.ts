import { spawnSync } from 'child_process';
import { cliConfig } from '../../../world/plugin/tfrc';
import { terraformEnv } from './env';

export type TerraformAvailability = { available: true } | { available: false; reason: string };

/** The CLI config (TF_CLI_CONFIG_FILE) whose dev_overrides give Terraform the project's plugins (world/bin). */
type ProviderSource = { tfrc: string };
type Resolved = { ok: true; source: ProviderSource } | { ok: false; reason: string };

const isCi = (): boolean => /^(true|1)$/i.test(process.env.CI ?? '');

let resolved: Resolved | undefined;

/** The providers are the project's own plugins: all a Terraform check needs besides them is `terraform` on PATH. */
function resolveProviderSource(): Resolved {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv() });
  if (version.status !== 0) {
    return { ok: false, reason: `no usable terraform on PATH (${version.error?.message ?? version.stderr.trim()})` };
  }
  return { ok: true, source: { tfrc: cliConfig() } };
}

export function providerSource(): ProviderSource {
  resolved ??= resolveProviderSource();
  if (!resolved.ok) throw new Error(`terraform checks cannot run: ${resolved.reason}`);
  return resolved.source;
}

/** Whether terraform is available (the providers are the project's own plugins). */
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
      it('has terraform (required when CI=true)', () => {
        throw new Error(availability.reason);
      });
    });
  } else {
    describe(name, () => it.skip(`SKIPPED: ${availability.reason}`, () => undefined));
  }
}
