/**
 * ISO 8601 durations as Azure Batch reads them (.NET `TimeSpan`): `PT15M`, `PT1H30M`, `P1D`, `P1DT12H`.
 * Years and months are refused: their length is not fixed.
 */
const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The length of an ISO 8601 duration in seconds, or undefined when the text is not one (`PT`, `P`, `15m`, `P1M`). */
export function durationSeconds(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
}

/**
 * The form Azure returns a duration in (.NET `XmlConvert.ToString(TimeSpan)`): days, then hours, minutes and
 * seconds, largest units first and zeros left out, so `PT90M` is `PT1H30M` and `PT24H` is `P1D`. Writing that form
 * keeps the next plan empty when Azure echoes the value back.
 */
export function canonicalDuration(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor(totalSeconds / 3600) % 24;
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const date = days > 0 ? `${days}D` : '';
  const time = [[hours, 'H'], [minutes, 'M'], [seconds, 'S']].filter(([n]) => n !== 0).map(([n, unit]) => `${n}${unit}`).join('');
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

/** A human reading of a number of seconds, for messages: `5 minutes`, `168 hours`. */
export function describeSeconds(totalSeconds: number): string {
  const [count, unit] = totalSeconds % 3600 === 0 ? [totalSeconds / 3600, 'hour'] : totalSeconds % 60 === 0 ? [totalSeconds / 60, 'minute'] : [totalSeconds, 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Why a duration is not allowed, or undefined: it must be an ISO 8601 duration of days, hours, minutes and seconds
 * within `[min, max]` seconds.
 */
export function durationProblem(text: string, min: number, max?: number): string | undefined {
  const seconds = durationSeconds(text);
  if (seconds === undefined) return `must be an ISO 8601 duration of days, hours, minutes and seconds such as PT15M or P1DT2H, got ${JSON.stringify(text)}`;
  if (seconds < min) return `must be at least ${describeSeconds(min)}, got ${text}`;
  if (max !== undefined && seconds > max) return `must be at most ${describeSeconds(max)}, got ${text}`;
  return undefined;
}
