import { Construct } from 'constructs';
import { IResolvable, TerraformDataSource, TerraformMetaArguments } from 'cdktf';
import { argumentsToHclTerraform, argumentsToTerraform, AzapiArguments, metaArgumentsOf, withLifecycleBlocksForHcl } from './attributes';
import { AZAPI_GENERATOR_METADATA } from './provider';

/** What the azapi data sources share: the provider metadata, `output`, and JSON and HCL synthesis of their arguments. */
export abstract class AzapiDataSourceBase extends TerraformDataSource {
  constructor(scope: Construct, id: string, terraformResourceType: string, config: TerraformMetaArguments) {
    super(scope, id, { terraformResourceType, terraformGeneratorMetadata: AZAPI_GENERATOR_METADATA, ...metaArgumentsOf(config) });
  }

  /** The exported parts of the response (see `responseExportValues`). */
  public get output(): IResolvable {
    return this.interpolationForAttribute('output');
  }

  /** The HCL form (`cdktf synth --hcl`), with postconditions written as blocks. */
  public toHclTerraform(): any {
    return withLifecycleBlocksForHcl(super.toHclTerraform(), 'data', this.terraformResourceType, this.friendlyUniqueId);
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return argumentsToTerraform(this.arguments());
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return argumentsToHclTerraform(this.arguments());
  }

  /** The data source's arguments with their Terraform types. */
  protected abstract arguments(): AzapiArguments;
}
