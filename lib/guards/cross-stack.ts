import { normalizeLocation } from '../rules/naming';
import { ZoneIdentity, vnetKey, zoneOf } from './network-view';
import { AccountElsewhere, ModelResource, StackModel, blocks, isLiteral, resourcesOfType } from './stack-model';

// What Azure keeps unique beyond one stack, by key: an account name in a region, a static IP in a subnet given by
// ID, a VNet (by ID) linked to a zone of one name. The stacks of an app are indexed once each, in app order, so a
// stack's guards look its keys up instead of reading every stack before it (issue #24).

/** `<name>|<region>`: a Batch account name is taken once per region (names compare without case). */
export const accountKey = (name: string, location: string): string => `${name.toLowerCase()}|${normalizeLocation(location)}`;

/** A static IP of an endpoint. */
export interface StaticIp {
  /** The endpoint. */
  readonly endpoint: ModelResource;
  /** The address. */
  readonly ip: string;
}

/** The static IPs of a stack's endpoints, each with its endpoint. */
export function staticIps(model: StackModel): StaticIp[] {
  return resourcesOfType(model, 'azurerm_private_endpoint').flatMap((endpoint) =>
    [...new Set(blocks(endpoint.config.ip_configuration).map((c) => c.private_ip_address).filter(isLiteral))].map((ip) => ({ endpoint, ip })));
}

/** `<subnet>|<ip>`: the subnet by its ID, or by its reference within one stack. */
export const subnetIp = ({ endpoint, ip }: StaticIp): string | undefined =>
  (typeof endpoint.config.subnet_id === 'string' ? `${endpoint.config.subnet_id.toLowerCase()}|${ip}` : undefined);

/** A VNet link to a zone known at synth. */
export interface VnetLink {
  /** The link resource. */
  readonly resource: ModelResource;
  /** The zone it links to. */
  readonly zone: ZoneIdentity;
  /** The VNet's key (see `vnetKey`), when it can be told. */
  readonly vnet?: string;
}

/** The stack's VNet links whose zone is known at synth. */
export function vnetLinks(model: StackModel): VnetLink[] {
  return resourcesOfType(model, 'azurerm_private_dns_zone_virtual_network_link').flatMap((resource) => {
    const zone = zoneOf(model, resource, resource.config.private_dns_zone_name);
    return zone ? [{ resource, zone, vnet: vnetKey(model, resource.config.virtual_network_id) }] : [];
  });
}

/** A VNet known by its ID at synth: the only key that names one VNet in two stacks. */
const isVnetId = (vnet: string | undefined): vnet is string => vnet !== undefined && vnet.startsWith('/subscriptions/');

/** `<VNet ID>|<zone name>`: a VNet is linked to one zone of a name. */
export const vnetZoneKey = (vnet: string, zoneName: string): string => JSON.stringify([vnet, zoneName]);

/** A VNet link of a stack before, with that stack's name. */
export interface LinkElsewhere extends VnetLink {
  /** The other stack's name. */
  readonly stack: string;
}

/**
 * The keys the stacks before one stack hold, built stack by stack. Where two stacks before hold one key, the
 * account and the static IP name the later stack and the link the earlier one, as the scans this replaced did.
 */
export class StacksBefore {
  private readonly accountsByKey = new Map<string, string>();
  private readonly staticIpsByKey = new Map<string, string>();
  private readonly linksByKey = new Map<string, LinkElsewhere>();

  /** Adds a stack's Batch accounts (read from its constructs: every stack before, guarded or not). */
  public addAccounts(accounts: readonly AccountElsewhere[]): void {
    for (const a of accounts) this.accountsByKey.set(accountKey(a.name, a.location), `${a.path} (stack ${a.stack})`);
  }

  /** Adds what a guarded stack's model holds: static IPs in subnets given by ID, links of VNets given by ID. */
  public addModel(stack: string, model: StackModel): void {
    for (const t of staticIps(model)) {
      const subnet = t.endpoint.config.subnet_id;
      if (isLiteral(subnet) && subnet.startsWith('/subscriptions/')) this.staticIpsByKey.set(subnetIp(t)!, `${t.endpoint.path} (stack ${stack})`);
    }
    for (const link of vnetLinks(model)) {
      if (!isVnetId(link.vnet)) continue;
      const key = vnetZoneKey(link.vnet, link.zone.name);
      if (!this.linksByKey.has(key)) this.linksByKey.set(key, { ...link, stack });
    }
  }

  /** The account that took `<name>|<region>` before (`<path> (stack <name>)`), if any. */
  public account(key: string): string | undefined {
    return this.accountsByKey.get(key);
  }

  /** The endpoint that took a `<subnet>|<ip>` before (`<path> (stack <name>)`), if any. */
  public staticIp(key: string): string | undefined {
    return this.staticIpsByKey.get(key);
  }

  /** The first link before of a VNet (by key) to a zone of this name, if any. */
  public link(vnet: string | undefined, zoneName: string): LinkElsewhere | undefined {
    return vnet === undefined ? undefined : this.linksByKey.get(vnetZoneKey(vnet, zoneName));
  }
}

const FROM_LISTS = new WeakMap<StackModel, StacksBefore>();

/**
 * The index of the stacks before a model's stack: the one the guards built (`StackModel.before`), or one built
 * from the model's lists (`accountsElsewhere`, `stacksBefore`), as a model made by hand gives them.
 */
export function stacksBeforeOf(model: StackModel): StacksBefore {
  if (model.before) return model.before;
  let index = FROM_LISTS.get(model);
  if (!index) {
    index = new StacksBefore();
    index.addAccounts(model.accountsElsewhere);
    for (const { stack, model: other } of model.stacksBefore) index.addModel(stack, other);
    FROM_LISTS.set(model, index);
  }
  return index;
}
