/**
 * A CSV file read from its bytes (the CLI reads files from disk): the common file, without
 * quotes, is read line by line straight from the bytes, with no text made of the whole file and
 * no string per cell, by the same RowReader and with the same checks, rows and messages as
 * parseBarsCsv. A line the direct read hands back is decoded and read as text, as there. Any
 * other file (quotes, one line, blank) is decoded whole and given to parseBarsCsv.
 */
import { countLines, type Lines, type ParsedBars, parseBarsCsv, parseLines, type ParseProgress } from "./csv-parser";
import type { RowReader } from "./row-reader";
import type { NewColumn } from "./symbol-bars-builder";

const NEWLINE = 10;
const QUOTE = 34;
const SPACE = 32;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** True when the bytes from `from` are ASCII white space only (then the text would trim to ""). */
function blank(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! > SPACE) return false;
  return true;
}

/**
 * parseBarsCsv for a file's bytes (UTF-8). `decode` turns bytes into text exactly as reading the
 * file as UTF-8 text would (a leading byte-order mark kept), for the lines and files read as text.
 * `newColumn` makes the columns (plain Float64Arrays unless given).
 */
export function parseBarsCsvBytes(
  bytes: Uint8Array,
  fileName: string,
  decode: (bytes: Uint8Array) => string,
  onProgress?: ParseProgress,
  newColumn?: NewColumn,
): ParsedBars {
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b) ? UTF8_BOM.length : 0;
  const plain = !bytes.includes(QUOTE) && bytes.includes(NEWLINE, bom) && !blank(bytes, bom);
  if (!plain) return parseBarsCsv(decode(bytes), fileName, onProgress, newColumn);
  // A subarray: the lines start at 0 after a byte-order mark; indexOf is Node's fast Buffer search
  // when the caller passes a Buffer.
  const body = bytes.subarray(bom);
  const newline = (from: number) => body.indexOf(NEWLINE, from);
  const lines: Lines = {
    count: countLines(newline, 0),
    length: body.length,
    newline,
    code: (i) => body[i]!,
    cells: (from, to) => decode(body.subarray(from, to)).split(","),
  };
  const direct = (reader: RowReader, from: number, to: number, line: number) =>
    reader.readBytesLine(body, from, to, line);
  return parseLines(lines, direct, fileName, onProgress, newColumn);
}
