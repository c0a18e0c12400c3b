/**
 * Base64url (RFC 4648 §5, no padding) over bytes, written out so the page and Node encode
 * alike and the decoder can say exactly which character is wrong.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET.charCodeAt(i)] = i;

export function toBase64url(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (left === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

export type Base64Result =
  /** `canonical` is false when bits past the last byte are set: no encoder writes that. */
  { ok: true; bytes: Uint8Array; canonical: boolean } | { ok: false; badIndex: number } | { ok: false; cut: true };

/** Decodes base64url; reports the first character outside the alphabet, or a length no encoder makes (a cut). */
export function fromBase64url(text: string): Base64Result {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || INDEX[c] < 0) return { ok: false, badIndex: i };
  }
  if (text.length % 4 === 1) return { ok: false, cut: true };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  let canonical = true;
  for (; i + 3 < text.length; i += 4) {
    const n =
      (INDEX[text.charCodeAt(i)] << 18) |
      (INDEX[text.charCodeAt(i + 1)] << 12) |
      (INDEX[text.charCodeAt(i + 2)] << 6) |
      INDEX[text.charCodeAt(i + 3)];
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  const left = text.length - i;
  if (left >= 2) {
    const n = (INDEX[text.charCodeAt(i)] << 18) | (INDEX[text.charCodeAt(i + 1)] << 12);
    const m = left === 3 ? n | (INDEX[text.charCodeAt(i + 2)] << 6) : n;
    canonical = (m & (left === 3 ? 0xff : 0xffff)) === 0;
    bytes[o++] = m >> 16;
    if (left === 3) bytes[o++] = (m >> 8) & 255;
  }
  return { ok: true, bytes: bytes.subarray(0, o), canonical };
}
