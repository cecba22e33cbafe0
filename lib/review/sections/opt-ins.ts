import { batchEndpoints, dnsWriters } from '../../guards/batch-view';
import { batchPools } from '../../guards/pool-view';
import { blocks, resourcesOfType } from '../../guards/stack-model';
import { code, literalList, shown } from '../cells';
import { writerOf } from './endpoints';
import { ReviewInput, ReviewRow, ReviewSection } from '../review-section';

/** One opt-in found in the stack: its name as the library and the config spell it, where, and what it allows. */
export interface FoundOptIn {
  /** The Terraform address of the resource that carries it. */
  readonly address: string;
  /** The opt-in's name, e.g. `allowPublicNetworkAccess`. */
  readonly optIn: string;
  /** The account, endpoint or pool it applies to, as Markdown. */
  readonly where: string;
  /** What it allows that the default does not. */
  readonly allows: string;
}

/** Finds one kind of opt-in in a stack. */
export type OptInDetector = (input: ReviewInput) => FoundOptIn[];

const accounts = ({ model }: ReviewInput) => resourcesOfType(model, 'azurerm_batch_account').map((account) => ({
  account, where: code(shown(model, account.config.name)),
}));

/** Each less private choice the library makes a named opt-in for. Add a detector here for a new opt-in. */
export const OPT_IN_DETECTORS: OptInDetector[] = [
  (input) => accounts(input).filter(({ account }) => account.config.public_network_access_enabled !== false).map(({ account, where }) => ({
    address: account.address, optIn: 'allowPublicNetworkAccess', where, allows: "the account's public endpoint, reachable from the internet (within its network rules)",
  })),
  (input) => accounts(input).flatMap(({ account, where }) => {
    const modes = account.config.allowed_authentication_modes === undefined ? ['SharedKey'] : literalList(account.config.allowed_authentication_modes) ?? [];
    return [
      ...(modes.includes('SharedKey') ? [{ address: account.address, optIn: 'allowSharedKeyAuthentication', where, allows: "requests signed with the account's shared keys, not only Entra ID" }] : []),
      ...(modes.includes('TaskAuthenticationToken') ? [{ address: account.address, optIn: 'allowTaskAuthenticationToken', where, allows: 'tasks calling the account with task authentication tokens' }] : []),
    ];
  }),
  (input) => accounts(input).filter(({ account }) => account.config.storage_account_authentication_mode === 'StorageKeys').map(({ account, where }) => ({
    address: account.address, optIn: 'autoStorage.authenticationMode: StorageKeys', where, allows: "Batch holding the auto-storage account's keys",
  })),
  ({ model }) => {
    const endpoints = batchEndpoints(model);
    const writers = dnsWriters(model, endpoints);
    return endpoints.filter((endpoint) => !writerOf(writers, endpoint)).map((endpoint) => ({
      address: endpoint.resource.address, optIn: 'dns: external', where: code(shown(model, endpoint.resource.config.name)), allows: "DNS for the endpoint kept outside this stack: nothing here writes its record",
    }));
  },
  // An existing zone's stale records deleted in the apply (ZoneHealingProps.removeStaleRecords): azapi DELETEs of A
  // record sets, one resource per account, `remove_stale_<account>`.
  ({ model }) => resourcesOfType(model, 'azapi_resource_action')
    .filter((action) => /^Microsoft\.Network\/privateDnsZones\/A@/i.test(String(action.config.type)) && action.config.method === 'DELETE')
    .map((action) => ({
      address: action.address,
      optIn: 'removeStaleRecords',
      where: `${code(action.address.replace(/^azapi_resource_action\.remove_stale_/, ''))} in ${code(/privateDnsZones\/([^/]+)\//i.exec(String(action.config.resource_id))?.[1] ?? 'its zone')}`,
      allows: "deleting, in the apply, the account's A records in the zone that no endpoint of this stack writes",
    })),
  // A link this stack owns of a zone it does not make (a hub's, by ID) to a VNet outside the stack: the hub VNet's link,
  // which other stacks resolve through (ownHubVnetLinks, config dns.ownVnetLinks; opt-in sharedVnetLink).
  ({ model }) => {
    const literal = (v: unknown): v is string => typeof v === 'string' && !v.includes('${');
    const subnets = [
      ...resourcesOfType(model, 'azurerm_private_endpoint').map((e) => e.config.subnet_id),
      ...resourcesOfType(model, 'azurerm_batch_pool').map((p) => blocks(p.config.network_configuration)[0]?.subnet_id),
    ].filter(literal).map((id) => id.toLowerCase());
    return resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link')
      .filter((link) => literal(link.config.private_dns_zone_name) && literal(link.config.virtual_network_id))
      .filter((link) => !subnets.some((subnet) => subnet.startsWith(`${String(link.config.virtual_network_id).toLowerCase()}/subnets/`)))
      .map((link) => ({
        address: link.address,
        optIn: 'ownHubVnetLinks',
        where: `${code(String(link.config.virtual_network_id).split('/').pop() ?? '')} in ${code(String(link.config.private_dns_zone_name))}`,
        allows: 'creating, and deleting on destroy, the link of a VNet outside this stack to a zone it does not own: every VNet that resolves through that VNet depends on it',
      }));
  },
  ({ model }) => batchPools(model).flatMap(({ resource, publicIps }) => {
    const where = code(shown(model, resource.config.name));
    const natPools = blocks(blocks(resource.config.network_configuration)[0]?.endpoint_configuration);
    return [
      ...(publicIps ? [{ address: resource.address, optIn: 'publicIpAddresses', where, allows: "public IPs on the pool's nodes, and their own way to the internet" }] : []),
      ...(natPools.length > 0 ? [{ address: resource.address, optIn: 'inboundNatPools', where, allows: `connections from the internet to each node on port ${natPools.map((n) => n.backend_port).join(', ')}` }] : []),
    ];
  }),
];

/** The opt-ins the stack uses: each one a reviewer should see was chosen on purpose. */
export function optInsSection(input: ReviewInput): ReviewSection {
  const rows: ReviewRow[] = OPT_IN_DETECTORS.flatMap((detect) => detect(input)).map((found) => ({
    key: `${found.address} ${found.optIn}`,
    cells: [code(found.optIn), found.where, found.allows],
  }));
  return {
    id: 'opt-ins',
    title: 'Opt-ins',
    columns: ['Opt-in', 'Where', 'What it allows'],
    none: 'None: every account is private with Entra ID sign-in only, every endpoint\'s DNS is written here, and no pool has public IPs.',
    rows,
  };
}
