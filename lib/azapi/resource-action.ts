import { Construct } from 'constructs';
import { IResolvable, TerraformMetaArguments, TerraformResource } from 'cdktf';
import { argumentsToHclTerraform, argumentsToTerraform, AzapiArguments, metaArgumentsOf, withLifecycleBlocksForHcl } from './attributes';
import { AZAPI_GENERATOR_METADATA } from './provider';

/** Props of {@link AzapiResourceAction}: the arguments of `azapi_resource_action` this library uses. */
export interface AzapiResourceActionConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>`, e.g. `Microsoft.Batch/batchAccounts/privateEndpointConnections@2024-07-01`. */
  readonly type: string;
  /** The ID of the existing resource to act on; it must be of `type`. */
  readonly resourceId: string;
  /**
   * The action path appended to the resource ID (e.g. `listKeys`).
   * @default none: the request goes to the resource ID itself
   */
  readonly action?: string;
  /**
   * The HTTP method: `POST`, `PATCH`, `PUT`, `DELETE`, `GET` or `HEAD`, or an expression that yields one.
   * azapi sends no body with `GET`.
   * @default `POST`
   */
  readonly method?: string;
  /**
   * The request body, as an object. azapi 2.x takes it as an HCL object; it is never `jsonencode`d.
   * @default no body
   */
  readonly body?: Record<string, unknown>;
  /**
   * When the request is sent: `apply` (on create, and again when an input such as `body` changes) or
   * `destroy` (when the resource is destroyed).
   * @default `apply`
   */
  readonly when?: 'apply' | 'destroy';
  /**
   * Paths of the response to export into `output` (a list), or output names mapped to JMESPath queries.
   * @default none
   */
  readonly responseExportValues?: readonly string[] | Record<string, string>;
  /**
   * Resource IDs to lock while the request runs, so that azapi sends only one request at a time per ID.
   * @default none
   */
  readonly locks?: readonly string[];
}

/**
 * `azapi_resource_action`: one ARM request, sent on apply (or destroy) and remembered in state. azapi never
 * reads the target back, so the request is sent again only when an input changes, and replaced (sent anew)
 * when `type`, `resource_id` or `action` changes.
 */
export class AzapiResourceAction extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azapi_resource_action';

  private readonly config: AzapiResourceActionConfig;

  constructor(scope: Construct, id: string, config: AzapiResourceActionConfig) {
    super(scope, id, {
      terraformResourceType: AzapiResourceAction.tfResourceType,
      terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA,
      ...metaArgumentsOf(config),
    });
    this.config = config;
  }

  /** The ID azapi records: the resource ID, plus `/<action>` when an action is set. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The exported parts of the response (see `responseExportValues`), known after apply. */
  public get output(): IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** The HCL form (`cdktf synth --hcl`), with preconditions written as blocks. */
  public toHclTerraform(): any {
    return withLifecycleBlocksForHcl(super.toHclTerraform(), 'resource', this.terraformResourceType, this.friendlyUniqueId);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return argumentsToTerraform(this.arguments());
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return argumentsToHclTerraform(this.arguments());
  }

  private arguments(): AzapiArguments {
    const c = this.config;
    return {
      type: { kind: 'string', value: c.type },
      resource_id: { kind: 'string', value: c.resourceId },
      action: { kind: 'string', value: c.action },
      method: { kind: 'string', value: c.method },
      body: { kind: 'dynamic', value: c.body },
      when: { kind: 'string', value: c.when },
      response_export_values: { kind: 'dynamic', value: c.responseExportValues },
      locks: { kind: 'stringList', value: c.locks },
    };
  }
}
