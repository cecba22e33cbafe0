/**
 * The consumer quick starts of the docs, as shell scripts: README.md's for cdktf, docs/cdktn.md's for cdktn, each
 * between `<!-- quickstart:<flavour>:start -->` and `<!-- quickstart:<flavour>:end -->`. The test runs them as
 * written, so the docs cannot drift from what works.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ROOT } from './readme-example';

/** Where each flavour's quick start is written. */
export const QUICK_START_FILES: Readonly<Record<string, string>> = { cdktf: 'README.md', cdktn: join('docs', 'cdktn.md') };

/** A quick start: its shell commands, and the tarball path its first line sets (`TGZ=<path>`). */
export interface QuickStart {
  /** The Markdown file it was read from, relative to the root. */
  readonly file: string;
  /** The ```sh block, as written. */
  readonly script: string;
  /** The value of its `TGZ=` line, as written. */
  readonly tarball: string;
}

/** The quick start of a flavour, read from its file. */
export function quickStart(flavour: string): QuickStart {
  const file = QUICK_START_FILES[flavour];
  const text = readFileSync(join(ROOT, file), 'utf8');
  const block = new RegExp(`<!-- quickstart:${flavour}:start -->\\n\`\`\`sh\\n([\\s\\S]*?)\`\`\`\\n<!-- quickstart:${flavour}:end -->`).exec(text);
  if (!block) throw new Error(`${file}: no \`\`\`sh block between <!-- quickstart:${flavour}:start --> and <!-- quickstart:${flavour}:end -->`);
  const tarball = /^TGZ=(\S+)/.exec(block[1]);
  if (!tarball) throw new Error(`${file}: the ${flavour} quick start must start with TGZ=<the packed tarball>`);
  return { file, script: block[1], tarball: tarball[1] };
}

/** The script with its `TGZ=` line pointing at `tarball`: the one thing that differs from machine to machine. */
export function withTarball(start: QuickStart, tarball: string): string {
  return start.script.replace(/^TGZ=\S+/, `TGZ=${JSON.stringify(tarball)}`);
}
