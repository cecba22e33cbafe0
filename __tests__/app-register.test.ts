/**
 * The app command's loader (app/register.js): TypeScript through a transpile cache and V8's code cache, and zod's
 * locales deferred. Each case runs node with the loader in a child process, on files of its own outside the repo.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const REGISTER = resolve(__dirname, '../app/register.js');
const CACHE = resolve(__dirname, '../node_modules/.cache/cdktf-azure-private-batch');

function node(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['-r', REGISTER, ...args], { cwd, encoding: 'utf8' });
}

describe('the app command\'s loader', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'register-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a file as it is now: an edit is never answered from the cache, whatever its size', () => {
    const file = join(dir, 'answer.ts');
    writeFileSync(file, 'const answer: number = 41;\nconsole.log(answer);\n');
    expect(node([file], dir).stdout).toBe('41\n');
    expect(node([file], dir).stdout).toBe('41\n');
    writeFileSync(file, 'const answer: number = 42;\nconsole.log(answer);\n'); // same size, the same second
    expect(node([file], dir).stdout).toBe('42\n');
  });

  it('keeps V8\'s code cache beside the JavaScript, and one it cannot use is made anew', () => {
    const file = join(dir, 'cached.ts');
    writeFileSync(file, `export const shout = (s: string): string => s.toUpperCase();\nconsole.log(shout('${dir}'));\n`);
    const before = new Set(readdirSync(CACHE));
    expect(node([file], dir).stdout).toBe(`${dir.toUpperCase()}\n`);
    const made = readdirSync(CACHE).filter((f) => !before.has(f));
    const codeCache = made.find((f) => f.endsWith('.v8'));
    expect(made.filter((f) => f.endsWith('.js'))).toHaveLength(1);
    expect(codeCache).toBeDefined();
    writeFileSync(join(CACHE, codeCache!), 'not a code cache');
    expect(node([file], dir).stdout).toBe(`${dir.toUpperCase()}\n`);
    expect(readdirSync(CACHE).filter((f) => !before.has(f)).sort()).toEqual(made.sort());
    expect(readFileSync(join(CACHE, codeCache!), 'utf8')).not.toBe('not a code cache');
  });

  it('reports an error at the TypeScript file and line that threw', () => {
    const file = join(dir, 'throws.ts');
    writeFileSync(file, 'type T = string;\n\nfunction fail(): T {\n  throw new Error("bad");\n}\nfail();\n');
    expect(node([file], dir).stderr).toContain(`${file}:4`);
  });

  it('loads zod without its locales until one is read, and zod answers as before', () => {
    const script = `
      const { z } = require('zod');
      const loaded = () => Object.keys(require.cache).filter((f) => /zod.v4.locales/.test(f)).length;
      const issue = z.object({ name: z.string() }).safeParse({ name: 1 }).error.issues[0];
      const before = loaded();
      const german = typeof z.locales.de;
      console.log(JSON.stringify({ message: issue.message, before, german, after: loaded() > before }));`;
    const result = JSON.parse(node(['-e', script], resolve(__dirname, '..')).stdout);
    expect(result).toEqual({ message: 'Invalid input: expected string, received number', before: 1, german: 'function', after: true });
  });
});
