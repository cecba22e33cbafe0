import { readFileSync, statSync } from 'fs';
import type { z } from 'zod';
import { validatedConfig } from './config-cache';
import type { AppConfig } from './config-schema';

/** A config file that cannot be used; the message names the file, the field and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** `stacks[0].tags["cost center"]`: indexes and keys that are no plain name in brackets. */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    if (!/^[A-Za-z_$][\w$]*$/.test(String(key))) return `${text}[${JSON.stringify(String(key))}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '') || '(root)';
}

/** A JSON parser's message, with its "at position N" told as ` at line L, column C` (1-based), which editors show. */
function jsonError(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return `: ${message}`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** zod's message, except for a value outside a list: `must be one of a, b, got "c"`, in the words of the other checks. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_value' || issue.values.length < 2) return issue.message;
  return `must be one of ${issue.values.map(String).join(', ')}, got ${JSON.stringify(issue.input)}`;
}

/**
 * Parses and validates config text; `file` is only used in messages. A leading UTF-8 byte-order mark is accepted:
 * Windows editors write one, and RFC 8259 lets a parser ignore it.
 */
export function parseConfig(text: string, file: string): AppConfig {
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') throw new ConfigError(`${file}: is empty; a config is a JSON object with a "stacks" list (see config/example.json)`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON${jsonError(json, (error as Error).message)}`);
  }
  // Loaded here, not with this module: a config validated before comes from config-cache.ts without zod.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { configSchema } = require('./config-schema') as typeof import('./config-schema');
  // reportInput: an issue carries the value given, so that a message can say what was given as well as what is allowed.
  const result = configSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${fieldPath(issue.path)}: ${issueMessage(issue)}`);
    throw new ConfigError(`${file}: invalid config:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * The text of a config file's bytes. UTF-8, with or without a byte-order mark (Notepad and PowerShell's
 * `Out-File -Encoding utf8` write one). UTF-16 (Windows PowerShell 5's `>` and `Out-File` default) and bytes that
 * are not UTF-8 get a sentence that says how to save the file, not a JSON parser's complaint about a token.
 */
export function decodeConfig(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ConfigError(`${file}: is UTF-16 text (Windows PowerShell writes it with > or Out-File); save it as UTF-8, e.g. Out-File -Encoding utf8 or your editor's "Save with encoding"`);
  }
  try {
    // TextDecoder drops a leading byte-order mark (ignoreBOM is false by default).
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${file}: is not UTF-8 text; save it as UTF-8 (JSON files are UTF-8)`);
  }
}

/** Reads and validates a config file. */
export function loadConfig(file: string): AppConfig {
  const hint = 'set PRIVATE_BATCH_CONFIG to a JSON file, or unset it for config/example.json';
  let isDirectory: boolean;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigError(`${file}: config file not found (${hint})`);
    throw new ConfigError(`${file}: cannot be read (${code ?? (error as Error).message}); ${hint}`);
  }
  if (isDirectory) throw new ConfigError(`${file}: is a directory, not a config file (${hint})`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check its permissions`);
  }
  return validatedConfig(bytes, () => parseConfig(decodeConfig(bytes, file), file));
}
