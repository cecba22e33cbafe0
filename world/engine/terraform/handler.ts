import { ArmContext } from '../arm/type-rules';
import { ArmResource } from '../arm/world';
import { Obj } from '../values';
import { ProviderSettings } from './settings';

/** How one azurerm resource type maps onto ARM: its ID, the body it PUTs, the state it reads back. */
export interface TfResourceType {
  readonly tfType: string;
  /** A human name for messages, as azurerm's errors use it (`Private Endpoint`). */
  readonly label: string;
  /** Attributes whose change replaces the resource (azurerm's ForceNew). */
  readonly forceNew: readonly string[];
  /**
   * Values azurerm's schema gives attributes the configuration leaves out (SDKv2 `Default`, which `terraform providers
   * schema -json` does not show). The provider fills them in at plan, and a refresh that reads them back from a state
   * written without them (an import, an older world) is no drift.
   */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** The ARM ID the configuration names (values may hold UNKNOWN for computed attributes). */
  armId(values: Obj, s: ProviderSettings, ctx: ArmContext): string;
  /** The resource to PUT. */
  toArm(values: Obj, id: string, s: ProviderSettings, ctx: ArmContext): ArmResource;
  /** The Terraform state of a stored resource. */
  toState(arm: ArmResource, s: ProviderSettings, ctx: ArmContext): Obj;
  /** The ARM ID in a state's `id` (default: the `id` itself; azurerm composes some, e.g. `<id>|<scope>`). */
  idOfState?(id: string): string;
  /** A provider-side refusal of a delete (azurerm's resource group `prevent_deletion_if_contains_resources`). */
  beforeDelete?(id: string, ctx: ArmContext): string | undefined;
}

/** The handlers of every azurerm type the world serves, by type name. */
export const TF_TYPES = new Map<string, TfResourceType>();

/** Registers a handler. */
export function registerTf(handler: TfResourceType): void {
  TF_TYPES.set(handler.tfType, handler);
}

/** `/subscriptions/{s}/resourceGroups/{rg}` from a configuration's `resource_group_name`. */
export function rgId(s: ProviderSettings, rg: string): string {
  return `/subscriptions/${s.subscriptionId}/resourceGroups/${rg}`;
}

/** A resource's tags as Terraform holds them. */
export function tagsOf(arm: ArmResource): Record<string, string> | null {
  return arm.tags && Object.keys(arm.tags).length > 0 ? arm.tags : null;
}

/** Tags from Terraform values for ARM. */
export function armTags(values: Obj): Record<string, string> | undefined {
  const t = values.tags;
  return t && typeof t === 'object' && Object.keys(t).length > 0 ? (t as Record<string, string>) : undefined;
}
