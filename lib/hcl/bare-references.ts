/**
 * cdktf's HCL renderer (`cdktf synth --hcl`) writes the meta-arguments that hold references as quoted strings:
 * `provider = "azurerm.hub"`, `depends_on = ["azapi_resource_action.x"]`, `lifecycle { ignore_changes = ["body"] }`.
 * Terraform 1.x reads them with a warning ("Quoted references are deprecated ... will be removed in a future
 * version"). This rewrites exactly those as bare references (`provider = azurerm.hub`) and leaves every other line
 * as it is: values, strings inside expressions and heredocs are never touched. It reads cdktf's output line by
 * line, formatted by `terraform fmt` or not.
 */
export function bareHclReferences(hcl: string): string {
  const blocks: string[] = [];
  let heredoc: string | undefined;
  /** Open brackets of a value that spans lines, and whether its items are references to unquote. */
  let open = 0;
  let referenceList = false;
  return hcl.split('\n').map((line) => {
    if (heredoc !== undefined) {
      if (line.trim() === heredoc) heredoc = undefined;
      return line;
    }
    let out = line;
    if (open > 0) {
      if (referenceList && open === 1) out = line.replace(QUOTED_LIST_ITEM, (all, indent: string, ref: string, comma: string) => (isReference(ref) ? `${indent}${ref}${comma}` : all));
    } else {
      const attribute = ATTRIBUTE.exec(line);
      const block = attribute ? null : BLOCK_OPEN.exec(line);
      if (attribute) {
        const [, head, key, value] = attribute;
        const kind = referenceKind(blocks, key);
        out = kind ? `${head}${unquote(value, kind)}` : line;
        referenceList = kind === 'list';
      } else if (block) {
        blocks.push(block[1]);
        if (/\}\s*$/.test(line)) blocks.pop();
        return line;
      } else if (/^\s*\}\s*$/.test(line)) {
        blocks.pop();
        return line;
      }
      if (!attribute) return line;
    }
    const scanned = scan(out);
    open += scanned.depth;
    heredoc = scanned.heredoc;
    if (open === 0) referenceList = false;
    return out;
  }).join('\n');
}

/** `  key = value` (the head keeps the indent, the key and the `=` with their spacing). */
const ATTRIBUTE = /^(\s*([A-Za-z_][\w-]*)\s*=\s*)(.*)$/;
/** `  type "label" "label" {`, or a one-line `type {}`. */
const BLOCK_OPEN = /^\s*([A-Za-z_][\w-]*)(?:\s+(?:"[^"]*"|[A-Za-z_][\w-]*))*\s*\{\s*\}?\s*$/;
const QUOTED_LIST_ITEM = /^(\s*)"([^"\\$]*)"(\s*,?\s*)$/;
/** A reference as Terraform reads it: `azurerm.hub`, `azapi_resource_action.rule-0`, `data.x.y`, `body`. */
const REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;

const isReference = (text: string): boolean => REFERENCE.test(text);

/** Block types whose body takes a `provider` argument, and those that take `depends_on`. */
const PROVIDER_BLOCKS = new Set(['resource', 'data', 'module', 'ephemeral']);
const DEPENDS_ON_BLOCKS = new Set(['resource', 'data', 'module', 'output', 'ephemeral']);
const LIFECYCLE_LISTS = new Set(['ignore_changes', 'replace_triggered_by']);

/** Whether `key`, directly in the innermost block, holds one reference or a list of them. */
function referenceKind(blocks: readonly string[], key: string): 'one' | 'list' | undefined {
  const block = blocks[blocks.length - 1];
  if (block === undefined) return undefined;
  if (key === 'provider' && PROVIDER_BLOCKS.has(block)) return 'one';
  if (key === 'depends_on' && DEPENDS_ON_BLOCKS.has(block)) return 'list';
  if (LIFECYCLE_LISTS.has(key) && block === 'lifecycle') return 'list';
  return undefined;
}

/** The value with its quoted references bare: `"a.b"` → `a.b`; in a list `["a", "b"]` → `[a, b]`, `"all"` → `all`. */
function unquote(value: string, kind: 'one' | 'list'): string {
  const bare = (all: string, ref: string): string => (isReference(ref) ? ref : all);
  if (kind === 'one') return value.replace(/^"([^"\\$]*)"(?=\s*$)/, bare);
  return value.replace(/"([^"\\$]*)"/g, bare);
}

/**
 * How many brackets a line leaves open (negative when it closes more), outside strings and the expressions
 * interpolated in them, and the end marker of a heredoc that starts at its end.
 */
function scan(line: string): { depth: number; heredoc?: string } {
  let depth = 0;
  // 'string', or the brace depth inside an interpolation `${ … }` of a string.
  const frames: ('string' | number)[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = frames[frames.length - 1];
    if (top === 'string') {
      if (c === '\\') i += 1;
      else if (c === '"') frames.pop();
      else if ((c === '$' || c === '%') && line[i + 1] === '{') {
        if (line[i - 1] === c) i += 1; // `$${` is a literal `${`
        else {
          frames.push(0);
          i += 1;
        }
      }
      continue;
    }
    if (c === '"') frames.push('string');
    else if (typeof top === 'number') {
      if (c === '{') frames[frames.length - 1] = top + 1;
      else if (c === '}') {
        if (top === 0) frames.pop();
        else frames[frames.length - 1] = top - 1;
      }
    } else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    else if (c === '<' && line[i + 1] === '<') {
      const marker = /^<<-?([A-Za-z_][\w-]*)\s*$/.exec(line.slice(i));
      if (marker) return { depth, heredoc: marker[1] };
    } else if (c === '{' || c === '[' || c === '(') depth += 1;
    else if (c === '}' || c === ']' || c === ')') depth -= 1;
  }
  return { depth };
}
