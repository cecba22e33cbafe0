import { Construct } from 'constructs';
import { TerraformMetaArguments } from 'cdktf';
import { AzapiArguments } from './attributes';
import { AzapiDataSourceBase } from './data-source-base';

/** Props of {@link AzapiDataResource}: the arguments of data `azapi_resource` this library uses. */
export interface AzapiDataResourceConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>` of the resource to read. */
  readonly type: string;
  /**
   * The ID of the resource to read. Set this, or `name` with `parentId`.
   * @default built from `name` and `parentId`
   */
  readonly resourceId?: string;
  /**
   * The resource's name, read under `parentId`.
   * @default none (`resourceId` is used)
   */
  readonly name?: string;
  /**
   * The ID of the resource's parent, with `name`.
   * @default none (`resourceId` is used)
   */
  readonly parentId?: string;
  /**
   * Paths of the response to export into `output` (a list; `["*"]` for all of it), or output names mapped to
   * JMESPath queries.
   * @default azapi's default output
   */
  readonly responseExportValues?: readonly string[] | Record<string, string>;
}

/** Data `azapi_resource`: reads one ARM resource during plan (or during apply, if its inputs are unknown). */
export class AzapiDataResource extends AzapiDataSourceBase {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azapi_resource';

  private readonly config: AzapiDataResourceConfig;

  constructor(scope: Construct, id: string, config: AzapiDataResourceConfig) {
    super(scope, id, AzapiDataResource.tfResourceType, config);
    this.config = config;
  }

  /** The ID of the resource read. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected arguments(): AzapiArguments {
    const c = this.config;
    return {
      type: { kind: 'string', value: c.type },
      resource_id: { kind: 'string', value: c.resourceId },
      name: { kind: 'string', value: c.name },
      parent_id: { kind: 'string', value: c.parentId },
      response_export_values: { kind: 'dynamic', value: c.responseExportValues },
    };
  }
}
