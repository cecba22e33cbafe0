/** What a top-level key of a stack's JSON holds, and how its items are named in Terraform. */
const ITEMS: Record<string, (keys: string[]) => string> = {
  resource: ([type, name]) => (name ? `${type}.${name}` : type ?? 'resource'),
  data: ([type, name]) => (name ? `data.${type}.${name}` : `data.${type ?? ''}`),
  output: ([name]) => (name ? `output.${name}` : 'output'),
  locals: ([name]) => (name ? `local.${name}` : 'locals'),
  provider: ([type]) => (type ? `provider.${type}` : 'provider'),
  '//': () => 'cdktf metadata',
};

const KEY_LINE = /^( *)"((?:[^"\\]|\\.)*)": /;

/**
 * For each line of a synthesized `cdk.tf.json` (cdktf writes it with two-space indents), the Terraform item it
 * belongs to: `azurerm_private_endpoint.pe_x`, `data.azapi_resource_list.y`, `output.z`, `local.w`, `moved`, ...
 */
export function jsonLineContexts(text: string): string[] {
  const keys: string[] = [];
  return text.split('\n').map((line) => {
    const match = KEY_LINE.exec(line);
    if (match) {
      const depth = match[1].length / 2 - 1;
      if (depth >= 0 && Number.isInteger(depth)) {
        keys.length = depth;
        keys[depth] = JSON.parse(`"${match[2]}"`) as string;
      }
    }
    const [top, ...rest] = keys;
    if (top === undefined) return '';
    return ITEMS[top]?.(rest.slice(0, 2)) ?? top;
  });
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Appends to each hunk header of a unified diff of two `cdk.tf.json` files the Terraform item its first changed
 * line is in, as git shows a function name: `@@ -12,7 +12,7 @@ azurerm_private_endpoint.pe_x`.
 */
export function annotateHunks(diff: string, before: string, after: string): string {
  const contexts = { '-': jsonLineContexts(before), '+': jsonLineContexts(after) };
  const lines = diff.split('\n');
  return lines.map((line, i) => {
    const hunk = HUNK.exec(line);
    if (!hunk) return line;
    const next = { '-': Number(hunk[1]), '+': Number(hunk[2]) };
    for (let j = i + 1; j < lines.length && !lines[j].startsWith('@@'); j++) {
      const sign = lines[j][0];
      if (sign === '-' || sign === '+') return `${hunk[0]} ${contexts[sign][next[sign] - 1] ?? ''}`.trimEnd();
      next['-'] += 1;
      next['+'] += 1;
    }
    return line;
  }).join('\n');
}
