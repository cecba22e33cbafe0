/**
 * `cdktf-azure-private-batch/azapi`: the small typed binding of the azapi provider (`azure/azapi ~> 2.5`) that
 * the connection rules and an existing zone's healing are built on. An existing (hub) zone's `azapiProvider` prop
 * takes an `AzapiProvider`.
 */
export { AZAPI_GENERATOR_METADATA, AzapiProvider, AzapiProviderConfig, azapiProviderFor, azapiProviderMatching } from './provider';
export { AzapiResourceAction, AzapiResourceActionConfig } from './resource-action';
export { AzapiDataSourceBase } from './data-source-base';
export { AzapiArgument, AzapiArgumentKind, AzapiArguments } from './attributes';
export { AzapiDataResource, AzapiDataResourceConfig } from './data-resource';
export { AzapiDataResourceList, AzapiDataResourceListConfig } from './data-resource-list';
