import { Construct } from 'constructs';
import { TerraformMetaArguments } from 'cdktf';
import { AzapiArguments } from './attributes';
import { AzapiDataSourceBase } from './data-source-base';

/** Props of {@link AzapiDataResourceList}: the arguments of data `azapi_resource_list`. */
export interface AzapiDataResourceListConfig extends TerraformMetaArguments {
  /** `<resource type>@<api version>` of the resources to list. */
  readonly type: string;
  /** The ID of the parent whose children of `type` are listed. */
  readonly parentId: string;
  /**
   * Paths of the response (`{ value = [...] }`, all pages joined) to export into `output`, or output names
   * mapped to JMESPath queries such as `value[].name`.
   * @default azapi's default output
   */
  readonly responseExportValues?: readonly string[] | Record<string, string>;
}

/** Data `azapi_resource_list`: lists the child resources of one type under a parent, following `nextLink`. */
export class AzapiDataResourceList extends AzapiDataSourceBase {
  /** The Terraform data source type. */
  public static readonly tfResourceType = 'azapi_resource_list';

  private readonly config: AzapiDataResourceListConfig;

  constructor(scope: Construct, id: string, config: AzapiDataResourceListConfig) {
    super(scope, id, AzapiDataResourceList.tfResourceType, config);
    this.config = config;
  }

  protected arguments(): AzapiArguments {
    const c = this.config;
    return {
      type: { kind: 'string', value: c.type },
      parent_id: { kind: 'string', value: c.parentId },
      response_export_values: { kind: 'dynamic', value: c.responseExportValues },
    };
  }
}
