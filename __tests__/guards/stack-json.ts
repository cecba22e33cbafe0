/**
 * Synthesized-stack JSON for the guard tests, written out by hand so that every guard is tested without synth
 * (fast enough for mutation testing) over every setup the library supports: each cloud, a zone of the stack or a
 * hub zone in another subscription, Terraform-owned records or zone groups, and an account of the stack or one
 * read by a data source. Each test breaks one thing in a correct setup.
 */
import { AzureCloud } from '../../lib/rules/clouds';
import { StackContext, StackModel, stackModel } from '../../lib/guards/stack-model';

export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
export const HUB_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';

/** What differs between the clouds. */
export interface CloudCase {
  readonly cloud: AzureCloud;
  readonly environment: string;
  readonly location: string;
  readonly zone: string;
  readonly suffix: string;
}

export const CLOUDS: readonly CloudCase[] = [
  { cloud: 'AzureCloud', environment: 'public', location: 'eastus', zone: 'privatelink.batch.azure.com', suffix: 'batch.azure.com' },
  { cloud: 'AzureChinaCloud', environment: 'china', location: 'chinanorth3', zone: 'privatelink.batch.chinacloudapi.cn', suffix: 'batch.chinacloudapi.cn' },
  { cloud: 'AzureUSGovernment', environment: 'usgovernment', location: 'usgovvirginia', zone: 'privatelink.batch.usgovcloudapi.net', suffix: 'batch.usgovcloudapi.net' },
];

/** The one cloud that the tests of a rule which ignores the cloud run in; `expectEverySetupAccepted` covers the others. */
export const PUBLIC_CLOUD: readonly CloudCase[] = [CLOUDS[0]];

/** One supported setup. */
export interface Variant {
  readonly cloud: CloudCase;
  /** Terraform-owned A records, or zone groups on the endpoints. */
  readonly dns: 'records' | 'zoneGroup';
  /** The zone is an existing hub zone in another subscription, written through an aliased provider. */
  readonly hub: boolean;
  /** The account is read by a data source instead of created. */
  readonly dataAccount: boolean;
}

/** Every supported setup, named for `describe.each`. */
export const VARIANTS: readonly (readonly [string, Variant])[] = CLOUDS.flatMap((cloud) =>
  (['records', 'zoneGroup'] as const).flatMap((dns) => [false, true].flatMap((hub) => [false, true].map((dataAccount) => [
    `${cloud.cloud}, ${dns}, ${hub ? 'hub zone' : 'zone of the stack'}, ${dataAccount ? 'account data source' : 'account of the stack'}`,
    { cloud, dns, hub, dataAccount },
  ] as const))));

/** What sets one supported setup apart from another. */
export type Dimension = keyof Variant;

/**
 * The setups a rule's refusal tests run over: the first supported setup, and for each dimension the rule reads, one
 * setup per other value of it, differing from the first in that dimension only. The dimensions a rule does not
 * read are covered once, by `expectEverySetupAccepted`: a matrix over them would test nothing the rule looks at.
 */
export function variantsAlong(...dimensions: Dimension[]): readonly (readonly [string, Variant])[] {
  const first = VARIANTS[0][1];
  return VARIANTS.filter(([, variant]) => {
    const differing = (Object.keys(first) as Dimension[]).filter((d) => variant[d] !== first[d]);
    return differing.length === 0 || (differing.length === 1 && dimensions.includes(differing[0]));
  });
}

export const HUB_ZONE_GROUP = 'rg-hub-dns';
export const hubZoneId = (zone: string): string =>
  `/subscriptions/${HUB_SUBSCRIPTION}/resourceGroups/${HUB_ZONE_GROUP}/providers/Microsoft.Network/privateDnsZones/${zone}`;

/** A stack JSON and the context the guards would get with it. */
export interface Setup {
  readonly json: Record<string, any>;
  readonly context: { existingZoneIds: Map<string, string> } & StackContext;
  readonly variant: Variant;
  /** The account's address, as endpoints refer to it. */
  readonly account: string;
}

const RG = '${azurerm_resource_group.rg.name}';

