/**
 * lib/rules holds the pure rules: values in, problems or values out. They import each other and small pure
 * packages, never a core (cdktf, cdktn), a provider binding or constructs, so they run the same on either flavour
 * and need no rewriting in the cdktn build. A rule learns about tokens from lib/rules/tokens.ts.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import * as ts from 'typescript';

const RULES = join(__dirname, '..', '..', 'lib', 'rules');
/** What a rule may import besides another rule. */
const PURE_PACKAGES = ['ipaddr.js'];

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(join(RULES, file), 'utf8'), true, true).importedFiles.map((i) => i.fileName);
}

describe('lib/rules', () => {
  const files = readdirSync(RULES).filter((f) => f.endsWith('.ts'));

  it('imports only other rules and pure packages: no cdktf, cdktn, provider or constructs', () => {
    expect(files.length).toBeGreaterThan(20);
    const foreign = files.flatMap((file) => importsOf(file).map((specifier) => `${file}: ${specifier}`))
      .filter((line) => {
        const specifier = line.split(': ')[1];
        return !(specifier.startsWith('./') && !specifier.includes('/', 2)) && !PURE_PACKAGES.includes(specifier);
      });
    expect(foreign).toEqual([]);
  });
});
