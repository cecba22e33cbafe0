import { Construct, IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { batchAccountFromId } from '../lib/account/batch-account-ref';
import { BatchDnsOutputs } from '../lib/dns/batch-dns-outputs';
import { AzapiProvider } from '../lib/azapi/provider';
import { IBatchPrivateDnsZone } from '../lib/dns/batch-private-dns-zone';
import { batchZoneChoice, importZoneLinks } from '../lib/dns/batch-zone-choice';
import { PrivateBatch } from '../lib/private-batch/private-batch';
import { PrivateBatchConnectionRule, PrivateBatchProps } from '../lib/private-batch/private-batch-props';
import { ConnectionApprover } from '../lib/rules/approvers';
import { azurermEnvironment } from '../lib/rules/clouds';
import { dnsModeUsesZone } from '../lib/rules/dns-modes';
import { normalizeLocation } from '../lib/rules/naming';
import { parseResourceId, sameSubscription } from '../lib/rules/resource-id';
import { SubnetInfo, vnetOfSubnetId } from '../lib/rules/subnets';
import { ExistingParts } from '../lib/adoption/existing-parts';
import { setPropOrigin } from '../lib/core/problems';
import { fieldPath } from '../lib/rules/problems';
import { addBackend } from './backend';
import { StackConfig } from './config-schema';

/** Where a stack's config sits: the file, and the stack's path in it (`stacks[0]`). */
export interface StackConfigLocation {
  /** The config file, as the user named it. */
  readonly file: string;
  /** The stack's entry, e.g. `stacks[0]`. */
  readonly path: string;
}

/**
 * One stack of the example app, mapped from a validated config: the backend, the providers and the example's
 * network are the app's; one zone shared by the stack's accounts; one `PrivateBatch` per account.
 */
export class PrivateBatchStack extends TerraformStack {
  private readonly config: StackConfig;
  private readonly at: StackConfigLocation;
  /** The example's pool subnet, when `network.poolSubnet` asks for one. */
  private poolSubnet?: SubnetInfo;

  constructor(scope: Construct, config: StackConfig, at: StackConfigLocation = { file: 'config', path: 'stacks[0]' }) {
    super(scope, config.name);
    this.config = config;
    this.at = at;
    addBackend(this, config);
    const environment = azurermEnvironment(config.cloud);
    new AzurermProvider(this, 'azurerm', { features: [{}], subscriptionId: config.subscriptionId, environment });
    // azapi reads connections, an existing zone's records, and with adopt what exists, during plan.
    if ([...config.accounts, ...config.externalAccounts].some((a) => a.connections.length > 0) || config.dns.existingZoneId !== undefined || config.adopt) {
      new AzapiProvider(this, 'azapi', { subscriptionId: config.subscriptionId, environment });
    }
    const location = normalizeLocation(config.location);
    const group = new ResourceGroup(this, 'ResourceGroup', { name: config.resourceGroup.name, location, tags: config.tags });
    // With adopt, each part is imported when it exists at plan, and created when it does not.
    if (config.adopt) ExistingParts.of(this).importWhenExists(group, { subscriptionId: config.subscriptionId, resourceGroupName: config.resourceGroup.name });
    // The network is the app's: its resources' attributes are the config's fields, for the guards' findings.
    this.from(group, 'resourceGroup', { name: 'resourceGroup.name', location: 'location', tags: 'tags' });
    const endpointSubnet = config.network ? this.network(config.network, group.name, location) : this.existingSubnet(location);

    const zone = this.zone(group.name, endpointSubnet);
    if (zone && config.outputs) new BatchDnsOutputs(this, 'dns', { endpoints: [], zone });
    const common: Omit<PrivateBatchProps, 'account'> = {
      subnet: endpointSubnet,
      endpointResourceGroupName: group.name,
      subscriptionId: config.subscriptionId,
      cloud: config.cloud,
      dns: { zone },
      outputs: config.outputs,
      tags: config.tags,
      // The stack's zone and links are the app's to adopt (see zone()).
      adopt: config.adopt ? { zone: false, vnetLink: false } : false,
    };
    // Where the props that every account shares come from in the stack's entry.
    const shared = {
      subnet: config.network ? 'network.endpointSubnet' : 'existingSubnet',
      'subnet.virtualNetwork.location': 'location',
      endpointResourceGroupName: 'resourceGroup.name',
      subscriptionId: 'subscriptionId',
      cloud: 'cloud',
      'dns.zone': 'dns.existingZoneId',
      outputs: 'outputs',
      tags: 'tags',
      adopt: 'adopt',
    };

    config.accounts.forEach(({ endpoints, connections, connectionApprovers, pools, identity, tags, endpointResourceGroup, lock, roleAssignments, diagnosticSettings, ...account }, a) => {
      const accountTags = { ...config.tags, ...tags };
      const batch = new PrivateBatch(this, account.name, {
        ...common,
        account: { ...account, resourceGroupName: group.name, location, subscriptionId: config.subscriptionId, identity: { type: identity }, tags: accountTags },
        endpoints,
        // Only the shape was checked so far: PrivateBatch checks the rules and approvers with the library's rules.
        connections: connections as PrivateBatchConnectionRule[],
        connectionApprovers: connectionApprovers as ConnectionApprover[],
        tags: accountTags,
        endpointResourceGroupName: endpointResourceGroup ?? group.name,
        lock,
        roleAssignments,
        diagnosticSettings,
      });
      this.from(batch, `accounts[${a}]`, {
        ...shared,
        account: `accounts[${a}]`,
        'account.location': 'location',
        'account.resourceGroupName': 'resourceGroup.name',
        'account.subscriptionId': 'subscriptionId',
        'account.identity.type': `accounts[${a}].identity`,
        tags: `accounts[${a}].tags`,
        endpointResourceGroupName: endpointResourceGroup === undefined ? 'resourceGroup.name' : `accounts[${a}].endpointResourceGroup`,
      });
      pools.forEach(({ subnet: which, ...pool }, p) => {
        const created = batch.addPool({ ...pool, subnet: which === 'pool' ? this.poolSubnet : endpointSubnet });
        this.from(created, `accounts[${a}].pools[${p}]`, { account: `accounts[${a}]`, subnet: which === 'pool' ? 'network.poolSubnet' : shared.subnet, outputs: 'outputs' });
      });
    });
    config.externalAccounts.forEach((external, x) => {
      const account = batchAccountFromId(external.id, external.location);
      const batch = new PrivateBatch(this, account.name, {
        ...common, account, endpoints: external.endpoints, connections: external.connections as PrivateBatchConnectionRule[],
      });
      this.from(batch, `externalAccounts[${x}]`, { ...shared, account: `externalAccounts[${x}].id` });
    });
  }

  /** The example's own VNet and endpoint subnet. */
  private network(network: NonNullable<StackConfig['network']>, resourceGroupName: string, location: string): SubnetInfo {
    const { config } = this;
    const vnet = new VirtualNetwork(this, 'Vnet', {
      name: network.vnetName,
      location,
      resourceGroupName,
      addressSpace: network.addressSpace,
      tags: config.tags,
    });
    const subnet = new Subnet(this, 'EndpointSubnet', {
      name: network.endpointSubnet.name,
      resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [network.endpointSubnet.addressPrefix],
      // Endpoints ignore NSGs and UDRs unless these policies are on; Disabled is the plain, documented setup.
      privateEndpointNetworkPolicies: 'Disabled',
    });
    this.from(vnet, 'network', { name: 'network.vnetName', location: 'location', address_space: 'network.addressSpace', tags: 'tags' });
    this.from(subnet, 'network.endpointSubnet', { name: 'network.endpointSubnet.name', address_prefixes: 'network.endpointSubnet.addressPrefix' });
    // Pools get a subnet of their own, so that nodes coming and going never take the endpoints' addresses.
    const pools = network.poolSubnet && new Subnet(this, 'PoolSubnet', {
      name: network.poolSubnet.name,
      resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [network.poolSubnet.addressPrefix],
    });
    if (pools) this.from(pools, 'network.poolSubnet', { name: 'network.poolSubnet.name', address_prefixes: 'network.poolSubnet.addressPrefix' });
    if (config.adopt) {
      const existing = ExistingParts.of(this);
      const inGroup = { subscriptionId: config.subscriptionId, resourceGroupName: config.resourceGroup.name };
      const vnetRef = { type: 'Microsoft.Network/virtualNetworks', name: network.vnetName };
      existing.importWhenExists(vnet, { ...inGroup, resource: vnetRef });
      existing.importWhenExists(subnet, { ...inGroup, resource: vnetRef, child: { type: 'subnets', name: network.endpointSubnet.name } });
      if (pools) existing.importWhenExists(pools, { ...inGroup, resource: vnetRef, child: { type: 'subnets', name: network.poolSubnet!.name } });
    }
    const virtualNetwork = { id: vnet.id, name: network.vnetName, location };
    if (pools) this.poolSubnet = { id: pools.id, addressPrefix: network.poolSubnet!.addressPrefix, virtualNetwork };
    return { id: subnet.id, addressPrefix: network.endpointSubnet.addressPrefix, virtualNetwork };
  }

  /** A subnet that exists, by ID; its VNet is in the stack's region. */
  private existingSubnet(location: string): SubnetInfo {
    const { id, addressPrefix } = this.config.existingSubnet!;
    return { id, addressPrefix, virtualNetwork: { ...vnetOfSubnetId(id)!, location } };
  }

  /** The stack's one zone, shared by its accounts, when an endpoint uses private DNS: a hub zone, or made here. */
  private zone(resourceGroupName: string, subnet: SubnetInfo): IBatchPrivateDnsZone | undefined {
    const { accounts, externalAccounts, cloud, dns, subscriptionId, tags, adopt } = this.config;
    if (![...accounts, ...externalAccounts].some((a) => a.endpoints.some((e) => dnsModeUsesZone(e.dns)))) return undefined;
    const zoneSubscription = dns.existingZoneId && parseResourceId(dns.existingZoneId)!.subscriptionId;
    // Records and links belong in the zone's subscription: a hub zone gets a provider of its own.
    const provider = zoneSubscription && !sameSubscription(zoneSubscription, subscriptionId)
      ? new AzurermProvider(this, 'azurerm-dns', { alias: 'dns', features: [{}], subscriptionId: zoneSubscription, environment: azurermEnvironment(cloud) })
      : undefined;
    const choice = batchZoneChoice(this, 'DnsZone', {
      zoneId: dns.existingZoneId,
      resourceGroupName,
      cloud,
      provider,
      stackSubscriptionId: subscriptionId,
      tags,
      // The example turns healing on for its zones: an existing zone adopts, reports and checks (see the README).
      healing: adopt ? { lookUpAccounts: true, ...dns.healing } : dns.healing,
      // An adopted zone heals too: the portal's zone groups left records that the stack's would collide with.
      adopted: adopt && !dns.existingZoneId ? { subscriptionId } : undefined,
      links: [
        { id: 'EndpointVnet', name: dns.linkName ?? `link-${subnet.virtualNetwork!.name}`, virtualNetworkId: subnet.virtualNetwork!.id },
        ...dns.linkedVnetIds.map((virtualNetworkId, i) => ({ id: `LinkedVnet${i + 1}`, name: `link-${parseResourceId(virtualNetworkId)!.name}`, virtualNetworkId, outsideStack: true })),
      ],
      // A hub zone's links to dns.linkedVnetIds are the hub's: checked, not owned, unless dns.ownVnetLinks.
      ownHubVnetLinks: dns.ownVnetLinks,
    });
    if (adopt) importZoneLinks(choice, subscriptionId, choice.links.slice(0, 1));
    const { zone } = choice;
    this.from(zone, 'dns', { zoneId: 'dns.existingZoneId', provider: 'dns.existingZoneId', cloud: 'cloud', resourceGroupName: 'resourceGroup.name', healing: 'dns.healing', tags: 'tags' });
    // The first link is to the endpoints' VNet; the others are dns.linkedVnetIds.
    choice.links.forEach((link, i) => {
      const field = i === 0 ? (this.config.network ? 'network.vnetName' : 'existingSubnet.id') : `dns.linkedVnetIds[${i - 1}]`;
      this.from(link, field, { virtual_network_id: field, virtualNetworkId: field, name: i === 0 && dns.linkName !== undefined ? 'dns.linkName' : field });
    });
    return zone;
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
}
