/**
 * What the plugins answer on their own, before (or without) the engine: the generic planner and, without a world,
 * tfshim's placeholder reads.
 */
import { search } from 'jmespath';
import { Obj, UNKNOWN, isUnknown } from '../engine/values';
import type { Attribute, Block, CtyType } from './schema';

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);

/** Applies fn to every object a nested block / nested attribute value holds. */
function eachNested(mode: string, v: unknown, fn: (o: Obj) => Obj): unknown {
  if (v == null || isUnknown(v)) return v;
  if (mode === 'single' || mode === 'group') return fn(v as Obj);
  if (mode === 'map') return Object.fromEntries(Object.entries(v as Obj).map(([k, x]) => [k, fn(x as Obj)]));
  return (v as Obj[]).map(fn); // list, set
}

const nestedBlock = (a: Attribute): Block => ({ attributes: a.nested_type!.attributes });

/**
 * The generic plan. A create: what the config proposes, with every null computed attribute (at any depth) unknown
 * ("known after apply"). An update: the proposed new state, which Terraform already made of the config and the prior
 * state's computed values. Write-only attributes are never planned (always null). Edits `proposed` in place.
 */
export function planResource(block: Block, prior: Obj | null, proposed: Obj | null): Obj | null {
  if (proposed == null) return null;
  return prior == null ? planCreate(block, proposed) : clearWriteOnly(block, proposed);
}

function planCreate(block: Block, obj: Obj): Obj {
  if (!isObject(obj)) return obj;
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (a.write_only) obj[name] = null;
    else if (obj[name] == null && a.computed) obj[name] = UNKNOWN;
    else if (a.nested_type) obj[name] = eachNested(a.nested_type.nesting_mode, obj[name], (o) => planCreate(nestedBlock(a), o));
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    obj[name] = eachNested(bt.nesting_mode, obj[name], (o) => planCreate(bt.block, o));
  }
  return obj;
}

function clearWriteOnly(block: Block, obj: Obj): Obj {
  if (!isObject(obj)) return obj;
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    if (a.write_only) obj[name] = null;
    else if (a.nested_type) obj[name] = eachNested(a.nested_type.nesting_mode, obj[name], (o) => clearWriteOnly(nestedBlock(a), o));
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    obj[name] = eachNested(bt.nesting_mode, obj[name], (o) => clearWriteOnly(bt.block, o));
  }
  return obj;
}

/** A state with no UNKNOWN left: Terraform refuses unknown values after apply or in a read. */
export function withoutUnknowns<T>(v: T): T {
  if (isUnknown(v)) return null as T;
  if (Array.isArray(v)) return v.map(withoutUnknowns) as T;
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutUnknowns(x)])) as T;
  return v;
}

/** `planned` with each unknown replaced by `actual`'s value at the same place: known planned values stand. */
export function settle(planned: unknown, actual: unknown): unknown {
  if (isUnknown(planned)) return withoutUnknowns(actual ?? null);
  if (Array.isArray(planned) && Array.isArray(actual) && planned.length === actual.length) return planned.map((p, i) => settle(p, actual[i]));
  if (isObject(planned) && isObject(actual)) return Object.fromEntries(Object.entries(planned).map(([k, p]) => [k, settle(p, actual[k])]));
  return withoutUnknowns(planned);
}

// ---- without a world: data sources and ephemeral resources read as placeholders (as tfshim) --------------------
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

function placeholder(name: string, type: CtyType): unknown {
  if (type === 'string') {
    if (/(^|_)(tenant|subscription|client|object|principal)_id$/.test(name)) return ZERO_GUID;
    if (/(^|_)id$/.test(name)) return `/subscriptions/${ZERO_GUID}/resourceGroups/tfshim/providers/Tfshim.Placeholder/${name}/placeholder`;
    return `tfshim-placeholder-${name}`;
  }
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  if (typeof type === 'string') return null; // dynamic
  const [kind, elem] = type;
  if (kind === 'object') return Object.fromEntries(Object.entries(elem as Record<string, CtyType>).map(([n, t]) => [n, placeholder(n, t)]));
  if (kind === 'map') return {};
  if (kind === 'tuple') return (elem as CtyType[]).map((t, i) => placeholder(String(i), t));
  return []; // list, set
}

function onEmptyList(query: unknown): unknown {
  try {
    return typeof query === 'string' ? search({ value: [] }, query) : null;
  } catch {
    return null;
  }
}

/** azapi: `output` holds what `response_export_values` asks for: each requested path (list form) or name (map form). */
function azapiOutput(exportValues: unknown): Obj {
  const out: Obj = {};
  if (Array.isArray(exportValues)) {
    for (const p of exportValues.filter((x): x is string => typeof x === 'string' && x !== '*')) {
      const keys = p.split('.');
      let o = out;
      for (const k of keys.slice(0, -1)) o = isObject(o[k]) ? (o[k] as Obj) : (o[k] = {}) as Obj;
      o[keys[keys.length - 1]] = 'tfshim-placeholder';
    }
  } else if (isObject(exportValues)) {
    // A named JMESPath query: what it gives on an empty list response (`value[].{...}` gives []), so that code
    // iterating the result plans; a query that gives nothing there reads as a placeholder string.
    for (const [k, query] of Object.entries(exportValues)) out[k] = onEmptyList(query) ?? 'tfshim-placeholder';
  }
  return out;
}

/** A read without a world: the config, with every null computed attribute a placeholder (reads are wholly known). */
export function fillPlaceholders(block: Block, obj: Obj): Obj {
  if (!isObject(obj)) return obj;
  for (const [name, a] of Object.entries(block.attributes ?? {})) {
    const nt = a.nested_type;
    if (obj[name] == null && a.computed) {
      if (a.type === 'dynamic' && name === 'output' && 'response_export_values' in obj) obj[name] = azapiOutput(obj.response_export_values);
      else if (!nt) obj[name] = placeholder(name, a.type ?? 'dynamic');
      else obj[name] = nt.nesting_mode === 'single' ? fillPlaceholders(nestedBlock(a), {}) : nt.nesting_mode === 'map' ? {} : [];
    } else if (nt) obj[name] = eachNested(nt.nesting_mode, obj[name], (o) => fillPlaceholders(nestedBlock(a), o));
  }
  for (const [name, bt] of Object.entries(block.block_types ?? {})) {
    obj[name] = eachNested(bt.nesting_mode, obj[name], (o) => fillPlaceholders(bt.block, o));
  }
  return obj;
}
