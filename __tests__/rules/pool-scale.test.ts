import {
  MAX_DEDICATED_NODES, MAX_LOW_PRIORITY_NODES, autoScaleProblems, fixedScaleProblems, normalizedDuration, poolScaleProblems, targetNodeCount,
} from '../../lib/rules/pool-scale';

describe('pool scale rules', () => {
  it('accepts a fixed size within azurerm\'s limits, the limits included', () => {
    expect(fixedScaleProblems({})).toEqual([]);
    expect(fixedScaleProblems({ dedicatedNodes: 0, lowPriorityNodes: 0 })).toEqual([]);
    expect(fixedScaleProblems({ dedicatedNodes: MAX_DEDICATED_NODES, lowPriorityNodes: MAX_LOW_PRIORITY_NODES, resizeTimeout: 'PT5M', nodeDeallocationMethod: 'TaskCompletion' })).toEqual([]);
    expect([MAX_DEDICATED_NODES, MAX_LOW_PRIORITY_NODES]).toEqual([2000, 1000]);
  });

  it.each([
    [{ dedicatedNodes: 2001 }, 'dedicatedNodes', 'must be a whole number from 0 to 2000, got 2001'],
    [{ dedicatedNodes: -1 }, 'dedicatedNodes', 'must be a whole number from 0 to 2000, got -1'],
    [{ dedicatedNodes: 1.5 }, 'dedicatedNodes', 'must be a whole number from 0 to 2000, got 1.5'],
    [{ dedicatedNodes: '2' as unknown as number }, 'dedicatedNodes', 'must be a whole number from 0 to 2000, got "2"'],
    [{ lowPriorityNodes: 1001 }, 'lowPriorityNodes', 'must be a whole number from 0 to 1000, got 1001'],
    [{ lowPriorityNodes: -1 }, 'lowPriorityNodes', 'must be a whole number from 0 to 1000, got -1'],
    [{ resizeTimeout: 'PT4M' }, 'resizeTimeout', 'must be at least 5 minutes, got PT4M'],
    [{ resizeTimeout: '15m' }, 'resizeTimeout', expect.stringContaining('ISO 8601')],
    [{ nodeDeallocationMethod: 'Drain' as never }, 'nodeDeallocationMethod', 'must be one of Requeue, Terminate, TaskCompletion, RetainedData, got "Drain"'],
  ])('refuses the fixed size %j at %s', (scale, field, problem) => {
    expect(fixedScaleProblems(scale)).toEqual([{ field, problem }]);
  });

  it('accepts an autoscale formula with an interval from 5 minutes to 168 hours', () => {
    expect(autoScaleProblems({ formula: '$TargetDedicatedNodes = 1;' })).toEqual([]);
    expect(autoScaleProblems({ formula: '$TargetDedicatedNodes = 1;', evaluationInterval: 'PT5M' })).toEqual([]);
    expect(autoScaleProblems({ formula: '$TargetDedicatedNodes = 1;', evaluationInterval: 'PT168H' })).toEqual([]);
  });

  it.each([
    [{ formula: '' }, 'formula', expect.stringContaining('must be an autoscale formula')],
    [{ formula: '   ' }, 'formula', expect.stringContaining('must be an autoscale formula')],
    [{ formula: undefined as unknown as string }, 'formula', expect.stringContaining('must be an autoscale formula')],
    [{ formula: 'x', evaluationInterval: 'PT4M59S' }, 'evaluationInterval', 'must be at least 5 minutes, got PT4M59S'],
    [{ formula: 'x', evaluationInterval: 'P7DT1S' }, 'evaluationInterval', 'must be at most 168 hours, got P7DT1S'],
  ])('refuses the autoscale setting %j at %s', (scale, field, problem) => {
    expect(autoScaleProblems(scale)).toEqual([{ field, problem }]);
  });

  it('wants exactly one of fixedScale and autoScale, naming the field', () => {
    expect(poolScaleProblems({})).toEqual([{ field: 'fixedScale', problem: expect.stringContaining('or autoScale is required') }]);
    expect(poolScaleProblems({ fixedScale: {}, autoScale: { formula: 'x' } })).toEqual([{ field: 'autoScale', problem: 'must not be set with fixedScale: give one way to size the pool' }]);
    expect(poolScaleProblems({ fixedScale: { dedicatedNodes: 1 } })).toEqual([]);
    expect(poolScaleProblems({ autoScale: { formula: 'x' } })).toEqual([]);
  });

  it('names nested problems from the pool props', () => {
    expect(poolScaleProblems({ fixedScale: { dedicatedNodes: -1 } })).toEqual([{ field: 'fixedScale.dedicatedNodes', problem: expect.any(String) }]);
    expect(poolScaleProblems({ autoScale: { formula: '' } })).toEqual([{ field: 'autoScale.formula', problem: expect.any(String) }]);
  });

  it('counts dedicated and Spot nodes: each takes an address', () => {
    expect(targetNodeCount({})).toBe(0);
    expect(targetNodeCount({ dedicatedNodes: 3 })).toBe(3);
    expect(targetNodeCount({ lowPriorityNodes: 4 })).toBe(4);
    expect(targetNodeCount({ dedicatedNodes: 3, lowPriorityNodes: 4 })).toBe(7);
  });

  it('writes durations the way Azure returns them, and the default when none is given', () => {
    expect(normalizedDuration(undefined, 'PT15M')).toBe('PT15M');
    expect(normalizedDuration('PT60M', 'PT15M')).toBe('PT1H');
    expect(normalizedDuration('PT24H', 'PT15M')).toBe('P1D');
    expect(normalizedDuration('later', 'PT15M')).toBe('later');
  });
});
