/**
 * The parsed bars of a big CSV file, kept on disk so that running again on the same file reads
 * its columns instead of parsing 200,000 rows again (the type check's verdict and V8's code cache
 * are kept the same way, under node_modules/.cache/strategy-playground/).
 *
 * An entry is named by a hash of the file's path and of what git looks at to tell a file changed
 * (device, inode, size, modification and change times: a change time cannot be set back, so an
 * edit that keeps size and modification time still misses), and of the parser's own code (the
 * bundle it is in, by size and time). An entry keeps a SHA-256 digest of what it describes (the
 * warnings, each symbol's name, tick size and bar count, and the columns), taken from the
 * parser's own output when it was written, and a run gets the bars only when the entry still
 * gives that digest: they are then exactly the ones the parser gave (a value changed on disk is
 * seen even when it still looks like a bar), and hashing 9.6 MB natively costs a fraction of
 * checking 1.2 million values in a cold loop. An entry that cannot be read, is cut short or fails
 * the digest is parsed again. Only files of at least MIN_CACHED_FILE_BYTES are kept, and the
 * folder is trimmed to MAX_CACHE_BYTES, oldest entries first.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import type { Stats } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedBars } from "../engine/data/csv/csv-parser";
import type { SymbolBars } from "../engine/data/symbol-bars";

export const PARSED_DATA_CACHE = fileURLToPath(
  new URL("../../node_modules/.cache/strategy-playground/parsed-data", import.meta.url),
);
/** Smaller files parse in a few milliseconds: not worth an entry. */
export const MIN_CACHED_FILE_BYTES = 1 << 20;
const MAX_CACHE_BYTES = 512 << 20;
/** Bump when the layout below changes. */
const FORMAT = 2;
const COLUMNS = ["time", "open", "high", "low", "close", "volume"] as const;

export interface ParsedDataCache {
  dir: string;
  /** Names the parser's code: an entry made by another build is another entry. */
  parser: string;
}

/**
 * The cache of the prebuilt CLI, named by its bundle; none when the CLI runs from its sources
 * (tests), where the parser's code is many files.
 */
export function bundledParsedDataCache(): ParsedDataCache | undefined {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".js")) return undefined;
  const st = statSync(self);
  return { dir: PARSED_DATA_CACHE, parser: `${self}:${st.size}:${st.mtimeMs}` };
}

function entryOf(file: string, st: Stats, cache: ParsedDataCache): string {
  const key = JSON.stringify([FORMAT, cache.parser, resolve(file), st.dev, st.ino, st.size, st.mtimeMs, st.ctimeMs]);
  return join(cache.dir, createHash("sha256").update(key).digest("hex") + ".bars");
}

/**
 * `parse()`, or what it gave last time for this same file. Layout of an entry: a 4-byte length,
 * that many bytes of JSON (warnings, each symbol's name, tick size and bar count, and the digest
 * of those and of the columns), zeros to a multiple of 8, then each symbol's six columns of
 * float64 in COLUMNS order.
 */
export function cachedParse(file: string, cache: ParsedDataCache | undefined, parse: () => ParsedBars): ParsedBars {
  const st = cache && statSync(file);
  if (!cache || !st || st.size < MIN_CACHED_FILE_BYTES) return parse();
  const entry = entryOf(file, st, cache);
  const kept = readEntry(entry);
  if (kept) return kept;
  const parsed = parse();
  writeEntry(entry, parsed, cache.dir);
  return parsed;
}

/** What an entry says of the bars besides their columns. */
interface Described {
  warnings: string[];
  symbols: { symbol: string; tickSize: number; bars: number }[];
}

interface Header extends Described {
  /** SHA-256 (hex) of the rest of the header's JSON and of every column's bytes, as laid out. */
  digest: string;
}

/** The digest of an entry's description and its columns as laid out. */
function digestOf(described: Described, columns: readonly Uint8Array[]): string {
  const hash = createHash("sha256").update(JSON.stringify(described));
  for (const c of columns) hash.update(c);
  return hash.digest("hex");
}

/** A column's bytes, in place. */
const bytesOf = (col: Float64Array) => new Uint8Array(col.buffer, col.byteOffset, col.byteLength);

const align8 = (n: number) => (n + 7) & ~7;

function readEntry(entry: string): ParsedBars | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(entry);
  } catch {
    return undefined;
  }
  try {
    const length = buf.readUInt32LE(0);
    const { digest, ...described } = JSON.parse(buf.toString("utf8", 4, 4 + length)) as Header;
    // Views of the file's own memory when it is aligned (it is, for a file this big), else a copy.
    const bytes = buf.byteOffset % 8 === 0 ? buf : Buffer.from(buf);
    const start = bytes.byteOffset + align8(4 + length);
    let at = start;
    const bars = described.symbols.map(({ symbol, tickSize, bars: n }) => {
      const cols = COLUMNS.map(() => {
        const col = new Float64Array(bytes.buffer, at, n);
        at += n * 8;
        return col;
      });
      const [time, open, high, low, close, volume] = cols as [Float64Array, ...Float64Array[]];
      return { symbol, tickSize, time, open, high, low, close, volume } as SymbolBars;
    });
    if (at !== bytes.byteOffset + bytes.length) return undefined;
    // JSON.parse then JSON.stringify gives back the text JSON.stringify wrote: the same digest.
    if (digestOf(described, [new Uint8Array(bytes.buffer, start, at - start)]) !== digest) return undefined;
    return { bars, warnings: described.warnings };
  } catch {
    return undefined; // cut short or not ours: parse again
  }
}

function writeEntry(entry: string, parsed: ParsedBars, dir: string): void {
  const columns = parsed.bars.flatMap((b) => COLUMNS.map((k) => bytesOf(b[k])));
  const described: Described = {
    warnings: parsed.warnings,
    symbols: parsed.bars.map((b) => ({ symbol: b.symbol, tickSize: b.tickSize, bars: b.time.length })),
  };
  const header: Header = { ...described, digest: digestOf(described, columns) };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const head = Buffer.alloc(align8(4 + json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  const partial = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(partial, "w");
    try {
      for (const bytes of [head, ...columns]) {
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(partial, entry); // whole or absent, even with two runs at once
    trim(dir);
  } catch {
    // A read-only checkout, a full disk or no such folder: parse every time.
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Removes the oldest entries while the folder holds more than MAX_CACHE_BYTES. */
function trim(dir: string): void {
  const entries = readdirSync(dir)
    .filter((name) => name.endsWith(".bars"))
    .map((name) => ({ path: join(dir, name), st: statSync(join(dir, name)) }))
    .sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
  let total = 0;
  for (const e of entries) {
    total += e.st.size;
    if (total > MAX_CACHE_BYTES) rmSync(e.path, { force: true });
  }
}
