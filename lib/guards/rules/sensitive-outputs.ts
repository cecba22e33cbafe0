import { Finding } from '../finding';
import { StackModel } from '../stack-model';

const ACCESS_KEY = /\.(primary|secondary)_access_key\b/;
const LOCAL = /\blocal\.([A-Za-z0-9_-]+)/g;

/** An expression as text, with every `local.<name>` it uses replaced by that local's value, through any depth. */
function expandLocals(model: StackModel, value: unknown, seen: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(value ?? '').replace(LOCAL, (reference, name: string) => (name in model.locals && !seen.has(name)
    ? expandLocals(model, model.locals[name], new Set([...seen, name]))
    : reference));
}

/** An output that carries an access key, directly or through locals, is marked sensitive. */
export function sensitiveOutputFindings(model: StackModel): Finding[] {
  return model.outputs
    .filter((output) => !output.sensitive && ACCESS_KEY.test(expandLocals(model, output.value)))
    .map((output) => ({
      path: output.path,
      attribute: 'sensitive',
      value: false,
      problem: `output ${output.name} carries a Batch access key in plain text`,
      fix: 'set sensitive: true on the TerraformOutput, or do not output the key',
    }));
}
