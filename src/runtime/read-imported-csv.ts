/**
 * What the import worker does with a file the user chose (or a Blob IndexedDB kept): reads its
 * bytes with progress and parses them as the CLI does (parseBarsCsvBytes: the common file is read
 * line by line from the bytes, without a text of the whole file; the same checks and messages as
 * parseBarsCsv). The text comes back only for a file short enough for a share link.
 */
import { parseBarsCsvBytes } from "../engine/data/csv/csv-bytes";
import type { NewColumn } from "../engine/data/csv/symbol-bars-builder";
import type { SymbolBars } from "../engine/data/symbol-bars";
import { TEXT_KEPT_BELOW_CHARS } from "./import-protocol";

/**
 * Bytes read per step. One read of the whole file is the fastest (each read is a round trip to
 * the browser's file system: 1 MB steps made a 10 MB file 4 times slower to read), so only a
 * file bigger than this is read in steps, with the bytes read reported after each.
 */
export const READ_SLICE_BYTES = 16 << 20;

/** A UTF-16 code unit is at most 3 bytes of UTF-8: a file this long is never a kept text. */
const MAX_BYTES_OF_KEPT_TEXT = 3 * TEXT_KEPT_BELOW_CHARS;

export interface ParsedCsvFile {
  bars: SymbolBars[];
  warnings: string[];
  /** Rows of bars, all symbols together. */
  rows: number;
  /** The file's text, when it is shorter than TEXT_KEPT_BELOW_CHARS. */
  text?: string;
}

export type ImportStage = "reading" | "parsing";

/**
 * Reads `file`: at once when it is at most `sliceBytes`, else a slice at a time into one buffer.
 * `onRead` hears the bytes read so far after each read.
 */
export async function readFileBytes(
  file: Blob,
  onRead?: (bytesRead: number) => void,
  sliceBytes = READ_SLICE_BYTES,
): Promise<Uint8Array> {
  if (file.size <= sliceBytes) {
    const whole = new Uint8Array(await file.arrayBuffer());
    onRead?.(whole.length);
    return whole;
  }
  const bytes = new Uint8Array(file.size);
  let done = 0;
  while (done < bytes.length) {
    const part = new Uint8Array(await file.slice(done, done + sliceBytes).arrayBuffer());
    // A file cut short while it was read (changed on disk) ends here rather than looping.
    if (part.length === 0) break;
    bytes.set(part, done);
    done += part.length;
    onRead?.(done);
  }
  return done === bytes.length ? bytes : bytes.subarray(0, done);
}

/**
 * Reads and parses a CSV file. `onProgress` hears the bytes read (of the file's size), then the
 * rows parsed (of the file's lines). `newColumn` makes the columns (plain Float64Arrays unless
 * given). Throws the parser's DataError (file, line and column).
 */
export async function readImportedCsv(
  file: Blob,
  name: string,
  onProgress?: (stage: ImportStage, done: number, total: number) => void,
  newColumn?: NewColumn,
): Promise<ParsedCsvFile> {
  const bytes = await readFileBytes(file, (done) => onProgress?.("reading", done, file.size));
  // As reading the file as UTF-8 text does: a byte-order mark kept (the parser drops it).
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const { bars, warnings } = parseBarsCsvBytes(
    bytes,
    name,
    (b) => decoder.decode(b),
    (done, total) => onProgress?.("parsing", done, total),
    newColumn,
  );
  const rows = bars.reduce((n, b) => n + b.time.length, 0);
  if (bytes.length >= MAX_BYTES_OF_KEPT_TEXT) return { bars, warnings, rows };
  // The kept text is what reading the file as text gives (a byte-order mark dropped).
  const text = new TextDecoder().decode(bytes);
  return text.length < TEXT_KEPT_BELOW_CHARS ? { bars, warnings, rows, text } : { bars, warnings, rows };
}
