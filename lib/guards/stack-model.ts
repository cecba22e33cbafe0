import type { StacksBefore } from './cross-stack';
import { OptIn } from './opt-ins';

/** A resource (or data source) of a synthesized stack, as the guards see it. */
export interface ModelResource {
  /** `azurerm_private_endpoint`, … */
  readonly type: string;
  /** The Terraform address, `<type>.<name>` (data sources: `data.<type>.<name>`). */
  readonly address: string;
  /** The construct path, or the address when unknown. */
  readonly path: string;
  /** The resolved configuration, snake_case as synthesized. */
  readonly config: Record<string, any>;
  /** `managed` for a resource the stack creates, `data` for a data source it only reads. */
  readonly mode: 'managed' | 'data';
}

/** An output of a synthesized stack. */
export interface ModelOutput {
  /** The output name. */
  readonly name: string;
  /** The construct path, or the name when unknown. */
  readonly path: string;
  /** The output's value expression. */
  readonly value: unknown;
  /** Whether the output is marked sensitive. */
  readonly sensitive: boolean;
}

/** A Batch account created in another stack of the same app, for the checks that span stacks. */
export interface AccountElsewhere {
  /** The other stack's name. */
  readonly stack: string;
  /** The account resource's construct path. */
  readonly path: string;
  /** The account name. */
  readonly name: string;
  /** The account's region as written. */
  readonly location: string;
}

/** The parts of a synthesized stack the guards read: pure data, so each rule is testable without synth. */
export interface StackModel {
  /** Every resource and data source (see {@link ModelResource.mode}). */
  readonly resources: readonly ModelResource[];
  /** Every output. */
  readonly outputs: readonly ModelOutput[];
  /** The stack's `locals`, by name. */
  readonly locals: Readonly<Record<string, unknown>>;
  /** Provider configurations by `type` or `type.alias`. */
  readonly providers: Readonly<Record<string, Record<string, any>>>;
  /** Construct paths of resources that opted in to public network access. */
  readonly publicAccessOptIns: ReadonlySet<string>;
  /** Every opt-in (`optIn`), by the construct path of the resource that made it. */
  readonly optIns: ReadonlyMap<string, ReadonlySet<OptIn>>;
  /** The ID of the existing zone a record or VNet link writes into, by the resource's construct path. */
  readonly existingZoneIds: ReadonlyMap<string, string>;
  /** Batch accounts created by the stacks before this one in the same app. */
  readonly accountsElsewhere: readonly AccountElsewhere[];
  /**
   * The models of the stacks before this one in the same app (their own `stacksBefore` empty), for what Azure keeps
   * unique beyond one stack: a static IP in a shared subnet, a VNet's link to a zone of one name.
   */
  readonly stacksBefore: readonly StackElsewhere[];
  /**
   * The stacks before this one, indexed by what Azure keeps unique beyond a stack: the guards build it once per stack
   * of an app, in order. When absent, the rules index `accountsElsewhere` and `stacksBefore`.
   */
  readonly before?: StacksBefore;
}

/** Another stack of the same app, as the guards read it. */
export interface StackElsewhere {
  /** The other stack's name. */
  readonly stack: string;
  /** Its model. */
  readonly model: StackModel;
}

/** What the synthesized JSON does not say about a stack: where each element came from, and its neighbours. */
export interface StackContext {
  /** Construct path by Terraform address or output name, for elements without `//` metadata. @default none */
  readonly paths?: ReadonlyMap<string, string>;
  /** Construct paths that opted in to public access. @default none */
  readonly publicAccessOptIns?: ReadonlySet<string>;
  /** See {@link StackModel.existingZoneIds}. @default none */
  readonly existingZoneIds?: ReadonlyMap<string, string>;
  /** See {@link StackModel.accountsElsewhere}. @default none */
  readonly accountsElsewhere?: readonly AccountElsewhere[];
  /** See {@link StackModel.stacksBefore}. @default none */
  readonly stacksBefore?: readonly StackElsewhere[];
  /** Every opt-in, by construct path. @default none */
  readonly optIns?: ReadonlyMap<string, ReadonlySet<OptIn>>;
  /** See {@link StackModel.before}. @default built from `accountsElsewhere` and `stacksBefore` */
  readonly before?: StacksBefore;
}

