import { Construct } from 'constructs';
import { DataResource, TerraformOutput } from 'cdktf';
import { AzapiResourceAction } from '../azapi/resource-action';
import { outputName } from '../rules/logical-ids';

/** A stack output of the connections, named `<account>_<what>`. */
export function connectionsOutput(scope: Construct, accountName: string, what: string, description: string, value: unknown): TerraformOutput {
  const output = new TerraformOutput(scope, what, { description, value });
  output.overrideLogicalId(outputName(accountName, what));
  return output;
}

/**
 * Every rule's action as applied, keyed by address: what lifecycle tests compare between runs. Written with
 * plain addresses: cdktf loses track of nested references after the first `}` of an object expression.
 */
export function actionsExpression(addresses: readonly string[]): string {
  const entries = addresses.map((address) => {
    const action = `${AzapiResourceAction.tfResourceType}.${address}`;
    return `${address} = { target = ${DataResource.tfResourceType}.${address}.output.resource_id, type = ${action}.type, ` +
      `resource_id = ${action}.resource_id, method = ${action}.method, body = ${action}.body }`;
  });
  return `{ ${entries.join(', ')} }`;
}
