import { decode, encode, ExtData } from '@msgpack/msgpack';
import { UNKNOWN } from '../../world/engine/values';
import { DynamicTypes, fromDynamic, toDynamic } from '../../world/plugin/cty';
import { planResource } from '../../world/plugin/plan';
import type { Block } from '../../world/plugin/schema';

const BLOCK: Block = {
  attributes: {
    id: { type: 'string', computed: true },
    name: { type: 'string', required: true },
    count: { type: 'number', optional: true },
    tags: { type: ['map', 'string'], optional: true },
    body: { type: 'dynamic', optional: true },
    secret: { type: 'string', optional: true, write_only: true },
  },
  block_types: { rule: { nesting_mode: 'list', block: { attributes: { port: { type: 'number', required: true }, ip: { type: 'string', computed: true } } } } },
};

const wire = (value: unknown): { msgpack: Uint8Array } => ({ msgpack: encode(value, { useBigInt64: true }) });
const unwire = (dv: { msgpack?: Uint8Array | null }): any => decode(dv.msgpack!, { useBigInt64: true });
const typed = (type: unknown, value: unknown): unknown[] => [new TextEncoder().encode(JSON.stringify(type)), value];
/** A dynamic value off the wire: [its type, the value]. */
const untyped = ([type, value]: [Uint8Array, unknown]): unknown[] => [JSON.parse(Buffer.from(type).toString('utf8')), value];

describe('cty msgpack values between Terraform and the engine', () => {
  it('reads unknowns (extension 0 and refined 12), 64-bit and string numbers, and a dynamic value as plain JSON', () => {
    const value = fromDynamic(BLOCK, wire({
      id: new ExtData(0, new Uint8Array([0])), name: new ExtData(12, new Uint8Array([0x80])), count: BigInt(2) ** BigInt(40),
      tags: { a: 'b' }, body: typed(['object', { x: ['tuple', ['number', 'string']] }], { x: [1, 'y'] }), secret: null, rule: [{ port: '443', ip: null }],
    }));
    expect(value).toEqual({ id: UNKNOWN, name: UNKNOWN, count: 2 ** 40, tags: { a: 'b' }, body: { x: [1, 'y'] }, secret: null, rule: [{ port: 443, ip: null }] });
  });

  it('writes every attribute, unknowns as extension 0, absent blocks as empty lists, and drops keys the schema lacks', () => {
    const out = unwire(toDynamic(BLOCK, { id: UNKNOWN, name: 'n', extra: 1 }));
    expect({ ...out, id: [out.id.type, [...out.id.data]] }).toEqual({ id: [0, [0]], name: 'n', count: null, tags: null, body: null, secret: null, rule: [] });
  });

  it('writes a dynamic value back with the type it came with while it fits, else with the type JSON gives it', () => {
    const types: DynamicTypes = new Map();
    const list = typed(['list', 'string'], ['a', 'b']);
    fromDynamic(BLOCK, wire({ name: 'n', body: list }), types);
    expect(untyped(unwire(toDynamic(BLOCK, { name: 'n', body: ['a', 'b'] }, types)).body)).toEqual([['list', 'string'], ['a', 'b']]);
    expect(untyped(unwire(toDynamic(BLOCK, { name: 'n', body: ['a', 1] }, types)).body)).toEqual([['tuple', ['string', 'number']], ['a', 1]]);
  });

  it('refuses an engine value of the wrong type, naming where it is', () => {
    expect(() => toDynamic(BLOCK, { name: 'n', tags: ['a'] })).toThrow('the value at tags is not a ["map","string"]: ["a"]');
  });
});

describe('the generic planner', () => {
  it('plans a create with every null computed value unknown, nested blocks too, and write-only values null', () => {
    const planned = planResource(BLOCK, null, { id: null, name: 'n', count: null, tags: null, body: null, secret: 's', rule: [{ port: 1, ip: null }] });
    expect(planned).toEqual({ id: UNKNOWN, name: 'n', count: null, tags: null, body: null, secret: null, rule: [{ port: 1, ip: UNKNOWN }] });
  });

  it('plans an update as Terraform proposed it (computed values kept from the prior state)', () => {
    const prior = { id: 'x', name: 'n', count: 1, tags: null, body: null, secret: null, rule: [] };
    expect(planResource(BLOCK, prior, { ...prior, count: 2 })).toEqual({ ...prior, count: 2 });
  });
});
