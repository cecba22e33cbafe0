/**
 * Turns a string as Terraform's JSON syntax holds it (a template: literal text with `${…}` interpolations and
 * `%{…}` directives) into HCL native syntax. The literal parts are escaped for a quoted HCL string; the
 * interpolations are copied as they are, since HCL reads the expressions inside them unescaped (a `"Pending"`
 * inside `${…}` stays as it is).
 */
export function hclQuotedTemplate(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if ((c === '$' || c === '%') && template[i + 1] === '{') {
      if (template[i - 1] === c) {
        // `$${` / `%%{` is an escaped, literal `${` / `%{`: keep the escape as it is.
        out += `${c}{`;
        i += 2;
        continue;
      }
      const end = interpolationEnd(template, i + 2);
      out += template.slice(i, end);
      i = end;
      continue;
    }
    out += LITERAL_ESCAPES[c] ?? c;
    i += 1;
  }
  return `"${out}"`;
}

/**
 * An HCL expression for a JSON-syntax value that is a string: a string that is exactly one interpolation
 * (`${length(x) > 0}`) becomes the bare expression, as one would write it in HCL; anything else a quoted template.
 */
export function hclExpression(template: string): string {
  if (template.startsWith('${') && interpolationEnd(template, 2) === template.length) return template.slice(2, -1).trim();
  return hclQuotedTemplate(template);
}

const LITERAL_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The index just past the `}` that closes an interpolation whose body starts at `from`. */
function interpolationEnd(text: string, from: number): number {
  let depth = 1;
  let quote = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === '"') quote = false;
      // A nested template inside a string in the expression: skip it whole.
      else if (c === '$' && text[i + 1] === '{') i = interpolationEnd(text, i + 2) - 1;
    } else if (c === '"') quote = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error(`unterminated interpolation in ${JSON.stringify(text)}`);
}
