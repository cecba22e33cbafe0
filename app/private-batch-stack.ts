import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { batchAccountFromId, IBatchAccount } from '../lib/batch-account-ref';
import { BatchDnsOutputs } from '../lib/batch-dns-outputs';
import { BatchEndpointConnections } from '../lib/batch-endpoint-connections';
import { AzapiProvider } from '../lib/azapi/provider';
import { BatchPrivateDnsZone, IBatchPrivateDnsZone } from '../lib/batch-private-dns-zone';
import { BatchPrivateEndpoint, EndpointSubnet } from '../lib/batch-private-endpoint';
import { PrivateBatchAccount } from '../lib/private-batch-account';
import { azurermEnvironment } from '../lib/rules/clouds';
import { normalizeLocation } from '../lib/rules/naming';
import { parseResourceId, sameSubscription } from '../lib/rules/resource-id';
import { addBackend } from './backend';
import { ConnectionConfig, EndpointConfig, StackConfig, endpointKey } from './config-schema';

/** One stack of the example app: network, DNS, private accounts and their endpoints, from a validated config. */
export class PrivateBatchStack extends TerraformStack {
  private readonly config: StackConfig;
  private readonly resourceGroup: ResourceGroup;
  private readonly subnet: EndpointSubnet;
  private readonly zone?: IBatchPrivateDnsZone;

  constructor(scope: Construct, config: StackConfig) {
    super(scope, config.name);
    this.config = config;
    addBackend(this, config);
    new AzurermProvider(this, 'azurerm', {
      features: [{}],
      subscriptionId: config.subscriptionId,
      environment: azurermEnvironment(config.cloud),
    });
    if (config.accounts.some((a) => a.connections.length > 0)) {
      new AzapiProvider(this, 'azapi', { subscriptionId: config.subscriptionId, environment: azurermEnvironment(config.cloud) });
    }
    const location = normalizeLocation(config.location);
    this.resourceGroup = new ResourceGroup(this, 'ResourceGroup', { name: config.resourceGroup.name, location, tags: config.tags });
    const vnet = new VirtualNetwork(this, 'Vnet', {
      name: config.network.vnetName,
      location,
      resourceGroupName: this.resourceGroup.name,
      addressSpace: config.network.addressSpace,
      tags: config.tags,
    });
    const subnet = new Subnet(this, 'EndpointSubnet', {
      name: config.network.endpointSubnet.name,
      resourceGroupName: this.resourceGroup.name,
      virtualNetworkName: vnet.name,
      addressPrefixes: [config.network.endpointSubnet.addressPrefix],
      // Endpoints ignore NSGs and UDRs unless these policies are on; Disabled is the plain, documented setup.
      privateEndpointNetworkPolicies: 'Disabled',
    });
    this.subnet = { id: subnet.id, addressPrefix: config.network.endpointSubnet.addressPrefix };

    const usesZone = [...config.accounts, ...config.externalAccounts].some((a) => a.endpoints.some((e) => e.dns !== 'external'));
    if (usesZone) this.zone = this.createZone(vnet.id);
    if (usesZone && config.outputs) new BatchDnsOutputs(this, 'dns', { endpoints: [], zone: this.zone });

    for (const accountConfig of config.accounts) {
      const account = new PrivateBatchAccount(this, accountConfig.name, {
        name: accountConfig.name,
        resourceGroupName: this.resourceGroup.name,
        location,
        subscriptionId: config.subscriptionId,
        poolAllocationMode: accountConfig.poolAllocationMode,
        keyVaultReference: accountConfig.keyVaultReference,
        allowPublicNetworkAccess: accountConfig.allowPublicNetworkAccess,
        allowSharedKeyAuthentication: accountConfig.allowSharedKeyAuthentication,
        identity: { type: accountConfig.identity },
        tags: { ...config.tags, ...accountConfig.tags },
      });
      const endpoints = this.addEndpoints(account, account, accountConfig.endpoints);
      if (accountConfig.connections.length > 0) this.manageConnections(account, accountConfig.connections, endpoints);
    }
    for (const external of config.externalAccounts) {
      const account = batchAccountFromId(external.id, external.location);
      this.addEndpoints(new Construct(this, account.name), account, external.endpoints);
    }
  }

  private createZone(vnetId: string): IBatchPrivateDnsZone {
    const { cloud, dns, subscriptionId } = this.config;
    const links = [vnetId, ...dns.linkedVnetIds];
    let zone: IBatchPrivateDnsZone;
    if (dns.existingZoneId) {
      const zoneSubscription = parseResourceId(dns.existingZoneId)!.subscriptionId;
      // Records and links belong in the zone's subscription: a hub zone gets a provider of its own.
      const provider = sameSubscription(zoneSubscription, subscriptionId)
        ? undefined
        : new AzurermProvider(this, 'azurerm-dns', { alias: 'dns', features: [{}], subscriptionId: zoneSubscription, environment: azurermEnvironment(cloud) });
      zone = BatchPrivateDnsZone.fromZoneId(this, 'DnsZone', dns.existingZoneId, { cloud, provider, stackSubscriptionId: subscriptionId });
    } else {
      zone = new BatchPrivateDnsZone(this, 'DnsZone', { resourceGroupName: this.resourceGroup.name, cloud, tags: this.config.tags });
    }
    links.forEach((virtualNetworkId, i) => zone.linkVirtualNetwork(i === 0 ? 'EndpointVnet' : `LinkedVnet${i}`, {
      name: i === 0 ? `link-${this.config.network.vnetName}` : `link-${parseResourceId(virtualNetworkId)!.name}`,
      virtualNetworkId,
    }));
    return zone;
  }

  /**
   * The account owner's decisions on endpoint connections. A rule for an endpoint of this stack selects it by
   * reference, so it waits for the endpoint; a manual endpoint's record then waits for the approval.
   */
  private manageConnections(account: PrivateBatchAccount, rules: readonly ConnectionConfig[], endpoints: Map<string, BatchPrivateEndpoint>): void {
    const connections = new BatchEndpointConnections(account, 'connections', {
      accountId: account.id,
      outputs: this.config.outputs,
      connections: rules.map(({ endpoint, ...rule }) => (endpoint === undefined ? rule : { ...rule, privateEndpointId: endpoints.get(endpoint)!.id })),
    });
    rules.forEach((rule, i) => {
      const endpoint = rule.endpoint === undefined ? undefined : endpoints.get(rule.endpoint);
      if (endpoint?.manualApproval && rule.action === 'approve') endpoint.dnsRecord?.waitFor(connections.actions[i]);
    });
  }

  private addEndpoints(scope: Construct, account: IBatchAccount, endpoints: readonly EndpointConfig[]): Map<string, BatchPrivateEndpoint> {
    const created = endpoints.map((endpoint) => new BatchPrivateEndpoint(scope, endpointKey(endpoint), {
      account,
      subResource: endpoint.subResource,
      subnet: this.subnet,
      resourceGroupName: this.resourceGroup.name,
      location: this.config.location,
      name: endpoint.name,
      staticIp: endpoint.staticIp,
      manualApproval: endpoint.manualApproval,
      subscriptionId: this.config.subscriptionId,
      cloud: this.config.cloud,
      dns: endpoint.dns === 'external' ? { mode: 'external' } : { mode: endpoint.dns, zone: this.zone, ttl: endpoint.dnsTtl },
      tags: this.config.tags,
    }));
    if (this.config.outputs && created.length > 0) new BatchDnsOutputs(scope, 'dns', { endpoints: created });
    return new Map(endpoints.map((endpoint, i) => [endpointKey(endpoint), created[i]]));
  }
}
