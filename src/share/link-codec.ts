/**
 * Share links: `#v1/` + base64url( 4-byte body length, 4-byte FNV-1a checksum of the body,
 * body = raw DEFLATE (fflate, level 9) of the payload's UTF-8 JSON ). One module for the page
 * and the CLI; decoding is one pure function that returns the strategy or says what is wrong.
 *
 * fflate rather than the platform's CompressionStream: it is synchronous (the decoder stays a
 * pure function and the CLI needs no event loop), byte-identical in Node and every browser,
 * and can be stopped mid-way when a payload inflates past the limit (a zip bomb).
 */
import { deflateSync, Inflate, strToU8 } from "fflate";
import { fromBase64url, toBase64url } from "./base64url";
import { fnv1a32 } from "./checksum";
import { readLinkSettings } from "./link-settings";
import { sharedStrategyV1, type SharedStrategy } from "./shared-strategy";

export const LINK_VERSION = 1;
/** Refused before decoding: longer than any browser keeps in its address bar (Chrome: 2 MB). */
export const MAX_LINK_CHARS = 2_000_000;
/** Refused while inflating: a payload bigger than this is a zip bomb or not a strategy. */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
const HEADER_BYTES = 8;
const INFLATE_STEP = 1024;

export type LinkErrorKind = "truncated" | "tampered" | "unknown-version" | "oversized" | "not-ours";

export interface LinkError {
  kind: LinkErrorKind;
  /** One sentence for the user, naming what is wrong. */
  message: string;
}

export type DecodedLink = { ok: true; link: SharedStrategy; version: number } | { ok: false; error: LinkError };

const fail = (kind: LinkErrorKind, message: string): DecodedLink => ({ ok: false, error: { kind, message } });

/** The fragment (`v1/…`, no `#`) of a payload. */
export function encodeLinkFragment(link: SharedStrategy): string {
  const body = deflateSync(strToU8(JSON.stringify(link)), { level: 9 });
  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, body.length);
  view.setUint32(4, fnv1a32(body));
  bytes.set(body, HEADER_BYTES);
  return `v${LINK_VERSION}/${toBase64url(bytes)}`;
}

/** `base` with the link as its fragment: `http://localhost:5173/#v1/…`. */
export function shareUrl(base: string, fragment: string): string {
  const hash = base.indexOf("#");
  return `${hash < 0 ? base : base.slice(0, hash)}#${fragment}`;
}

/** The part after `#` of a URL, or the text itself when it is already a fragment. */
function fragmentOf(text: string): string {
  const t = text.trim();
  const hash = t.indexOf("#");
  let f = hash < 0 ? t : t.slice(hash + 1);
  // Mail clients wrap long lines and some tools percent-encode the slash.
  f = f.replace(/\s+/g, "");
  if (f.includes("%")) {
    try {
      f = decodeURIComponent(f);
    } catch {
      // Left as it is: the base64 check below names the bad character.
    }
  }
  return f;
}

/** Inflates at most MAX_PAYLOAD_BYTES, feeding the input a little at a time so a bomb stops early. */
function inflateLimited(body: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; over: boolean } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_PAYLOAD_BYTES) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < body.length && !over; i += INFLATE_STEP) {
      const end = Math.min(body.length, i + INFLATE_STEP);
      inflater.push(body.subarray(i, end), end === body.length);
    }
  } catch {
    return { ok: false, over: false };
  }
  if (over) return { ok: false, over: true };
  if (!ended) return { ok: false, over: false };
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return { ok: true, bytes: out };
}

/**
 * Reads a share link (a whole URL, `#v1/…` or `v1/…`). Pure: the same text always gives the
 * same answer, and nothing outside is read or changed.
 */
export function decodeShareLink(text: string): DecodedLink {
  if (text.length > MAX_LINK_CHARS)
    return fail(
      "oversized",
      `This link is too long (${text.length.toLocaleString("en-US")} characters; at most ${MAX_LINK_CHARS.toLocaleString("en-US")}).`,
    );
  const fragment = fragmentOf(text);
  const m = /^v(\d{1,6})\/(.*)$/s.exec(fragment);
  if (!m) return fail("not-ours", "This is not a Strategy Playground link: its part after # does not start with v1/.");
  const version = Number(m[1]);
  if (version !== LINK_VERSION)
    return fail(
      "unknown-version",
      version > LINK_VERSION
        ? `This link was made by a newer playground (link version ${version}); this one reads version ${LINK_VERSION}. Update the playground to open it.`
        : `Unknown link version ${version}: this playground reads version ${LINK_VERSION}.`,
    );
  const b64 = fromBase64url(m[2]);
  if (!b64.ok)
    return "cut" in b64
      ? fail("truncated", "This link is cut short: part of it is missing. Copy the whole link again.")
      : fail(
          "tampered",
          `This link has been changed: character ${b64.badIndex + 1} after "v${version}/" cannot be in a share link.`,
        );
  const bytes = b64.bytes;
  if (bytes.length < HEADER_BYTES)
    return fail("truncated", "This link is cut short: part of it is missing. Copy the whole link again.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0);
  const sum = view.getUint32(4);
  const body = bytes.subarray(HEADER_BYTES);
  if (length > MAX_LINK_CHARS)
    return fail("oversized", "This link says it holds more than a link can; it is damaged or not ours.");
  if (body.length < length)
    return fail(
      "truncated",
      `This link is cut short: it holds ${body.length.toLocaleString("en-US")} of its ${length.toLocaleString("en-US")} bytes. Copy the whole link again.`,
    );
  if (body.length > length || !b64.canonical || fnv1a32(body) !== sum)
    return fail("tampered", "This link has been changed since it was made: its checksum does not match.");
  const inflated = inflateLimited(body);
  if (!inflated.ok)
    return inflated.over
      ? fail("oversized", `This link unpacks to more than ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB; it was refused.`)
      : fail("tampered", "This link's contents cannot be unpacked: it has been changed.");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(inflated.bytes));
  } catch {
    return fail("tampered", "This link's contents are not readable text: it has been changed.");
  }
  const checked = sharedStrategyV1(json);
  if (!checked.ok) return fail("tampered", `This link's contents are not a strategy: ${checked.why}.`);
  const settings = readLinkSettings(checked.value.settings);
  if (!settings.ok) return fail("tampered", `This link's settings are not valid: ${settings.errors.join("; ")}.`);
  return { ok: true, link: checked.value, version };
}
