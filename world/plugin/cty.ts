/**
 * cty values over msgpack, as Terraform sends and expects them (DynamicValue.msgpack), to and from the engine's
 * plain values (world/engine/values.ts). What cty writes: an object as a map of every attribute, lists, sets and
 * tuples as arrays, maps as maps, numbers as ints, floats or (when precise) strings, an unknown value as extension
 * 0 (extension 12 when refined), and a value of a `dynamic` attribute as [its type as JSON bytes, the value]
 * (github.com/zclconf/go-cty, cty/msgpack).
 */
import { decode, encode, ExtData } from '@msgpack/msgpack';
import { Obj, UNKNOWN, isUnknown } from '../engine/values';
import type { Attribute, Block, CtyType, NestedType } from './schema';

const MSGPACK = { useBigInt64: true };
const WIRE_UNKNOWN = new ExtData(0, new Uint8Array([0]));

export interface DynamicValue { msgpack?: Uint8Array | null; json?: Uint8Array | null }

/**
 * The cty types of the dynamic values a request brought, by path: a value written back at the same path keeps its
 * type (a list stays a list, not a tuple) where it still fits it.
 */
export type DynamicTypes = Map<string, CtyType>;

const key = (path: (string | number)[]): string => JSON.stringify(path);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof ExtData) && !(v instanceof Uint8Array);

// ---- wire -> engine ------------------------------------------------------------------------
export function fromDynamic(block: Block, dv: DynamicValue | null | undefined, types?: DynamicTypes): Obj | null {
  if (!dv?.msgpack?.length) return null;
  return decodeBlock(block, decode(dv.msgpack, MSGPACK), [], types) as Obj | null;
}

function decodeBlock(block: Block, raw: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  if (raw == null) return null;
  if (raw instanceof ExtData) return UNKNOWN;
  const src = raw as Record<string, unknown>;
  const out: Obj = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) out[name] = decodeAttribute(a, src[name], [...path, name], types);
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    out[name] = eachNested(bt.nesting_mode, src[name], (v, k) => decodeBlock(bt.block, v, [...path, name, ...k], types));
  }
  return out;
}

function decodeAttribute(a: Attribute, raw: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  if (a.nested_type) return decodeNested(a.nested_type, raw, path, types);
  return decodeType(a.type ?? 'dynamic', raw, path, types);
}

function decodeNested(nt: NestedType, raw: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  const block: Block = { attributes: nt.attributes };
  return eachNested(nt.nesting_mode, raw, (v, k) => decodeBlock(block, v, [...path, ...k], types));
}

function decodeType(type: CtyType, raw: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  if (raw == null) return null;
  if (raw instanceof ExtData) return UNKNOWN;
  if (type === 'dynamic') {
    const [typeJson, value] = raw as [Uint8Array, unknown];
    const actual = JSON.parse(Buffer.from(typeJson).toString('utf8')) as CtyType;
    types?.set(key(path), actual);
    return decodeType(actual, value, path);
  }
  if (type === 'number') return typeof raw === 'bigint' ? Number(raw) : typeof raw === 'string' ? Number(raw) : raw;
  if (typeof type === 'string') return raw; // string, bool
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return (raw as unknown[]).map((v, i) => decodeType(elem as CtyType, v, [...path, i]));
  if (kind === 'tuple') return (raw as unknown[]).map((v, i) => decodeType((elem as CtyType[])[i], v, [...path, i]));
  const src = raw as Record<string, unknown>;
  if (kind === 'map') return Object.fromEntries(Object.entries(src).map(([k, v]) => [k, decodeType(elem as CtyType, v, [...path, k])]));
  // object
  return Object.fromEntries(Object.entries(elem as Record<string, CtyType>).map(([k, t]) => [k, decodeType(t, src[k], [...path, k])]));
}

/** Applies fn to every object a nested block or nested attribute value holds (with its key path). */
function eachNested(mode: string, v: unknown, fn: (x: unknown, k: (string | number)[]) => unknown): unknown {
  if (v == null || v instanceof ExtData || isUnknown(v)) return v instanceof ExtData ? UNKNOWN : v;
  if (mode === 'single' || mode === 'group') return fn(v, []);
  if (mode === 'map') return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, fn(x, [k])]));
  return (v as unknown[]).map((x, i) => fn(x, [i])); // list, set
}

