import { PropProblem } from './problems';

/**
 * Which of Azure's tag limits apply: `resource` for most resources, `privateDns` for private DNS zones and their
 * A records, which Azure limits further (Learn, "Use tags to organize your Azure resources": "The following Azure
 * resources only support 15 tags: … Azure Private DNS (Zone and A records)", and "Azure DNS zones don't support
 * the use of spaces or parentheses in the tag or a tag that starts with a number. Azure DNS tag names don't
 * support special and Unicode characters").
 */
export type TagLimits = 'resource' | 'privateDns';

const MAX_TAGS: Record<TagLimits, number> = { resource: 50, privateDns: 15 };
const MAX_NAME_BYTES = 512;
const MAX_VALUE_BYTES = 256;
// Azure refuses these in tag names, and control characters (Learn, resource-name-rules and tag-resources).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[<>%&\\?/\u0000-\u001f\u007f]/;
// Private DNS tag names: no spaces, parentheses or non-ASCII characters, and no leading digit.
const PRIVATE_DNS_NAME = /^[^\s()0-9\u0080-\uffff][^\s()\u0080-\uffff]*$/;

/** The UTF-8 length of a string: azurerm's validators count bytes (Go `len`). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Every reason Azure or azurerm would refuse a resource's tags, each naming the tag (`tags["cost center"]`),
 * or `tags` itself for the count. Tag names are case-insensitive in Azure, so `Env` and `env` collide.
 */
export function tagProblems(tags: Readonly<Record<string, string>>, limits: TagLimits = 'resource', field = 'tags'): PropProblem[] {
  const names = Object.keys(tags);
  const problems: PropProblem[] = [];
  const add = (name: string, problem: string): void => {
    problems.push({ field: `${field}[${JSON.stringify(name)}]`, problem });
  };
  if (names.length > MAX_TAGS[limits]) {
    problems.push({
      field,
      problem: `has ${names.length} tags; Azure allows at most ${MAX_TAGS[limits]} on ${limits === 'privateDns' ? 'a private DNS zone or record' : 'a resource'} (count them after merging inherited tags)`,
    });
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const other = seen.get(name.toLowerCase());
    if (other !== undefined) add(name, `is the tag ${JSON.stringify(other)} again: Azure compares tag names without case`);
    seen.set(name.toLowerCase(), name);
    if (name === '') add(name, 'must not be empty');
    if (utf8Length(name) > MAX_NAME_BYTES) add(name, `must be at most ${MAX_NAME_BYTES} bytes, got ${utf8Length(name)}`);
    if (FORBIDDEN_IN_NAME.test(name)) add(name, 'must not contain < > % & \\ ? / or control characters');
    if (limits === 'privateDns' && name !== '' && !PRIVATE_DNS_NAME.test(name)) {
      add(name, 'must not start with a digit or contain spaces, parentheses or non-ASCII characters on a private DNS zone or record');
    }
    const value = tags[name];
    if (typeof value === 'string' && utf8Length(value) > MAX_VALUE_BYTES) add(name, `has a value of ${utf8Length(value)} bytes; at most ${MAX_VALUE_BYTES}`);
  }
  return problems;
}
