/**
 * cdktf records the whole call stack of every token it creates (`captureStackTrace` in the constructors of
 * `Intrinsic`, `ComplexResolvable`, `LazyBase`, `TerraformDynamicBlock` and `TerraformDynamicExpression`), only to
 * print it if that token fails to resolve. For a large stack that was a third of a synth's CPU time and two fifths
 * of its memory (BENCHMARKS.md): V8 walks 30 to 40 frames for each of tens of thousands of tokens. The app command
 * does not keep them: while `build` runs, cdktf's capture function gives an empty trace, as cdktf's own code allows
 * (an empty creation stack prints nothing). Those constructors call it through its module's exports, so replacing
 * the export reaches every one of them and nothing else: errors and construct metadata (warnings) keep their traces.
 * cdktn calls `captureCreationStack` there instead (empty with its CDKTN_DISABLE_CREATION_STACK=1): that one is
 * replaced when it exists.
 * PRIVATE_BATCH_TOKEN_TRACES=1 keeps the token traces, to find where a token that does not resolve was made.
 */
interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
  captureCreationStack?: () => string[];
}

/** cdktf's private stack-trace module (cdktn has the same), or undefined if a release moved it. */
function tokenTraceModule(): StackTraceModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('cdktf/lib/tokens/private/stack-trace') as StackTraceModule;
  } catch {
    return undefined;
  }
}

const noTrace = (): string[] => [];

/** Runs `build` without token traces (unless PRIVATE_BATCH_TOKEN_TRACES=1), then puts cdktf's capture back. */
export function withoutTokenTraces<T>(build: () => T): T {
  const traces = process.env.PRIVATE_BATCH_TOKEN_TRACES === '1' ? undefined : tokenTraceModule();
  if (!traces) return build();
  const name = traces.captureCreationStack ? 'captureCreationStack' : 'captureStackTrace';
  const capture = traces[name]!;
  traces[name] = noTrace;
  try {
    return build();
  } finally {
    traces[name] = capture;
  }
}
