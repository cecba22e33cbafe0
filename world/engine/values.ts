/**
 * How values cross between the plugin (Terraform's protocol, cty msgpack) and the engine (the ARM world): plain JS
 * mirroring cty, with one sentinel for a value Terraform does not know yet.
 */

/** A value unknown until apply (cty's unknown; msgpack extension 0 on the wire). */
export const UNKNOWN: unique symbol = Symbol.for('azure-world.unknown');

/** The type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/** Whether a value is {@link UNKNOWN}. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/**
 * An object value: every attribute of its schema present (null when null), lists and sets as arrays, maps as
 * objects, numbers as JS numbers, dynamic values (azapi `body`, `output`) as plain JSON-like values.
 */
export type Obj = Record<string, unknown>;
