import { existsSync, readFileSync } from 'fs';
import { AppConfig, configSchema } from './config-schema';

/** A config file that cannot be used; the message names the file, the field and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(root)';
}

/** Parses and validates config text; `file` is only used in messages. */
export function parseConfig(text: string, file: string): AppConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${fieldPath(issue.path)}: ${issue.message}`);
    throw new ConfigError(`${file}: invalid config:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Reads and validates a config file. */
export function loadConfig(file: string): AppConfig {
  if (!existsSync(file)) throw new ConfigError(`${file}: config file not found (set PRIVATE_BATCH_CONFIG to a JSON file, or unset it for config/example.json)`);
  return parseConfig(readFileSync(file, 'utf8'), file);
}
