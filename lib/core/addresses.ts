import { IConstruct } from 'constructs';
import { TerraformElement, TerraformProvider, TerraformResource, TerraformStack, Token } from 'cdktf';
import { PlacedZone, zoneQualifier } from '../rules/logical-ids';

/**
 * The cdktf context key that asks for `moved` blocks from 0.1 addresses. 0.1 named every resource by its construct
 * path plus a hash (`contosobatch01_F8E61559`); later versions name it by what it is (`batch_contosobatch01`). 0.1 was
 * never published, so a stack writes no `moved` block unless it asks: `"context": {
 * "cdktf-azure-private-batch:movedFromV01": true }` in cdktf.json (read by the cdktf CLI and by `npm run synth`), or
 * `new App({ context })`. Then a state written by 0.1 plans with no destroy.
 */
export const MOVED_FROM_V01_CONTEXT = 'cdktf-azure-private-batch:movedFromV01';

/** Options of {@link stableAddress}. */
export interface StableAddressOptions {
  /**
   * Whether 0.1 made this kind of resource, so that a state written by 0.1 may hold it at its hash address. Kinds
   * added later (locks, role assignments, diagnostic settings) get no `moved` block, which would only be noise.
   * @default true
   */
  readonly existedInV01?: boolean;
  /**
   * The element's construct ID in 0.1, when it has another one now (its parents the same): the `moved` block then
   * comes from the address 0.1 gave it, e.g. a connection rule's action that 0.1 named by position.
   * @default its construct ID now
   */
  readonly legacyConstructId?: string;
}

/**
 * Gives a resource, data source or output of this library its stable, readable logical ID (see
 * `rules/logical-ids.ts`), so that its Terraform address does not change when a construct moves in the tree. For
 * a resource it also adds the `moved` block from the address cdktf gave it by default (the 0.1 address) when
 * {@link MOVED_FROM_V01_CONTEXT} asks for it. Two elements that end up with one address are reported by the stack
 * guards.
 */
export function stableAddress<T extends TerraformElement>(element: T, id: string, options: StableAddressOptions = {}): T {
  const legacy = legacyLogicalId(element, options.legacyConstructId);
  element.overrideLogicalId(id);
  if (TerraformResource.isTerraformResource(element) && legacy !== id && options.existedInV01 !== false && movedBlocksWanted(element)) {
    element.moveFromId(`${element.terraformResourceType}.${legacy}`);
  }
  return element;
}

/**
 * The address cdktf gave `element` by default: from its construct path, or from the path it had in 0.1 when its
 * own construct ID was `legacyConstructId` then (its parents the same).
 */
function legacyLogicalId(element: TerraformElement, legacyConstructId?: string): string {
  const stack = TerraformStack.of(element);
  if (legacyConstructId === undefined) return stack.getLogicalId(element);
  const scopes = [...element.node.scopes.slice(0, -1), { node: { id: legacyConstructId } }];
  // getLogicalId reads only the scopes' IDs below the stack, as cdktf 0.1 allocated them.
  return stack.getLogicalId({ scopes } as unknown as TerraformElement['node']);
}

function movedBlocksWanted(element: TerraformElement): boolean {
  const value: unknown = element.node.tryGetContext(MOVED_FROM_V01_CONTEXT);
  return value === true || value === 'true';
}

const ZONES = new WeakMap<TerraformStack, PlacedZone[]>();

/** Where a zone of this library is, as its construct knows it. */
export interface ZoneLocation {
  /** The zone name. */
  readonly zoneName: string;
  /** The resource group: a literal, or a reference. */
  readonly resourceGroupName: string;
  /** The subscription, when known: an existing zone's, or an adopted one's. */
  readonly subscriptionId?: string;
  /** The provider the zone is managed with; its `subscription_id` tells the subscription otherwise. */
  readonly provider?: TerraformProvider;
}

/**
 * The words that qualify the addresses of a zone and what hangs on it (its links, its plan-time reads), so that two
 * zones of one name in one stack (other resource groups or subscriptions, which Azure accepts) get addresses of their
 * own: none for the first zone of its name, then its resource group or subscription (see `zoneQualifier`). Each call
 * registers the zone in its stack; the same zone twice gets the same words, and the guards refuse the clash.
 */
export function zoneAddressQualifier(scope: IConstruct, location: ZoneLocation): readonly string[] {
  const stack = TerraformStack.of(scope);
  const zones = ZONES.get(stack) ?? [];
  ZONES.set(stack, zones);
  const known = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' && !Token.isUnresolved(value) ? value : undefined);
  const subscriptionId = known(location.subscriptionId) ?? known((location.provider as { subscriptionId?: unknown } | undefined)?.subscriptionId);
  const resourceGroupName = known(location.resourceGroupName);
  const place = {
    zoneName: location.zoneName,
    resourceGroupName,
    subscriptionId,
    key: [subscriptionId ?? '', location.resourceGroupName, location.zoneName].join('/').toLowerCase(),
  };
  const qualifier = zoneQualifier(place, zones);
  zones.push({ place, qualifier });
  return qualifier;
}
