import { AzureCloud } from '../../../lib/rules/clouds';
import { Caller } from './access';
import { ArmResource, World } from './world';

/** What every rule sees: the world, who calls, and the cloud the provider configuration targets. */
export interface ArmContext {
  readonly world: World;
  readonly caller: Caller;
  readonly cloud: AzureCloud;
}

/** The rules of one ARM type, beyond the generic ones (access, faults, locks, parent, uniqueness). */
export interface TypeRules {
  /** The ARM type, e.g. `Microsoft.Network/privateEndpoints`. */
  readonly type: string;
  /** Checks and completes a PUT (computed properties); returns what is stored. May throw an ArmError. */
  put?(ctx: ArmContext, resource: ArmResource, prior: ArmResource | undefined): ArmResource;
  /** What a PUT does elsewhere (an endpoint's NIC and connection). */
  afterPut?(ctx: ArmContext, resource: ArmResource, prior: ArmResource | undefined): void;
  /** Refuses a delete (a zone with links). */
  beforeDelete?(ctx: ArmContext, resource: ArmResource): void;
  /** What a delete does elsewhere (a VNet's links, an endpoint's connection). */
  afterDelete?(ctx: ArmContext, resource: ArmResource): void;
  /** PATCH; absent: PATCH merges `properties` and runs `put`. */
  patch?(ctx: ArmContext, resource: ArmResource, body: Record<string, any>): ArmResource;
  /** Set when the type has no PUT: the error message. */
  readonly noPut?: string;
}

const REGISTRY = new Map<string, TypeRules>();

/** Registers the rules of a type (each family module does this for its types). */
export function registerType(rules: TypeRules): void {
  REGISTRY.set(rules.type.toLowerCase(), rules);
}

/** The rules of a type (empty rules for a type the world does not model: stored as given). */
export function rulesOf(type: string): TypeRules {
  return REGISTRY.get(type.toLowerCase()) ?? { type };
}