// ---- engine -> wire ------------------------------------------------------------------------
/**
 * Encodes a value of `block`'s object type. Attributes the value lacks are null, keys the schema lacks are dropped,
 * and a nested block list or set that is null is empty (Terraform keeps absent blocks as empty collections).
 */
export function toDynamic(block: Block, value: Obj | null, types?: DynamicTypes): DynamicValue {
  return { msgpack: Buffer.from(encode(encodeBlock(block, value, [], types), MSGPACK)) };
}

function encodeBlock(block: Block, value: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  if (value == null) return null;
  if (isUnknown(value)) return WIRE_UNKNOWN;
  const src = value as Obj;
  const out: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    out[name] = a.nested_type
      ? encodeNested(a.nested_type, src[name], [...path, name], types)
      : encodeType(a.type ?? 'dynamic', src[name], [...path, name], types);
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    const v = src[name] ?? (bt.nesting_mode === 'map' ? {} : bt.nesting_mode === 'list' || bt.nesting_mode === 'set' ? [] : null);
    out[name] = eachNested(bt.nesting_mode, v, (x, k) => encodeBlock(bt.block, x, [...path, name, ...k], types));
    if (isUnknown(out[name])) out[name] = WIRE_UNKNOWN;
  }
  return out;
}

function encodeNested(nt: NestedType, value: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  const block: Block = { attributes: nt.attributes };
  const out = eachNested(nt.nesting_mode, value, (x, k) => encodeBlock(block, x, [...path, ...k], types));
  return isUnknown(out) ? WIRE_UNKNOWN : out;
}

function encodeType(type: CtyType, value: unknown, path: (string | number)[], types?: DynamicTypes): unknown {
  if (value === undefined || value === null) return null;
  if (isUnknown(value)) return WIRE_UNKNOWN;
  if (type === 'dynamic') {
    const known = types?.get(key(path));
    const actual = known && fits(known, value) ? known : typeOf(value);
    return [Buffer.from(JSON.stringify(actual)), encodeType(actual, value, path)];
  }
  if (!fits(type, value) && !(type === 'number' && typeof value === 'string' && value.trim() !== '' && !isNaN(Number(value)))) {
    throw new Error(`the value at ${path.join('.')} is not a ${JSON.stringify(type)}: ${JSON.stringify(value)}`);
  }
  if (type === 'number') return typeof value === 'string' ? Number(value) : value;
  if (typeof type === 'string') return value;
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return (value as unknown[]).map((v, i) => encodeType(elem as CtyType, v, [...path, i]));
  if (kind === 'tuple') return (value as unknown[]).map((v, i) => encodeType((elem as CtyType[])[i], v, [...path, i]));
  const src = value as Record<string, unknown>;
  if (kind === 'map') return Object.fromEntries(Object.entries(src).map(([k, v]) => [k, encodeType(elem as CtyType, v, [...path, k])]));
  return Object.fromEntries(Object.entries(elem as Record<string, CtyType>).map(([k, t]) => [k, encodeType(t, src[k], [...path, k])]));
}

/** The cty type of a plain value, as Terraform gives JSON values: objects, tuples and primitives. */
export function typeOf(v: unknown): CtyType {
  if (v == null || isUnknown(v)) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(typeOf)];
  return ['object', Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, typeOf(x)]))];
}

/** Whether a plain value can be written with type `t`. */
function fits(t: CtyType, v: unknown): boolean {
  if (v == null || isUnknown(v) || t === 'dynamic') return true;
  if (t === 'string') return typeof v === 'string';
  if (t === 'number') return typeof v === 'number';
  if (t === 'bool') return typeof v === 'boolean';
  if (typeof t === 'string') return false;
  const [kind, elem] = t;
  if (kind === 'list' || kind === 'set') return Array.isArray(v) && v.every((x) => fits(elem as CtyType, x));
  if (kind === 'tuple') return Array.isArray(v) && v.length === (elem as CtyType[]).length && v.every((x, i) => fits((elem as CtyType[])[i], x));
  if (!isPlainObject(v)) return false;
  if (kind === 'map') return Object.values(v).every((x) => fits(elem as CtyType, x));
  const attrs = elem as Record<string, CtyType>;
  return Object.keys(v).every((k) => k in attrs) && Object.entries(attrs).every(([k, at]) => fits(at, v[k]));
}
