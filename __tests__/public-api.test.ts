/**
 * The public API is what the package's entry points export: lib/index.ts (the root) and the index.ts of each subpath
 * in package.json `exports`. Each exported symbol, and each public member of an exported class, interface or enum,
 * must carry a doc comment: TypeDoc and editors show nothing else to a user. The root holds the constructs a user
 * builds, their props and the types those props take, and stays at 60 symbols or fewer. The exports are read from
 * the compiler, never listed here, so new modules are checked as they are added; api/*.api.md holds the list
 * itself (__tests__/api-report.test.ts).
 */
import { readFileSync } from 'fs';
import { join, relative, sep } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const LIB = join(ROOT, 'lib');
/** At most this many symbols at the package root (issue #25). */
const ROOT_SYMBOLS = 60;

/** Each entry point of package.json `exports` and the lib/ file it is built from (dist/x/index.d.ts ← lib/x/index.ts). */
function entryPoints(): { subpath: string; file: string }[] {
  const { exports } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.entries<any>(exports)
    .filter(([, target]) => typeof target === 'object')
    .map(([subpath, target]) => ({ subpath, file: join(LIB, String(target.types).replace(/^\.\/dist\//, '').replace(/\.d\.ts$/, '.ts')) }));
}

const ENTRIES = entryPoints();

interface PublicApi {
  readonly checker: ts.TypeChecker;
  /** Per entry point (`.`, `./dns`, ...), its exports, each resolved to the symbol it re-exports. */
  readonly exports: ReadonlyMap<string, ReadonlyMap<string, ts.Symbol>>;
}

/** The exports of every entry point. */
function publicApi(): PublicApi {
  // Only the entry points and what they import, and no full type check (only exports and comments are read): fast.
  const program = ts.createProgram(ENTRIES.map((e) => e.file), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const exports = new Map<string, Map<string, ts.Symbol>>();
  for (const { subpath, file } of ENTRIES) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the module ${file}`);
    const symbols = new Map<string, ts.Symbol>();
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      symbols.set(symbol.name, symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    }
    exports.set(subpath, symbols);
  }
  return { checker, exports };
}

function hasDoc(node: ts.Node): boolean {
  // A variable's comment sits on its statement; getJSDocCommentsAndTags looks there too.
  return ts.getJSDocCommentsAndTags(node).some((doc) => ts.isJSDoc(doc) && (doc.comment !== undefined || (doc.tags?.length ?? 0) > 0));
}

function where(node: ts.Node): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(ROOT, file.fileName).split(sep).join('/')}:${line + 1}`;
}

function isPublicMember(member: ts.ClassElement | ts.TypeElement | ts.EnumMember): boolean {
  if (ts.isConstructorDeclaration(member) || ts.isIndexSignatureDeclaration(member) || ts.isClassStaticBlockDeclaration(member)) return false;
  if (member.name && ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

/** Public members of a class, interface or enum declaration that lack a doc comment. */
function undocumentedMembers(name: string, declaration: ts.Declaration): string[] {
  const members: readonly (ts.ClassElement | ts.TypeElement | ts.EnumMember)[] =
    ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration) || ts.isEnumDeclaration(declaration)
      ? declaration.members
      : [];
  return members
    .filter((member) => isPublicMember(member) && !hasDoc(member))
    .map((member) => `${name}.${member.name?.getText() ?? '?'} (${where(member)})`);
}

describe('the public API (the package root and its subpaths)', () => {
  const api = publicApi();
  const root = api.exports.get('.')!;
  const entries = [...api.exports.entries()].flatMap(([subpath, symbols]) => [...symbols.entries()].map(([name, symbol]) => ({ subpath, name, symbol })));

  it(`keeps the root at ${ROOT_SYMBOLS} symbols or fewer: the constructs, their props and the types those props take`, () => {
    // A few anchors only; api/root.api.md is the list.
    expect([...root.keys()]).toEqual(expect.arrayContaining(['PrivateBatch', 'PrivateBatchProps', 'BatchAccount', 'BatchPrivateEndpoint', 'BatchPrivateDnsZone']));
    expect(root.size).toBeLessThanOrEqual(ROOT_SYMBOLS);
  });

  it('has a lib/<subpath>/index.ts for each subpath of package.json exports', () => {
    expect(ENTRIES.map((e) => e.subpath)).toEqual(expect.arrayContaining(['.', './azapi', './terraform', './review']));
    for (const [subpath, symbols] of api.exports) expect([subpath, symbols.size > 0]).toEqual([subpath, true]);
  });

  it('exports each symbol from one entry point only', () => {
    const where = new Map<ts.Symbol, string[]>();
    for (const { subpath, symbol } of entries) where.set(symbol, [...(where.get(symbol) ?? []), subpath]);
    expect([...where].filter(([, subpaths]) => subpaths.length > 1).map(([symbol, subpaths]) => `${symbol.name}: ${subpaths.join(', ')}`)).toEqual([]);
  });

  it('exports only what lib/ declares, not re-exported provider or cdktf classes', () => {
    const foreign = entries
      .filter(({ symbol }) => (symbol.declarations ?? []).some((d) => !d.getSourceFile().fileName.startsWith(LIB + sep)))
      .map(({ subpath, name, symbol }) => `${subpath} ${name} (${symbol.declarations?.[0]?.getSourceFile().fileName})`);
    expect(foreign).toEqual([]);
  });

  it('gives every exported symbol a doc comment', () => {
    const missing = entries.flatMap(({ name, symbol }) =>
      (symbol.declarations ?? []).filter((d) => !hasDoc(d)).map((d) => `${name} (${where(d)})`));
    expect(missing).toEqual([]);
  });

  it('gives every public member of an exported class, interface or enum a doc comment', () => {
    const missing = entries.flatMap(({ name, symbol }) => (symbol.declarations ?? []).flatMap((d) => undocumentedMembers(name, d)));
    expect(missing).toEqual([]);
  });

  it('exports nothing marked @internal', () => {
    const internal = entries
      .filter(({ symbol }) => (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'internal')))
      .map(({ name }) => name);
    expect(internal).toEqual([]);
  });
});