/** Builds the model from a stack's synthesized JSON (`TerraformStack.toTerraform()`). */
export function stackModel(json: Record<string, any>, context: StackContext = {}): StackModel {
  const paths = context.paths ?? new Map<string, string>();
  const resources: ModelResource[] = [];
  const collect = (group: Record<string, Record<string, any>> | undefined, mode: ModelResource['mode']) => {
    for (const [type, byName] of Object.entries(group ?? {})) {
      for (const [name, config] of Object.entries(byName)) {
        const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
        resources.push({ type, address, path: config['//']?.metadata?.path ?? paths.get(address) ?? address, config, mode });
      }
    }
  };
  collect(json.resource, 'managed');
  collect(json.data, 'data');
  const outputs = Object.entries(json.output ?? {}).map(([name, output]: [string, any]) => ({
    name,
    path: paths.get(name) ?? name,
    value: output.value,
    sensitive: output.sensitive === true,
  }));
  const providers: Record<string, Record<string, any>> = {};
  for (const [type, configs] of Object.entries(json.provider ?? {})) {
    for (const config of configs as Record<string, any>[]) providers[config.alias ? `${type}.${config.alias}` : type] = config;
  }
  return {
    resources,
    outputs,
    locals: json.locals ?? {},
    providers,
    publicAccessOptIns: context.publicAccessOptIns ?? new Set(),
    optIns: context.optIns ?? new Map(),
    existingZoneIds: context.existingZoneIds ?? new Map(),
    accountsElsewhere: context.accountsElsewhere ?? [],
    stacksBefore: context.stacksBefore ?? [],
    ...(context.before ? { before: context.before } : {}),
  };
}

/** A model's resources by address (the first of an address) and by `<mode> <type>`, built once per list of resources. */
interface ResourceIndex {
  readonly byAddress: ReadonlyMap<string, ModelResource>;
  readonly byType: ReadonlyMap<string, readonly ModelResource[]>;
}

const INDEXES = new WeakMap<readonly ModelResource[], ResourceIndex>();

/**
 * The index of a model's resources: the rules look resources up by address and type for each resource, which a scan
 * of the list would make quadratic in the size of the stack (issue #24).
 */
function indexOf(model: StackModel): ResourceIndex {
  let index = INDEXES.get(model.resources);
  if (!index) {
    const byAddress = new Map<string, ModelResource>();
    const byType = new Map<string, ModelResource[]>();
    for (const r of model.resources) {
      if (!byAddress.has(r.address)) byAddress.set(r.address, r);
      const key = `${r.mode} ${r.type}`;
      const ofType = byType.get(key);
      if (ofType) ofType.push(r);
      else byType.set(key, [r]);
    }
    index = { byAddress, byType };
    INDEXES.set(model.resources, index);
  }
  return index;
}

/** The resources of one type that the stack creates (no data sources). */
export function resourcesOfType(model: StackModel, type: string): ModelResource[] {
  return [...(indexOf(model).byType.get(`managed ${type}`) ?? [])];
}

/** The data sources of one type. */
export function dataSourcesOfType(model: StackModel, type: string): ModelResource[] {
  return [...(indexOf(model).byType.get(`data ${type}`) ?? [])];
}

/** A nested block as a list, whether synthesized as one object or as a list. */
export function blocks(value: unknown): Record<string, any>[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, any>[];
}

const REFERENCE = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.(.+)\}$/;

/**
 * The address and attribute path of a value that is exactly one reference to a resource or data source, e.g.
 * `${a.b.id}` or `${data.a.b.id}`.
 */
export function referenceOf(value: unknown): { address: string; attribute: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const match = REFERENCE.exec(value);
  return match ? { address: match[1], attribute: match[2] } : undefined;
}

/** Whether a value is a literal (contains no Terraform expression). */
export function isLiteral(value: unknown): value is string {
  return typeof value === 'string' && !value.includes('${');
}

/** Looks a resource up by address. */
export function resourceAt(model: StackModel, address: string): ModelResource | undefined {
  return indexOf(model).byAddress.get(address);
}

/** The provider configuration a resource uses (`provider = "azurerm.hub"`, or the default). */
export function providerOf(model: StackModel, resource: ModelResource): Record<string, any> | undefined {
  const key = typeof resource.config.provider === 'string' ? resource.config.provider : resource.type.split('_')[0];
  return model.providers[key];
}

/**
 * A literal attribute, following one reference to another resource's literal attribute, e.g. a record's
 * `zone_name = ${azurerm_private_dns_zone.z.name}` gives the zone's name.
 */
export function literalValue(model: StackModel, value: unknown): string | undefined {
  if (isLiteral(value)) return value;
  const ref = referenceOf(value);
  const target = ref && resourceAt(model, ref.address);
  const followed = target?.config[ref!.attribute];
  return isLiteral(followed) ? followed : undefined;
}

/** Whether the resource at a construct path made the opt-in. */
export function hasOptIn(model: StackModel, resource: ModelResource, what: OptIn): boolean {
  return model.optIns.get(resource.path)?.has(what) ?? false;
}
