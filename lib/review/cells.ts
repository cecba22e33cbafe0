import { StackModel, isLiteral, literalValue } from '../guards/stack-model';

/** Inline code, e.g. a name or an address. */
export const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

/** Bold, for what is less private than the default. */
export const strong = (text: string): string => `**${text}**`;

/**
 * A value as a reviewer reads it: a literal (or one reference to another resource's literal attribute) as it is,
 * anything Terraform computes as `known at apply`.
 */
export function shown(model: StackModel, value: unknown, unknown = 'known at apply'): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return literalValue(model, value) ?? (value === undefined || value === null ? '—' : unknown);
}

/** The literal strings of a list attribute, or undefined when it is not a list of literals. */
export function literalList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(isLiteral) ? value : undefined;
}
