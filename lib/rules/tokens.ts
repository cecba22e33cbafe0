/** A string token of either core, as their encoding writes it into a string. */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/;

/**
 * Whether a string holds a value Terraform knows only at plan or apply: an attribute reference or expression that
 * the core (cdktf or cdktn) encoded into the string as a token, `${TfToken[TOKEN.12]}`. A rule checks literals and
 * leaves such values to Terraform.
 *
 * This is the test `Token.isUnresolved` makes for a string, on the encoding both cores share (cdktf 0.21 and cdktn
 * 0.24 lib/tokens/private/encoding.js: BEGIN_STRING_TOKEN_MARKER `${TfToken[`, VALID_KEY_CHARS, END_TOKEN_MARKER
 * `]}`). Written here, the rules import neither core; __tests__/rules/tokens.test.ts holds it equal to the core's
 * `Token.isUnresolved` on the flavour under test.
 */
export function isToken(value: string): boolean {
  return STRING_TOKEN.test(value);
}
