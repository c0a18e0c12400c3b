/**
 * FNV-1a, 32 bits, over bytes. It catches a changed or swapped character in a link; it is
 * no signature (anyone can recompute it), which is fine: a link is code the receiver reads
 * and runs in the sandbox, not something we vouch for.
 */
export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
