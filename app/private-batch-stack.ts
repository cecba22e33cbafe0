import { Construct, IConstruct } from 'constructs';
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
import { setPropOrigin } from '../lib/problems';
import { fieldPath } from '../lib/rules/problems';
import { addBackend } from './backend';
import { ConnectionConfig, EndpointConfig, StackConfig, endpointKey } from './config-schema';

/** Where a stack's config sits: the file, and the stack's path in it (`stacks[0]`). */
export interface StackConfigLocation {
  /** The config file, as the user named it. */
  readonly file: string;
  /** The stack's entry, e.g. `stacks[0]`. */
  readonly path: string;
}

/** One stack of the example app: network, DNS, private accounts and their endpoints, from a validated config. */
export class PrivateBatchStack extends TerraformStack {
  private readonly config: StackConfig;
  private readonly at: StackConfigLocation;
  private readonly resourceGroup: ResourceGroup;
  private readonly subnet: EndpointSubnet;
  private readonly zone?: IBatchPrivateDnsZone;

  constructor(scope: Construct, config: StackConfig, at: StackConfigLocation = { file: 'config', path: 'stacks[0]' }) {
    super(scope, config.name);
    this.config = config;
    this.at = at;
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

    config.accounts.forEach((accountConfig, a) => {
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
      this.from(account, `accounts[${a}]`, { location: 'location', resourceGroupName: 'resourceGroup.name', subscriptionId: 'subscriptionId' });
      const endpoints = this.addEndpoints(account, account, accountConfig.endpoints, `accounts[${a}]`);
      if (accountConfig.connections.length > 0) this.manageConnections(account, accountConfig.connections, endpoints);
    });
    config.externalAccounts.forEach((external, x) => {
      const account = batchAccountFromId(external.id, external.location);
      this.addEndpoints(new Construct(this, account.name), account, external.endpoints, `externalAccounts[${x}]`);
    });
  }

  /**
   * Records that a construct's props came from `path` of this stack's config entry, so that a problem found in
   * it names the config field. `fields` maps props that came from elsewhere in the entry (paths relative to it).
   */
  private from(construct: IConstruct, path: string, fields: Record<string, string> = {}): void {
    const inStack = (field: string): string => fieldPath(this.at.path, field);
    setPropOrigin(construct, {
      source: this.at.file,
      path: inStack(path),
      fields: Object.fromEntries(Object.entries(fields).map(([prop, field]) => [prop, inStack(field)])),
    });
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
    this.from(zone, 'dns', { zoneId: 'dns.existingZoneId', provider: 'dns.existingZoneId', cloud: 'cloud', resourceGroupName: 'resourceGroup.name' });
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

  private addEndpoints(scope: Construct, account: IBatchAccount, endpoints: readonly EndpointConfig[], path: string): Map<string, BatchPrivateEndpoint> {
    const created = endpoints.map((endpoint, e) => this.fromEndpoint(`${path}.endpoints[${e}]`, new BatchPrivateEndpoint(scope, endpointKey(endpoint), {
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
      dns: { mode: endpoint.dns, zone: endpoint.dns === 'external' ? undefined : this.zone, ttl: endpoint.dnsTtl },
      tags: this.config.tags,
    })));
    if (this.config.outputs && created.length > 0) new BatchDnsOutputs(scope, 'dns', { endpoints: created });
    return new Map(endpoints.map((endpoint, i) => [endpointKey(endpoint), created[i]]));
  }

  private fromEndpoint(path: string, endpoint: BatchPrivateEndpoint): BatchPrivateEndpoint {
    this.from(endpoint, path, {
      location: 'location',
      resourceGroupName: 'resourceGroup.name',
      subscriptionId: 'subscriptionId',
      cloud: 'cloud',
      subnet: 'network.endpointSubnet',
      'dns.mode': `${path}.dns`,
      'dns.ttl': `${path}.dnsTtl`,
      'dns.zone': 'dns.existingZoneId',
    });
    return endpoint;
  }
}
