import { canonicalDuration, describeSeconds, durationProblem, durationSeconds } from '../../lib/rules/durations';

describe('ISO 8601 durations', () => {
  it.each([
    ['PT15M', 900],
    ['PT5M', 300],
    ['PT1H30M', 5400],
    ['PT90M', 5400],
    ['P1D', 86400],
    ['P1DT2H3M4S', 93784],
    ['PT45S', 45],
    ['P7D', 604800],
    ['PT0S', 0],
  ])('reads %s as %i seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });

  it.each(['', 'P', 'PT', 'P1DT', '15m', 'PT15m', 'P1M', 'P1Y', 'PT1.5H', ' PT15M', 'PT15M ', 'T15M', 'P-1D'])('does not read %j', (text) => {
    expect(durationSeconds(text)).toBeUndefined();
  });

  it.each([
    [900, 'PT15M'],
    [5400, 'PT1H30M'],
    [86400, 'P1D'],
    [93784, 'P1DT2H3M4S'],
    [90000, 'P1DT1H'],
    [45, 'PT45S'],
    [3600, 'PT1H'],
    [0, 'PT0S'],
  ])('writes %i seconds as Azure does: %s', (seconds, text) => {
    expect(canonicalDuration(seconds)).toBe(text);
  });

  it.each([
    [300, '5 minutes'],
    [60, '1 minute'],
    [3600, '1 hour'],
    [604800, '168 hours'],
    [90, '90 seconds'],
    [1, '1 second'],
  ])('describes %i seconds as %s', (seconds, text) => {
    expect(describeSeconds(seconds)).toBe(text);
  });

  it('accepts a duration within its bounds, including the bounds', () => {
    expect(durationProblem('PT5M', 300, 600)).toBeUndefined();
    expect(durationProblem('PT10M', 300, 600)).toBeUndefined();
    expect(durationProblem('P30D', 300)).toBeUndefined();
  });

  it('names the bound a duration misses, and the value', () => {
    expect(durationProblem('PT4M', 300, 600)).toBe('must be at least 5 minutes, got PT4M');
    expect(durationProblem('PT11M', 300, 600)).toBe('must be at most 10 minutes, got PT11M');
  });

  it('quotes what is not a duration, with an example', () => {
    expect(durationProblem('15 minutes', 300)).toBe('must be an ISO 8601 duration of days, hours, minutes and seconds such as PT15M or P1DT2H, got "15 minutes"');
  });
});
