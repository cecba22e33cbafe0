import { keyOf, isUnder, parseId, sameType } from './ids';

/** One ARM resource as `az resource show` prints it: `id`, `type`, `name`, `location`, `properties` (and `tags`). */
export interface ArmResource {
  /** The ARM ID, as the resource's creator spelled it (the world keys it lower-cased). */
  id: string;
  /** The ARM type, e.g. `Microsoft.Network/privateDnsZones/A`. */
  type: string;
  /** The last segment of the ID. */
  name: string;
  /** The region (lower case, no spaces), `global` for private DNS; absent for child resources without one. */
  location?: string;
  /** The resource's tags, when it has any. */
  tags?: Record<string, string>;
  /** The ARM `properties` bag, with the computed properties the world fills. */
  properties: Record<string, any>;
  /** Other top-level fields ARM returns for some types (`identity`, `etag`, ...). */
  [field: string]: unknown;
}

/** A role a principal holds at a scope: a built-in role by name, or actions given directly. */
export interface RoleGrant {
  /** The scope (an ARM ID: subscription, resource group or resource). */
  readonly scope: string;
  /** A built-in role name (see `access.ts`) or the name/ID of a role definition in the world. */
  readonly role?: string;
  /** Actions granted directly (wildcards as in role definitions). */
  readonly actions?: readonly string[];
  /** Actions taken out of `actions`/the role. */
  readonly notActions?: readonly string[];
}

/** An identity the world knows; a provider configuration acts as one (matched by `client_id`). */
export interface Principal {
  /** A name for messages and for `AZURE_WORLD_PRINCIPAL`. */
  readonly name: string;
  /** The client (application) ID a provider block or `ARM_CLIENT_ID` authenticates with. */
  readonly clientId?: string;
  /** The object ID role assignments in the world name (they add to `roles`). */
  readonly objectId?: string;
  /** The roles it holds. */
  readonly roles: readonly RoleGrant[];
}

/** A create (or other operation) the world refuses, whatever the rules say: e.g. an endpoint whose IP is taken. */
export interface Fault {
  /** The operation: `create` (default), `update`, `delete` or `read`. */
  readonly operation?: 'create' | 'update' | 'delete' | 'read';
  /** The ARM type, e.g. `Microsoft.Network/privateEndpoints`. */
  readonly type?: string;
  /** The resource name. */
  readonly name?: string;
  /** The resource ID (case-insensitive). */
  readonly id?: string;
  /** HTTP status (default 400). */
  readonly status?: number;
  /** The ARM error code, e.g. `PrivateIPAddressIsAllocated`. */
  readonly code: string;
  /** The error message. */
  readonly message: string;
  /** How many times it fires (default: every time); counted down in the world file. */
  times?: number;
}

/** The world: resources by key, principals and faults. */
export class World {
  readonly resources = new Map<string, ArmResource>();

  constructor(
    resources: readonly ArmResource[] = [],
    public readonly principals: Principal[] = [],
    public readonly faults: Fault[] = [],
    /** The seed of the world's GUIDs. */
    public readonly seed = 'azure-world',
    /** Whether the file was a bare array (written back the same way when nothing else needs saving). */
    public readonly bare = true,
  ) {
    for (const r of resources) this.resources.set(keyOf(r.id), r);
  }

  /** The resource at `id`, or undefined. */
  get(id: string): ArmResource | undefined {
    return this.resources.get(keyOf(id));
  }

  /** Whether something exists at `id` (a subscription always exists: the world does not model them). */
  exists(id: string): boolean {
    const p = parseId(id);
    if (sameType(p.type, 'Microsoft.Resources/subscriptions')) return true;
    return this.resources.has(keyOf(id));
  }

  /** Stores a resource (replacing what was at its ID). */
  put(resource: ArmResource): void {
    this.resources.set(keyOf(resource.id), resource);
  }

  /** Removes a resource; returns it. */
  remove(id: string): ArmResource | undefined {
    const r = this.get(id);
    this.resources.delete(keyOf(id));
    return r;
  }

  /** The resources of `type` (any type when undefined) whose parent is `parentId`. */
  children(parentId: string, type?: string): ArmResource[] {
    const parent = keyOf(parentId);
    return this.sorted().filter((r) => keyOf(parseId(r.id).parentId) === parent && (type === undefined || sameType(r.type, type)));
  }

  /** The resources at or below `scope`, deepest first (the order to delete them in). */
  under(scope: string): ArmResource[] {
    return this.sorted().filter((r) => isUnder(r.id, scope)).reverse();
  }

  /** Every resource of `type`. */
  ofType(type: string): ArmResource[] {
    return this.sorted().filter((r) => sameType(r.type, type));
  }

  /** Every resource, by key. */
  sorted(): ArmResource[] {
    return [...this.resources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  }
}
