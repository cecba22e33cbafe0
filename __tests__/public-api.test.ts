/**
 * The public API is what lib/index.ts exports. Each exported symbol, and each public member of an exported
 * class, interface or enum, must carry a doc comment: TypeDoc and editors show nothing else to a user.
 * The exports are read from the compiler, never listed here, so new modules are checked as they are added.
 */
import { join, relative, sep } from 'path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
const LIB = join(ROOT, 'lib');
const INDEX = join(LIB, 'index.ts');

interface PublicApi {
  readonly checker: ts.TypeChecker;
  readonly exports: ReadonlyMap<string, ts.Symbol>;
}

/** The exports of lib/index.ts, each resolved to the symbol it re-exports. */
function publicApi(): PublicApi {
  // Only lib/index.ts and what it imports, and no full type check (only exports and comments are read): fast.
  const program = ts.createProgram([INDEX], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(INDEX);
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  if (!moduleSymbol) throw new Error(`cannot read the module ${INDEX}`);
  const exports = new Map<string, ts.Symbol>();
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    exports.set(symbol.name, target);
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

describe('the public API (lib/index.ts)', () => {
  const api = publicApi();
  const entries = [...api.exports.entries()];

  it('exports the constructs, their props and the pure rules', () => {
    const names = [...api.exports.keys()];
    // A few anchors only; everything else is checked by rule below, whatever it is called.
    expect(names).toEqual(expect.arrayContaining(['PrivateBatchAccount', 'PrivateBatchAccountProps', 'BatchPrivateEndpoint', 'BatchPrivateDnsZone']));
    expect(names.length).toBeGreaterThan(20);
  });

  it('exports only what lib/ declares, not re-exported provider or cdktf classes', () => {
    const foreign = entries
      .filter(([, symbol]) => (symbol.declarations ?? []).some((d) => !d.getSourceFile().fileName.startsWith(LIB + sep)))
      .map(([name, symbol]) => `${name} (${symbol.declarations?.[0]?.getSourceFile().fileName})`);
    expect(foreign).toEqual([]);
  });

  it('gives every exported symbol a doc comment', () => {
    const missing = entries.flatMap(([name, symbol]) =>
      (symbol.declarations ?? []).filter((d) => !hasDoc(d)).map((d) => `${name} (${where(d)})`));
    expect(missing).toEqual([]);
  });

  it('gives every public member of an exported class, interface or enum a doc comment', () => {
    const missing = entries.flatMap(([name, symbol]) => (symbol.declarations ?? []).flatMap((d) => undocumentedMembers(name, d)));
    expect(missing).toEqual([]);
  });

  it('exports nothing marked @internal', () => {
    const internal = entries
      .filter(([, symbol]) => (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === 'internal')))
      .map(([name]) => name);
    expect(internal).toEqual([]);
  });
});
