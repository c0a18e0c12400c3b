/**
 * The protocol between the page and the CSV import worker: requests and replies as
 * discriminated unions on `type`, with a version; parsed columns travel as transferred
 * Float64Array buffers, so a 200,000-row file never holds the page up.
 *
 * The columns are in shared memory where the page is cross-origin isolated (`inSharedMemory`).
 *
 * `read` hands the worker a file (a handle, not its bytes: the File the user chose, or the Blob
 * IndexedDB kept after a reload): the worker reads it with progress, decodes and parses it. The
 * page keeps the Blob itself (IndexedDB stores it, the run worker reads it): the text comes back
 * only for a file small enough to ride in a share link, so a 10 MB text never crosses to the page.
 */
import type { SymbolBars } from "../engine/data/symbol-bars";
import { MAX_EMBED_LINK_CHARS } from "../share/build-share-link";

export const IMPORT_PROTOCOL_VERSION = 3;

/** A file's text comes back to the page only below this length: no longer text fits in a share link. */
export const TEXT_KEPT_BELOW_CHARS = MAX_EMBED_LINK_CHARS;

export type ImportRequest = {
  type: "read";
  protocolVersion: typeof IMPORT_PROTOCOL_VERSION;
  id: number;
  name: string;
  file: Blob;
};

export type ImportReply =
  | {
      type: "parsed";
      protocolVersion: typeof IMPORT_PROTOCOL_VERSION;
      id: number;
      bars: SymbolBars[];
      warnings: string[];
      rows: number;
      /** The file's text, when it is shorter than TEXT_KEPT_BELOW_CHARS. */
      text?: string;
    }
  /**
   * How far a `read` request got: bytes of the file read, then rows of it parsed (sent at each
   * new whole percent of reading, every 16,384 rows of parsing).
   */
  | {
      type: "progress";
      protocolVersion: typeof IMPORT_PROTOCOL_VERSION;
      id: number;
      stage: "reading" | "parsing";
      done: number;
      total: number;
    }
  | { type: "failed"; protocolVersion: typeof IMPORT_PROTOCOL_VERSION; id: number; message: string };

const columnsOf = (b: SymbolBars) => [b.time, b.open, b.high, b.low, b.close, b.volume];

/** The buffers of a reply, moved rather than copied (shared ones travel as they are). */
export function importTransferables(reply: ImportReply): ArrayBuffer[] {
  if (reply.type !== "parsed") return [];
  return reply.bars.flatMap((b) =>
    columnsOf(b)
      .map((a) => a.buffer)
      .filter((buf): buf is ArrayBuffer => buf instanceof ArrayBuffer),
  );
}

/**
 * The bars with their columns in shared memory, where the page is cross-origin isolated: the page
 * then hands them to each run worker without copying them (the run worker copies them out before
 * it checks them, src/runtime/bar-columns.ts). As they were elsewhere.
 */
export function inSharedMemory(bars: readonly SymbolBars[]): SymbolBars[] {
  if (typeof SharedArrayBuffer === "undefined" || !globalThis.crossOriginIsolated) return [...bars];
  const share = (a: Float64Array) => {
    const out = new Float64Array(new SharedArrayBuffer(a.byteLength));
    out.set(a);
    return out;
  };
  return bars.map((b) => ({
    ...b,
    time: share(b.time),
    open: share(b.open),
    high: share(b.high),
    low: share(b.low),
    close: share(b.close),
    volume: share(b.volume),
  }));
}

/** True when `v` is a reply of this protocol version (anything else is dropped). */
export function isImportReply(v: unknown): v is ImportReply {
  if (typeof v !== "object" || v === null) return false;
  const r = v as { type?: unknown; protocolVersion?: unknown; id?: unknown };
  return (
    (r.type === "parsed" || r.type === "failed" || r.type === "progress") &&
    r.protocolVersion === IMPORT_PROTOCOL_VERSION &&
    typeof r.id === "number"
  );
}
