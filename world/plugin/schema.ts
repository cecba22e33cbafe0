/**
 * Provider schemas in the shape of `terraform providers schema -json` (world/schemas/), and their protocol form.
 */
import { readFileSync } from 'fs';

/** A cty type as JSON: `"string"`, `["list","string"]`, `["object",{...}]`, `"dynamic"`, ... */
export type CtyType = string | [string, unknown] | [string, unknown, unknown];

export interface NestedType {
  attributes?: Record<string, Attribute>;
  nesting_mode: 'single' | 'list' | 'set' | 'map';
}

export interface Attribute {
  type?: CtyType;
  nested_type?: NestedType;
  description?: string;
  description_kind?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}

export interface NestedBlock {
  nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  block: Block;
  min_items?: number;
  max_items?: number;
}

export interface Block {
  attributes?: Record<string, Attribute>;
  block_types?: Record<string, NestedBlock>;
  description?: string;
  description_kind?: string;
  deprecated?: boolean;
}

export interface Schema {
  version?: number;
  block: Block;
}

export interface ProviderSchema {
  provider: Schema;
  resource_schemas?: Record<string, Schema>;
  data_source_schemas?: Record<string, Schema>;
  ephemeral_resource_schemas?: Record<string, Schema>;
}

export type Kind = 'resource' | 'data' | 'ephemeral';
const KINDS = { resource: 'resource_schemas', data: 'data_source_schemas', ephemeral: 'ephemeral_resource_schemas' } as const;

export const loadSchema = (file: string): ProviderSchema => JSON.parse(readFileSync(file, 'utf8')) as ProviderSchema;

export function blockOf(schema: ProviderSchema, kind: Kind, type: string): Block {
  const s = schema[KINDS[kind]]?.[type];
  if (!s) throw new Error(`unknown ${kind} type ${type}`);
  return s.block;
}

// ---- JSON schema -> protocol Schema (see protocol.ts) ---------------------------------------
const NESTING = { single: 'SINGLE', list: 'LIST', set: 'SET', map: 'MAP', group: 'GROUP' } as const;
const textKind = (k?: string): string => (k === 'markdown' ? 'MARKDOWN' : 'PLAIN');

function protoAttribute(name: string, a: Attribute): object {
  return {
    name,
    type: a.type === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(a.type)),
    nested_type: a.nested_type && {
      attributes: Object.entries(a.nested_type.attributes ?? {}).map(([n, x]) => protoAttribute(n, x)),
      nesting: NESTING[a.nested_type.nesting_mode],
    },
    description: a.description ?? '',
    description_kind: textKind(a.description_kind),
    required: !!a.required, optional: !!a.optional, computed: !!a.computed,
    sensitive: !!a.sensitive, deprecated: !!a.deprecated, write_only: !!a.write_only,
  };
}

function protoBlock(b: Block, version = 0): object {
  return {
    version,
    attributes: Object.entries(b.attributes ?? {}).map(([n, a]) => protoAttribute(n, a)),
    block_types: Object.entries(b.block_types ?? {}).map(([n, bt]) => ({
      type_name: n, block: protoBlock(bt.block), nesting: NESTING[bt.nesting_mode],
      min_items: bt.min_items ?? 0, max_items: bt.max_items ?? 0,
    })),
    description: b.description ?? '',
    description_kind: textKind(b.description_kind),
    deprecated: !!b.deprecated,
  };
}

export const protoSchema = (s: Schema): object => ({ version: s.version ?? 0, block: protoBlock(s.block, s.version ?? 0) });
export const protoSchemas = (m?: Record<string, Schema>): Record<string, object> =>
  Object.fromEntries(Object.entries(m ?? {}).map(([k, s]) => [k, protoSchema(s)]));
