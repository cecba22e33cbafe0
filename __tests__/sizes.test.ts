/**
 * The project's size limits, read from the TypeScript syntax tree: no class in lib/ or app/ over 150 lines and no
 * function over 60, so that each part reads top down in one sitting.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const MAX_CLASS = 150;
const MAX_FUNCTION = 60;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every class over MAX_CLASS lines and function over MAX_FUNCTION lines in a file, as `file: kind name (lines)`. */
export function oversized(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name?.getText(source) ?? (ts.isConstructorDeclaration(node) ? 'constructor' : '(anonymous)');
    if (ts.isClassLike(node) && lines(node) > MAX_CLASS) found.push(`${file}: class ${name} (${lines(node)} lines)`);
    if (ts.isFunctionLike(node) && 'body' in node && node.body && lines(node) > MAX_FUNCTION) found.push(`${file}: function ${name} (${lines(node)} lines)`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('size limits', () => {
  it(`hold in lib/ and app/: no class over ${MAX_CLASS} lines, no function over ${MAX_FUNCTION}`, () => {
    const files = [...sources(join(ROOT, 'lib')), ...sources(join(ROOT, 'app'))];
    expect(files.flatMap((file) => oversized(relative(ROOT, file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('count a class and a function by their lines, and find them nested', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(oversized('f.ts', `function small() {\n${body(58)}\n}`)).toEqual([]);
    expect(oversized('f.ts', `function big() {\n${body(59)}\n}`)).toEqual(['f.ts: function big (61 lines)']);
    expect(oversized('f.ts', `export const x = () => {\n${body(59)}\n};`)).toEqual(['f.ts: function (anonymous) (61 lines)']);
    expect(oversized('f.ts', `class C {\n  m() {\n${body(150)}\n  }\n}`)).toEqual(['f.ts: class C (154 lines)', 'f.ts: function m (152 lines)']);
  });
});
