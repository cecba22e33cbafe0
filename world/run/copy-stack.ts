import { cpSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';

/**
 * Renames the keys at `paths` to "//", a comment in Terraform's JSON syntax. The text is edited
 * in place so that line numbers in diagnostics still match the synthesized file. Block arrays
 * (`"terraform": [{...}]`) are looked through, as in tfshim's strip-backend.js (world/PROVENANCE.md).
 */
function commentOutKeys(text: string, paths: readonly (readonly string[])[]): string {
  const wanted = new Set(paths.map((path) => path.join('\0')));
  const frames: { object: boolean; expectKey: boolean; key?: string }[] = [];
  const hits: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = frames[frames.length - 1];
    if (c === '{' || c === '[') frames.push({ object: c === '{', expectKey: c === '{' });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',' && top?.object) top.expectKey = true;
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.object && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end + 1)) as string;
        top.expectKey = false;
        const path = frames.filter((frame) => frame.object).map((frame) => frame.key);
        if (wanted.has(path.join('\0'))) hits.push([i, end + 1]);
      }
      i = end;
    }
  }
  for (const [from, to] of hits.reverse()) text = `${text.slice(0, from)}"//"${text.slice(to)}`;
  return text;
}

// Any backend needs `terraform init`; without one Terraform uses local state.
export const BACKEND_KEYS = [['terraform', 'backend'], ['terraform', 'cloud']];
export const IGNORED = (name: string): boolean =>
  name === '.terraform' || name === '.terraform.lock.hcl' || /\.tfstate(\..*)?$|\.tfplan$/.test(name);

/** Copies a stack dir (without state or init leftovers) and comments out `keys` in its *.tf.json. */
export function copyStack(from: string, to: string, keys: readonly (readonly string[])[]): void {
  cpSync(from, to, { recursive: true, filter: (src) => src === from || !IGNORED(basename(src)) });
  for (const file of readdirSync(to).filter((name) => name.endsWith('.tf.json'))) {
    const path = join(to, file);
    writeFileSync(path, commentOutKeys(readFileSync(path, 'utf8'), keys));
  }
}
