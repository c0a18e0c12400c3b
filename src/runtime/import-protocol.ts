/**
 * The protocol between the page and the CSV import worker: requests and replies as
 * discriminated unions on `type`, with a version; parsed columns travel as transferred
 * Float64Array buffers, so a 200,000-row file never holds the page up.
 *
 * The columns are in shared memory where the page is cross-origin isolated (`importColumns`).
 *
 * `read` hands the worker a file (a handle, not its bytes: the File the user chose, or the Blob
 * IndexedDB kept after a reload): the worker reads it with progress, decodes and parses it. The
 * page keeps the Blob itself (IndexedDB stores it, the run worker reads it): the text comes back
 * only for a file small enough to ride in a share link, so a 10 MB text never crosses to the page.
 */
import type { NewColumn } from "../engine/data/csv/symbol-bars-builder";
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
   * How far a `read` request got: bytes of the file read, then rows of it parsed (sent after each
   * read, of the whole file or of READ_SLICE_BYTES of a bigger one, and every 16,384 rows parsed).
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
 * How the import worker makes the columns it parses a file into: in shared memory where the page
 * is cross-origin isolated, so the page hands them to each run worker without copying them (the
 * run worker copies them out before it checks them, src/runtime/bar-columns.ts). Parsed straight
 * into shared memory, they are not copied there after the parse (9.6 MB of new memory for
 * 200,000 rows, 0.1–0.2 s on a busy machine). Undefined (plain arrays, moved) elsewhere.
 */
export function importColumns(): NewColumn | undefined {
  if (typeof SharedArrayBuffer === "undefined" || !globalThis.crossOriginIsolated) return undefined;
  return (length) => new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
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
