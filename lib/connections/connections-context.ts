import { Construct } from 'constructs';
import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { IBatchAccount } from '../account/batch-account-ref';
import { BatchConnectionApiVersion } from '../rules/connections';

/**
 * What every element of a `BatchEndpointConnections` is made with: the construct itself is the scope of each, so
 * that the helpers that make them add no level to construct paths. Not exported from any entry point; not marked
 * internal to the build either, since the declarations of the other helpers refer to it.
 */
export interface ConnectionsContext {
  /** The `BatchEndpointConnections`: the scope of every element. */
  readonly scope: Construct;
  /** The Batch account. */
  readonly account: IBatchAccount;
  /** The api-version in use. */
  readonly apiVersion: BatchConnectionApiVersion;
  /** `Microsoft.Batch/batchAccounts/privateEndpointConnections@<apiVersion>`. */
  readonly connectionType: string;
  /** The azapi provider of every read and action. */
  readonly provider: TerraformProvider;
  /** What every read and action waits for. */
  readonly dependsOn?: ITerraformDependable[];
}
