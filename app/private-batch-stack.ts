import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { BatchDnsOutputs } from '../lib/dns/batch-dns-outputs';
import { AzapiProvider } from '../lib/azapi/provider';
import { azurermEnvironment } from '../lib/rules/clouds';
import { normalizeLocation } from '../lib/rules/naming';
import { ExistingParts } from '../lib/adoption/existing-parts';
import { addBackend } from './backend';
import { StackConfig } from './config-schema';
import { ConfigOrigin, configOrigin, StackConfigLocation } from './stack-config-origin';
import { stackSubnets } from './stack-network';
import { stackZone } from './stack-zone';
import { addAccount, addExternalAccount, sharedAccountProps } from './stack-accounts';

export type { StackConfigLocation } from './stack-config-origin';

/**
 * One stack of the example app, mapped from a validated config: the backend, the providers and the example's
 * network are the app's; one zone shared by the stack's accounts; one `PrivateBatch` per account.
 */
export class PrivateBatchStack extends TerraformStack {
  constructor(scope: Construct, config: StackConfig, at: StackConfigLocation = { file: 'config', path: 'stacks[0]' }) {
    super(scope, config.name);
    const from = configOrigin(at);
    addBackend(this, config);
    addProviders(this, config);
    const location = normalizeLocation(config.location);
    const group = addResourceGroup(this, config, location, from);
    const subnets = stackSubnets(this, config, group.name, location, from);
    const zone = stackZone(this, config, group.name, subnets.endpointSubnet, from);
    if (zone && config.outputs) new BatchDnsOutputs(this, 'dns', { endpoints: [], zone });
    const shared = {
      ...sharedAccountProps(config, {
        subnet: subnets.endpointSubnet,
        endpointResourceGroupName: group.name,
        subscriptionId: config.subscriptionId,
        cloud: config.cloud,
        dns: { zone },
        outputs: config.outputs,
        tags: config.tags,
        // The stack's zone and links are the app's to adopt (see stackZone).
        adopt: config.adopt ? { zone: false, vnetLink: false } : false,
      }),
      resourceGroupName: group.name, location, subnets, from,
    };
    config.accounts.forEach((account, a) => addAccount(this, config, shared, account, a));
    config.externalAccounts.forEach((external, x) => addExternalAccount(this, shared, external, x));
  }
}

/** The stack's providers: azurerm, and azapi when something is read during plan. */
function addProviders(stack: Construct, config: StackConfig): void {
  const environment = azurermEnvironment(config.cloud);
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: config.subscriptionId, environment });
  // azapi reads connections, an existing zone's records, and with adopt what exists, during plan.
  if ([...config.accounts, ...config.externalAccounts].some((a) => a.connections.length > 0) || config.dns.existingZoneId !== undefined || config.adopt) {
    new AzapiProvider(stack, 'azapi', { subscriptionId: config.subscriptionId, environment });
  }
}

/** The stack's resource group; with adopt, imported when it exists at plan, and created when it does not. */
function addResourceGroup(stack: Construct, config: StackConfig, location: string, from: ConfigOrigin): ResourceGroup {
  const group = new ResourceGroup(stack, 'ResourceGroup', { name: config.resourceGroup.name, location, tags: config.tags });
  if (config.adopt) ExistingParts.of(stack).importWhenExists(group, { subscriptionId: config.subscriptionId, resourceGroupName: config.resourceGroup.name });
  // The network is the app's: its resources' attributes are the config's fields, for the guards' findings.
  from(group, 'resourceGroup', { name: 'resourceGroup.name', location: 'location', tags: 'tags' });
  return group;
}
