/**
 * cdktf records the whole call stack of every token it creates (its `captureStackTrace`, in the constructors below),
 * only to print it if that token fails to resolve. For a large stack that is a third of a synth's CPU time and two
 * fifths of its memory (BENCHMARKS.md, issue #24): a trace of 30 to 40 frames, formatted as text, for each of the
 * tens of thousands of tokens. The app command does not keep them: while `run` runs, a trace captured by one of
 * these constructors is empty, as cdktf's own code allows (an empty `stack` gives an empty creation stack).
 * Every other trace (errors, construct metadata such as warnings) is formatted as node formats it.
 * PRIVATE_BATCH_TOKEN_TRACES=1 keeps the token traces, to find where a token that does not resolve was made.
 */
const TOKEN_CONSTRUCTORS = new Set(['Intrinsic', 'ComplexResolvable', 'LazyBase', 'TerraformDynamicBlock', 'TerraformDynamicExpression']);

type PrepareStackTrace = (error: Error, trace: NodeJS.CallSite[]) => unknown;

/** Node's own format: the error's `toString()`, then one `    at <frame>` line per frame. */
const nodeFormat: PrepareStackTrace = (error, trace) =>
  `${Error.prototype.toString.call(error)}${trace.map((site) => `\n    at ${site}`).join('')}`;

/** Whether a trace is cdktf's record of where a token was made: captured into a plain object by a token's constructor. */
function isTokenTrace(target: object, trace: readonly NodeJS.CallSite[]): boolean {
  const first = trace[0];
  return !(target instanceof Error) && first !== undefined && first.isConstructor() && TOKEN_CONSTRUCTORS.has(first.getFunctionName() ?? '');
}

/** Runs `build` without token traces (unless PRIVATE_BATCH_TOKEN_TRACES=1), then puts node's stack formatting back. */
export function withoutTokenTraces<T>(build: () => T): T {
  if (process.env.PRIVATE_BATCH_TOKEN_TRACES === '1') return build();
  const previous = Error.prepareStackTrace;
  const format: PrepareStackTrace = previous ?? nodeFormat;
  Error.prepareStackTrace = (target, trace) => (isTokenTrace(target, trace) ? '' : format(target, trace));
  try {
    return build();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
