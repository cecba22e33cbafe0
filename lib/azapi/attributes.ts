import {
  anyToHclTerraform,
  anyToTerraform,
  booleanToHclTerraform,
  booleanToTerraform,
  hashMapper,
  hashMapperHcl,
  listMapper,
  listMapperHcl,
  stringToHclTerraform,
  stringToTerraform,
  TerraformMetaArguments,
} from 'cdktf';

/**
 * The Terraform types of the azapi arguments this library sets. `dynamic` is azapi's `DynamicPseudoType`
 * (`body`, `response_export_values`): an HCL object or list, never a JSON string.
 */
export type AzapiArgumentKind = 'string' | 'boolean' | 'stringList' | 'stringMap' | 'dynamic';

/** One argument of an azapi block: its Terraform type and its value (undefined leaves it out). */
export interface AzapiArgument {
  /** The argument's Terraform type, which picks how it is written in JSON and in HCL. */
  readonly kind: AzapiArgumentKind;
  /** The value; `undefined` leaves the argument out. */
  readonly value: unknown;
}

/** The arguments of one azapi block, keyed by their snake_case Terraform names. */
export type AzapiArguments = Record<string, AzapiArgument>;

type Mapper = (x: any) => any;

interface KindSpec {
  readonly json: Mapper;
  readonly hcl: Mapper;
  readonly type: string;
  readonly storageClassType: string;
}

// The same mappers and HCL type tags a generated @cdktf/provider-* class uses for these schema types;
// `any` makes the HCL renderer write objects and lists as HCL literals (for `body`).
const KINDS: Record<AzapiArgumentKind, KindSpec> = {
  string: { json: stringToTerraform, hcl: stringToHclTerraform, type: 'simple', storageClassType: 'string' },
  boolean: { json: booleanToTerraform, hcl: booleanToHclTerraform, type: 'simple', storageClassType: 'boolean' },
  stringList: {
    json: listMapper(stringToTerraform, false),
    hcl: listMapperHcl(stringToHclTerraform, false),
    type: 'list',
    storageClassType: 'stringList',
  },
  stringMap: {
    json: hashMapper(stringToTerraform),
    hcl: hashMapperHcl(stringToHclTerraform),
    type: 'map',
    storageClassType: 'stringMap',
  },
  dynamic: { json: anyToTerraform, hcl: anyToHclTerraform, type: 'any', storageClassType: 'any' },
};

/** The arguments as `synthesizeAttributes()` returns them (JSON synth). */
export function argumentsToTerraform(args: AzapiArguments): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([name, a]) => [name, KINDS[a.kind].json(a.value)]));
}

/** The arguments as `synthesizeHclAttributes()` returns them (`cdktf synth --hcl`), unset ones left out. */
export function argumentsToHclTerraform(args: AzapiArguments): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args)
      .filter(([, a]) => a.value !== undefined)
      .map(([name, a]) => {
        const spec = KINDS[a.kind];
        return [name, { value: spec.hcl(a.value), isBlock: false, type: spec.type, storageClassType: spec.storageClassType }];
      }),
  );
}

/**
 * Rewrites the `lifecycle` of one block in `toHclTerraform()` output so that `precondition` and `postcondition`
 * come out as nested blocks. cdktf 0.21 renders them as arguments (`precondition = [...]`), which Terraform
 * rejects in HCL; the JSON synth is not affected.
 */
export function withLifecycleBlocksForHcl(hcl: any, kind: 'resource' | 'data', type: string, name: string): any {
  const block = hcl?.[kind]?.[type]?.[name];
  const lifecycle = block?.lifecycle;
  if (!lifecycle || 'value' in lifecycle) return hcl;
  const attrs = Object.fromEntries(Object.entries(lifecycle as Record<string, unknown>).map(([key, value]) => [
    key,
    key === 'precondition' || key === 'postcondition'
      ? { value, isBlock: true, type: 'list', storageClassType: 'object' }
      : { value, isBlock: false, type: 'any', storageClassType: 'any' },
  ]));
  block.lifecycle = { value: attrs, isBlock: true, type: 'simple', storageClassType: 'lifecycle' };
  return hcl;
}

/** The meta-arguments (`provider`, `depends_on`, `count`, `lifecycle`, …) of a config, for the base constructor. */
export function metaArgumentsOf(config: TerraformMetaArguments): TerraformMetaArguments {
  const { provider, dependsOn, count, lifecycle, forEach, provisioners, connection } = config;
  return { provider, dependsOn, count, lifecycle, forEach, provisioners, connection };
}