/** A correct private setup of one variant: network, account, two endpoints (one static IP), zone, link and DNS. */
export function privateSetup(variant: Variant = VARIANTS[0][1]): Setup {
  const { cloud, dns, hub, dataAccount } = variant;
  const location = cloud.location;
  const account = dataAccount ? 'data.azurerm_batch_account.acct' : 'azurerm_batch_account.acct';
  const zoneName = hub ? cloud.zone : '${azurerm_private_dns_zone.zone.name}';
  const zoneGroup = hub ? HUB_ZONE_GROUP : RG;
  const zoneId = hub ? hubZoneId(cloud.zone) : '${azurerm_private_dns_zone.zone.id}';
  const zoneProvider = hub ? { provider: 'azurerm.hub' } : {};
  const endpoint = (key: string, subResource: string, staticIp?: string) => ({
    name: `pe-contosobatch01-${key}`,
    location,
    resource_group_name: RG,
    subnet_id: '${azurerm_subnet.pe.id}',
    custom_network_interface_name: `pe-contosobatch01-${key}-nic`,
    private_service_connection: {
      name: `pe-contosobatch01-${key}-connection`,
      private_connection_resource_id: `\${${account}.id}`,
      subresource_names: [subResource],
      is_manual_connection: false,
    },
    ...(staticIp ? { ip_configuration: [{ name: `pe-contosobatch01-${key}-ipconfig`, private_ip_address: staticIp, subresource_name: subResource, member_name: subResource }] } : {}),
    ...(dns === 'zoneGroup' ? { private_dns_zone_group: { name: 'batch', private_dns_zone_ids: [zoneId] } } : {}),
  });
  const record = (name: string, ip: string) => ({ name, zone_name: zoneName, resource_group_name: zoneGroup, ttl: 10, records: [ip], ...zoneProvider });
  const json: Record<string, any> = {
    provider: {
      azurerm: [
        { features: [{}], subscription_id: SUBSCRIPTION, environment: cloud.environment },
        ...(hub ? [{ alias: 'hub', features: [{}], subscription_id: HUB_SUBSCRIPTION, environment: cloud.environment }] : []),
      ],
    },
    resource: {
      azurerm_resource_group: { rg: { name: 'rg-batch', location, tags: { env: 'test' } } },
      azurerm_virtual_network: { vnet: { name: 'vnet-batch', location, resource_group_name: RG, address_space: ['10.20.0.0/16'] } },
      azurerm_subnet: {
        pe: { name: 'snet-pe', resource_group_name: RG, virtual_network_name: '${azurerm_virtual_network.vnet.name}', address_prefixes: ['10.20.1.0/24'] },
      },
      azurerm_private_endpoint: {
        pe_account: endpoint('batchaccount', 'batchAccount', '10.20.1.10'),
        pe_nodes: endpoint('nodemanagement', 'nodeManagement'),
      },
      azurerm_private_dns_zone_virtual_network_link: {
        link: { name: 'link-vnet-batch', resource_group_name: zoneGroup, private_dns_zone_name: zoneName, virtual_network_id: '${azurerm_virtual_network.vnet.id}', registration_enabled: false, ...zoneProvider },
      },
    },
    output: {},
  };
  if (!dataAccount) {
    json.resource.azurerm_batch_account = {
      acct: { name: 'contosobatch01', location, resource_group_name: RG, public_network_access_enabled: false, allowed_authentication_modes: ['AAD'] },
    };
  } else {
    json.data = { azurerm_batch_account: { acct: { name: 'contosobatch01', resource_group_name: 'rg-shared' } } };
  }
  if (!hub) json.resource.azurerm_private_dns_zone = { zone: { name: cloud.zone, resource_group_name: RG } };
  if (dns === 'records') {
    json.resource.azurerm_private_dns_a_record = {
      dns_account: record(`contosobatch01.${location}`, '10.20.1.10'),
      dns_nodes: record(
        `\${trimsuffix(azurerm_private_endpoint.pe_nodes.custom_dns_configs[0].fqdn, ".${cloud.suffix}")}`,
        '${azurerm_private_endpoint.pe_nodes.private_service_connection[0].private_ip_address}',
      ),
    };
  }
  const existingZoneIds = new Map<string, string>();
  if (hub) {
    existingZoneIds.set('azurerm_private_dns_zone_virtual_network_link.link', hubZoneId(cloud.zone));
    if (dns === 'records') {
      existingZoneIds.set('azurerm_private_dns_a_record.dns_account', hubZoneId(cloud.zone));
      existingZoneIds.set('azurerm_private_dns_a_record.dns_nodes', hubZoneId(cloud.zone));
    }
  }
  return { json, context: { existingZoneIds }, variant, account };
}

/** The model the guards read for a setup (after the test has changed it). */
export function modelOf(setup: Setup, context: StackContext = {}): StackModel {
  return stackModel(setup.json, { ...setup.context, ...context });
}

/** A deep copy of a resource of the setup, under another name, for a test to change. */
export function copyResource(setup: Setup, type: string, from: string, to: string, change: (config: any) => void = () => undefined): any {
  const config = structuredClone(setup.json.resource[type][from]);
  change(config);
  setup.json.resource[type][to] = config;
  return config;
}

/** A rule finds nothing in any correct supported setup: every setup is named, so a failure says which one. */
export function expectEverySetupAccepted(rule: (model: StackModel) => readonly unknown[]): void {
  const found = Object.fromEntries(VARIANTS.map(([name, variant]) => [name, rule(modelOf(privateSetup(variant)))]));
  expect(found).toEqual(Object.fromEntries(VARIANTS.map(([name]) => [name, []])));
}
