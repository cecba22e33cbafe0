import { createHash } from 'crypto';

/**
 * Deterministic GUIDs: Azure makes random ones (connection names `<endpoint>.<guid>`, principal IDs, a VNet's
 * `resourceGuid`); the world derives them from its seed and what they name, so a run is reproducible and a second
 * apply sees the same values.
 */
export function guidFor(seed: string, ...parts: string[]): string {
  const h = createHash('sha256').update([seed, ...parts.map((p) => p.toLowerCase())].join('\u0000')).digest('hex');
  // Version 4 layout (the variant and version nibbles set), as Azure's GUIDs are.
  const v = `4${h.slice(13, 16)}`;
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}-${h.slice(20, 32)}`;
}

/** Deterministic base64 bytes (access keys), from the seed and what they are for. */
export function secretFor(seed: string, bytes: number, ...parts: string[]): string {
  let out = Buffer.alloc(0);
  for (let i = 0; out.length < bytes; i++) {
    out = Buffer.concat([out, createHash('sha256').update([seed, String(i), ...parts].join('\u0000')).digest()]);
  }
  return out.subarray(0, bytes).toString('base64');
}
