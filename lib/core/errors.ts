import { IConstruct } from 'constructs';

/**
 * The error a construct throws for a bad prop: it names the construct path, the prop and what is allowed,
 * so that a failed synth points straight at the line to fix.
 *
 * @param scope the construct whose prop is wrong
 * @param field the prop, as the caller spells it (e.g. `staticIp` or `dns.zone`)
 * @param problem what is wrong and what is allowed, e.g. `must be 3-24 lowercase letters and digits, got "Bad_Name"`
 */
export function propError(scope: IConstruct, field: string, problem: string): Error {
  return new Error(`${scope.node.path}: ${field} ${problem}`);
}
