import { createHash } from 'crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import type { AppConfig } from './config-schema';

const ROOT = resolve(__dirname, '..');

/** Every file under `dir`, with what changes when it is written. */
function signatures(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) signatures(path, into);
    else {
      const { ctimeMs, mtimeMs, size } = statSync(path);
      into.push(`${path}\0${ctimeMs}\0${mtimeMs}\0${size}`);
    }
  }
}

/** Where the validated config of `bytes` is kept, for the code under `root` as it is now. */
function cacheFile(bytes: Uint8Array, root: string): string {
  const files: string[] = [];
  // What validation reads besides the config: the app's and the library's files, and zod.
  ['app', 'lib'].forEach((dir) => signatures(join(root, dir), files));
  const hash = createHash('sha256').update(bytes).update('\0').update(files.sort().join('\n'));
  hash.update(readFileSync(join(root, 'node_modules', 'zod', 'package.json')));
  return join(root, 'node_modules', '.cache', 'cdktf-azure-private-batch', `config-${hash.digest('hex')}.json`);
}

/**
 * A config that passed validation, kept by what decided it: the config's bytes, every file of app/ and lib/ as it is
 * now (path, change time, modification time, size) and zod's manifest. The next synth of the same bytes with the same
 * code takes the validated config from here, without loading zod or the schema: the same input to the same code gives
 * the same answer, and a user should not pay to hear it again (`cdktf diff` and `deploy` synthesize again; about
 * 35 ms of the default example's 310). A config that fails is never kept, so its errors always come from `validate`.
 * Without a writable cache it validates every time.
 */
export function validatedConfig(bytes: Uint8Array, validate: () => AppConfig, root = ROOT): AppConfig {
  let file: string | undefined;
  try {
    file = cacheFile(bytes, root);
    return JSON.parse(readFileSync(file, 'utf8')) as AppConfig;
  } catch {
    // Not kept yet (or no app/ and lib/ to fingerprint): validate.
  }
  const config = validate();
  if (file !== undefined) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(config));
      renameSync(partial, file);
    } catch {
      // A read-only checkout: the next synth validates again.
    }
  }
  return config;
}
