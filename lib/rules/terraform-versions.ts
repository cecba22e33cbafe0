/**
 * The oldest Terraform that can run a synthesized stack (`cdk.tf.json`), from the language features it uses, so
 * that the stack's `terraform { required_version }` makes an older Terraform stop with a version message instead of
 * "Unsupported argument" or "Unsupported block type". Each feature carries the release that brought it.
 */

/** A feature of the Terraform language that a stack may use, and the release that brought it. */
export interface TerraformFeature {
  /** What the feature is, as a reader would look it up. */
  readonly feature: string;
  /** The first Terraform release with it, `major.minor.patch`. */
  readonly since: string;
  /** Where that is written. */
  readonly source: string;
}

const changelog = (version: string): string => `hashicorp/terraform CHANGELOG.md, ${version}`;

/**
 * What every stack needs: the providers it uses are built on the plugin framework (azapi 2.x) or muxed with it
 * (azurerm 4.x), which supports Terraform 1.0 and later (developer.hashicorp.com/terraform/plugin/framework,
 * "Terraform CLI version 1.0 or later"; unconfirmed for the exact azurerm 4.x floor).
 */
export const BASELINE: TerraformFeature = { feature: 'the azurerm 4.x and azapi 2.x providers', since: '1.0.0', source: 'developer.hashicorp.com/terraform/plugin/framework' };

/** The features the library's stacks use, and a few a user's raw resources may add, by how they are found. */
export const FEATURES = {
  moved: { feature: '`moved` blocks', since: '1.1.0', source: changelog('1.1.0') },
  conditions: { feature: '`precondition` and `postcondition` in `lifecycle`', since: '1.2.0', source: changelog('1.2.0') },
  replaceTriggeredBy: { feature: '`replace_triggered_by` in `lifecycle`', since: '1.2.0', source: changelog('1.2.0') },
  terraformData: { feature: 'the `terraform_data` resource', since: '1.4.0', source: changelog('1.4.0') },
  import: { feature: '`import` blocks', since: '1.5.0', source: 'developer.hashicorp.com/terraform/language/import ("Terraform v1.5.0 and later"); ' + changelog('1.5.0') },
  check: { feature: '`check` blocks', since: '1.5.0', source: changelog('1.5.0') },
  importForEach: { feature: '`for_each` in `import` blocks', since: '1.7.0', source: changelog('1.7.0') },
  removed: { feature: '`removed` blocks', since: '1.7.0', source: changelog('1.7.0') },
  providerFunctions: { feature: 'provider-defined functions (`provider::…`)', since: '1.8.0', source: changelog('1.8.0') },
  ephemeral: { feature: '`ephemeral` resources', since: '1.10.0', source: changelog('1.10.0') },
} satisfies Record<string, TerraformFeature>;

/** Built-in functions newer than 1.0, by name (developer.hashicorp.com/terraform/language/functions, each page's note). */
export const FUNCTIONS: Record<string, TerraformFeature> = Object.fromEntries(([
  ['startswith', '1.3.0'], ['endswith', '1.3.0'], ['timecmp', '1.3.0'], ['strcontains', '1.5.0'], ['plantimestamp', '1.5.0'],
  ['issensitive', '1.8.0'], ['templatestring', '1.9.0'], ['ephemeralasnull', '1.10.0'],
] as const).map(([name, since]) => [name, { feature: `the \`${name}\` function`, since, source: changelog(since) }]));

/** The features a synthesized stack uses, each once. */
export function featuresUsed(stack: Record<string, any>): TerraformFeature[] {
  const used = new Set<TerraformFeature>([BASELINE]);
  const imports: any[] = Array.isArray(stack.import) ? stack.import : [];
  if (imports.length > 0) used.add(FEATURES.import);
  if (imports.some((i) => i?.for_each !== undefined)) used.add(FEATURES.importForEach);
  if (stack.check !== undefined) used.add(FEATURES.check);
  if (stack.moved !== undefined) used.add(FEATURES.moved);
  if (stack.removed !== undefined) used.add(FEATURES.removed);
  if (stack.ephemeral !== undefined) used.add(FEATURES.ephemeral);
  if (stack.resource?.terraform_data !== undefined) used.add(FEATURES.terraformData);
  for (const block of blocksOf(stack)) {
    const lifecycle = block?.lifecycle;
    if (lifecycle?.precondition !== undefined || lifecycle?.postcondition !== undefined) used.add(FEATURES.conditions);
    if (lifecycle?.replace_triggered_by !== undefined) used.add(FEATURES.replaceTriggeredBy);
  }
  for (const text of stringsOf(stack)) {
    if (text.includes('provider::')) used.add(FEATURES.providerFunctions);
    for (const [name, feature] of Object.entries(FUNCTIONS)) if (new RegExp(`\\b${name}\\(`).test(text)) used.add(feature);
  }
  return [...used];
}

/** The newest of some features' releases, e.g. `1.7.0`. */
export function newestRelease(features: readonly TerraformFeature[]): string {
  return features.map((f) => f.since).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), BASELINE.since);
}

/** The `required_version` constraint of a synthesized stack: `>= ` the newest release among the features it uses. */
export function requiredVersion(stack: Record<string, any>): string {
  return `>= ${newestRelease(featuresUsed(stack))}`;
}

/** Compares two `major.minor.patch` versions: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Every resource and data block of the stack (and the check-scoped data sources). */
function blocksOf(stack: Record<string, any>): any[] {
  const instances = (byType: unknown): any[] => Object.values((byType ?? {}) as Record<string, Record<string, unknown>>).flatMap((byName) => Object.values(byName ?? {}));
  const scoped = Object.values((stack.check ?? {}) as Record<string, any>).map((c) => c?.data);
  return [...instances(stack.resource), ...instances(stack.data), ...scoped.flatMap(instances)];
}

/** Every string in the stack, but its `//` metadata. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsOf(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== '//') stringsOf(v, out);
  return out;
}
