import { AnnotationMetadataEntryType, App } from 'cdktf';
import { AppConfig } from './config-schema';
import { ConfigError } from './load-config';
import { PrivateBatchStack } from './private-batch-stack';
import { orderStacksByAccounts } from './stack-order';
import { prepareWithoutNeedlessCrossStackPass, synthesizeOnce } from './synthesize-once';

/** Where the app writes and what it names in its errors. */
export interface BuildOptions {
  /** The cdktf output folder. @default cdktf's (`cdktf.out`, or CDKTF_OUTDIR) */
  readonly outdir?: string;
  /** The config file, as the user named it: errors found in a construct name it with the config field. @default `config` */
  readonly file?: string;
  /** cdktf context, as `cdktf.json` has it (see `cdktfJsonContext`); CDKTF_CONTEXT_JSON overrides it. @default none */
  readonly context?: Record<string, unknown>;
}

/**
 * Builds one stack per config entry and runs every stack's validations before anything is written, so a bad
 * stack never leaves its valid siblings half-synthesized in cdktf.out, and one run names every problem of every
 * stack. Problems found in constructs built from the config name the config field (see `setPropOrigin`).
 */
export function buildApp(config: AppConfig, options: BuildOptions = {}): App {
  const file = options.file ?? 'config';
  // Validations run below, once, for all stacks; synth skips them so they are not run twice.
  const app = new App({ outdir: options.outdir, context: options.context, skipValidation: true });
  const stacks = config.stacks.map((stack, i) => new PrivateBatchStack(app, stack, { file, path: `stacks[${i}]` }));
  orderStacksByAccounts(config.stacks, stacks);
  stacks.forEach(synthesizeOnce);
  stacks.forEach(prepareWithoutNeedlessCrossStackPass);
  // One mistake in a field that several constructs take (the stack's tags, say) reads the same from each: once is enough.
  const problems = [...new Set(stacks.flatMap((stack) => stack.node.findAll().flatMap((node) =>
    node.node.validate().map((message) => (message.startsWith(`${file}: `) ? message.slice(file.length + 2) : `[${node.node.path}] ${message}`)))))];
  if (problems.length > 0) {
    throw new ConfigError(`${file}: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} found while building the stacks; nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return app;
}

/**
 * The warnings the constructs and the stack guards added while the stacks were built, e.g. a private account that no
 * batchAccount endpoint of its stack reaches. The cdktf CLI prints them from the manifest; `main.ts` prints them too.
 */
export function appWarnings(app: App): string[] {
  return app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data)));
}
