import { PropProblem } from './problems';
import { canonicalDuration, durationProblem, durationSeconds } from './durations';
import { everyMember } from './every-member';

/** Every {@link NodeDeallocationMethod}, in the order messages list them. */
export const NODE_DEALLOCATION_METHODS = everyMember<NodeDeallocationMethod>()(['Requeue', 'Terminate', 'TaskCompletion', 'RetainedData']);

/** What Batch does with tasks on nodes that a resize removes. */
export type NodeDeallocationMethod = 'Requeue' | 'Terminate' | 'TaskCompletion' | 'RetainedData';

/** azurerm's limits on `fixed_scale` (v4.55.0 `batch_pool_resource.go`). */
export const MAX_DEDICATED_NODES = 2000;
/** azurerm's limit on `fixed_scale.target_low_priority_nodes`. */
export const MAX_LOW_PRIORITY_NODES = 1000;

const MINUTE = 60;
/** Azure refuses a resize timeout under 5 minutes (Batch management API, `FixedScaleSettings.resizeTimeout`). */
export const MIN_RESIZE_TIMEOUT_SECONDS = 5 * MINUTE;
/** Azure's bounds on an autoscale evaluation interval: 5 minutes to 168 hours (`AutoScaleSettings.evaluationInterval`). */
export const MIN_EVALUATION_INTERVAL_SECONDS = 5 * MINUTE;
/** The upper bound of an autoscale evaluation interval. */
export const MAX_EVALUATION_INTERVAL_SECONDS = 168 * 60 * MINUTE;

/** A pool of a fixed size. */
export interface FixedPoolScale {
  /**
   * Dedicated nodes: 0-2000.
   * @default 0
   */
  readonly dedicatedNodes?: number;
  /**
   * Spot (low-priority) nodes: 0-1000.
   * @default 0
   */
  readonly lowPriorityNodes?: number;
  /**
   * How long a resize may take, ISO 8601, at least 5 minutes.
   * @default 'PT15M'
   */
  readonly resizeTimeout?: string;
  /**
   * What happens to running tasks when a resize removes their node.
   * @default Azure's: Requeue
   */
  readonly nodeDeallocationMethod?: NodeDeallocationMethod;
}

/** A pool sized by an autoscale formula. */
export interface AutoPoolScale {
  /** The autoscale formula, e.g. `$TargetDedicatedNodes = min(4, $PendingTasks.GetSample(1));`. */
  readonly formula: string;
  /**
   * How often the formula runs, ISO 8601, 5 minutes to 168 hours.
   * @default 'PT15M'
   */
  readonly evaluationInterval?: string;
}

/** How many nodes a pool has: exactly one of a fixed size and an autoscale formula. */
export interface PoolScale {
  /** A fixed size. */
  readonly fixedScale?: FixedPoolScale;
  /** An autoscale formula. */
  readonly autoScale?: AutoPoolScale;
}

function nodeCountProblem(value: unknown, max: number): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max
    ? undefined
    : `must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`;
}

/** Problems with a fixed size, fields relative to it (`dedicatedNodes`, …). */
export function fixedScaleProblems(scale: FixedPoolScale): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string | undefined): void => {
    if (problem) problems.push({ field, problem });
  };
  add('dedicatedNodes', nodeCountProblem(scale.dedicatedNodes ?? 0, MAX_DEDICATED_NODES));
  add('lowPriorityNodes', nodeCountProblem(scale.lowPriorityNodes ?? 0, MAX_LOW_PRIORITY_NODES));
  if (scale.resizeTimeout !== undefined) add('resizeTimeout', durationProblem(scale.resizeTimeout, MIN_RESIZE_TIMEOUT_SECONDS));
  const method = scale.nodeDeallocationMethod;
  if (method !== undefined && !NODE_DEALLOCATION_METHODS.includes(method)) {
    add('nodeDeallocationMethod', `must be one of ${NODE_DEALLOCATION_METHODS.join(', ')}, got ${JSON.stringify(method)}`);
  }
  return problems;
}

/** Problems with an autoscale setting, fields relative to it (`formula`, `evaluationInterval`). */
export function autoScaleProblems(scale: AutoPoolScale): PropProblem[] {
  const problems: PropProblem[] = [];
  if (typeof scale.formula !== 'string' || scale.formula.trim() === '') {
    problems.push({ field: 'formula', problem: 'must be an autoscale formula, e.g. "$TargetDedicatedNodes = 2;"' });
  }
  if (scale.evaluationInterval !== undefined) {
    const problem = durationProblem(scale.evaluationInterval, MIN_EVALUATION_INTERVAL_SECONDS, MAX_EVALUATION_INTERVAL_SECONDS);
    if (problem) problems.push({ field: 'evaluationInterval', problem });
  }
  return problems;
}

/** Problems with a pool's size: exactly one of `fixedScale` and `autoScale` (azurerm refuses both or neither at apply). */
export function poolScaleProblems(scale: PoolScale): PropProblem[] {
  const { fixedScale, autoScale } = scale;
  if (fixedScale && autoScale) return [{ field: 'autoScale', problem: 'must not be set with fixedScale: give one way to size the pool' }];
  if (fixedScale) return fixedScaleProblems(fixedScale).map((p) => ({ ...p, field: `fixedScale.${p.field}` }));
  if (autoScale) return autoScaleProblems(autoScale).map((p) => ({ ...p, field: `autoScale.${p.field}` }));
  return [{ field: 'fixedScale', problem: 'or autoScale is required: a node count ({ dedicatedNodes: 1 }) or an autoscale formula' }];
}

/** The nodes a fixed-size pool asks for, dedicated and Spot together: each takes one address of the subnet. */
export function targetNodeCount(scale: FixedPoolScale): number {
  return (scale.dedicatedNodes ?? 0) + (scale.lowPriorityNodes ?? 0);
}

/** A duration in the form Azure returns it, so that a value such as `PT60M` does not diff with Azure's `PT1H`. */
export function normalizedDuration(text: string | undefined, fallback: string): string {
  const seconds = durationSeconds(text ?? fallback);
  return seconds === undefined ? (text ?? fallback) : canonicalDuration(seconds);
}
