import { Finding } from '../finding';
import { StackModel } from '../stack-model';

const ACCESS_KEY = /\.(primary|secondary)_access_key\b/;

/** An output that carries an access key is marked sensitive. */
export function sensitiveOutputFindings(model: StackModel): Finding[] {
  return model.outputs
    .filter((output) => !output.sensitive && ACCESS_KEY.test(JSON.stringify(output.value ?? '')))
    .map((output) => ({
      path: output.path,
      attribute: 'sensitive',
      value: false,
      problem: `output ${output.name} carries a Batch access key in plain text`,
      fix: 'set sensitive: true on the TerraformOutput, or do not output the key',
    }));
}
