/** Types of flavours/index.js (plain CommonJS, so that jest configs and scripts load it without a compiler). */

/** One build of the library: its package name, peers and the names it gives the cdktf modules lib/ imports. */
export interface Flavour {
  /** `cdktf` or `cdktn`. */
  readonly name: string;
  /** The npm package this flavour is published as. */
  readonly packageName: string;
  /** The package description. */
  readonly description: string;
  /** Where this flavour's peers are installed (the repo's node_modules for cdktf). */
  readonly nodeModules: string;
  /** The peer dependencies of the published package. */
  readonly peerDependencies: Readonly<Record<string, string>>;
  /** The core package: `cdktf` or `cdktn`. */
  readonly corePackage: string;
  /** The prebuilt azurerm provider package. */
  readonly providerPackage: string;
  /** The azurerm schema (world/schemas) the project's plugins serve for this flavour's Terraform checks. */
  readonly azurermSchemaVersion: string;
  /** The tsconfig that compiles lib/ for this flavour. */
  readonly tsconfig: string;
  /** A README header that replaces the repo README's title in this flavour's package. */
  readonly readmeHeader?: string;
  /** Keywords added to the package's. */
  readonly keywords?: readonly string[];
  /** How this flavour names a module specifier that lib/ (or the README example) writes. */
  renameSpecifier(specifier: string): string;
  /** Test files (from the repo root) that do not run on this flavour, each with the reason. */
  readonly cdktfOnlyTests: Readonly<Record<string, string>>;
}

export const FLAVOURS: { readonly cdktf: Flavour; readonly cdktn: Flavour };
/** The repository root. */
export const ROOT: string;
/** The flavour named by PRIVATE_BATCH_FLAVOUR (cdktf when unset). */
export function currentFlavour(): Flavour;
/** `text` escaped for a regular expression. */
export function escapeRegExp(text: string): string;
/** jest `moduleNameMapper` entries resolving the cdktf specifiers into the flavour's node_modules. */
export function jestModuleNameMapper(flavour: Flavour): Record<string, string>;
/** The absolute path a cdktf-flavour specifier resolves to in `flavour`, or undefined if it is not one of its packages. */
export function resolveInFlavour(flavour: Flavour, specifier: string): string | undefined;
/** Every module specifier in JavaScript or TypeScript source, renamed with `rename`. */
export function rewriteImports(source: string, rename: (specifier: string) => string): string;
