/**
 * Bars that reach the run worker already parsed (the page's import worker parsed the file): the
 * worker does not trust them. It checks their shape and every value against what the CSV parser
 * itself guarantees, and copies only the fields it knows into a fresh object (columns in shared
 * memory into its own, before checking them), so the run sees the same bars it would have parsed
 * from the text, or none.
 */
import { MAX_PRICE, MAX_SYMBOL_CHARS, type SymbolBars } from "../engine/data/symbol-bars";
const COLUMNS = ["time", "open", "high", "low", "close", "volume"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The first value of a price column that is not a number above zero and at most MAX_PRICE, or -1. */
function badPrice(col: Float64Array): number {
  for (let i = 0; i < col.length; i++) if (!(col[i]! > 0 && col[i]! <= MAX_PRICE)) return i;
  return -1;
}

/** What is wrong with one symbol's columns (the first thing found), or null. */
function problemOf(b: unknown): string | null {
  if (!isObject(b)) return "bars that are not an object";
  const { symbol, tickSize } = b;
  if (typeof symbol !== "string" || symbol === "" || symbol.length > MAX_SYMBOL_CHARS) return "bars without a symbol";
  for (const k of COLUMNS) if (!(b[k] instanceof Float64Array)) return `${symbol}'s ${k} that is not a Float64Array`;
  const { time, open, high, low, close, volume } = b as unknown as SymbolBars;
  const n = time.length;
  if (n === 0) return `${symbol} without bars`;
  if ([open, high, low, close, volume].some((c) => c.length !== n)) return `${symbol}'s columns of different lengths`;
  if (typeof tickSize !== "number" || !(tickSize > 0 && tickSize < Infinity)) return `${symbol} without a tick size`;
  for (const [name, col] of [
    ["open", open],
    ["high", high],
    ["low", low],
    ["close", close],
  ] as const) {
    const at = badPrice(col);
    if (at >= 0) return `${symbol}'s ${name} at bar ${at} that is not a price`;
  }
  for (let i = 0; i < n; i++) {
    const t = time[i]!;
    if (!Number.isFinite(t) || (i > 0 && !(t > time[i - 1]!))) return `${symbol}'s times out of order at bar ${i}`;
    const v = volume[i]!;
    if (!(v >= 0 && v < Infinity)) return `${symbol}'s volume at bar ${i} that is not a volume`;
    const o = open[i]!;
    const c = close[i]!;
    if (high[i]! < o || high[i]! < c || low[i]! > o || low[i]! > c) return `${symbol}'s bar ${i} outside its range`;
  }
  return null;
}

/**
 * Checks a source's parsed bars (anything the page sent): `{ bars }` with the columns copied out
 * of the message into fresh objects, or `{ problem }` naming the first thing wrong.
 */
export function readBarColumns(v: unknown): { bars: SymbolBars[] } | { problem: string } {
  if (!Array.isArray(v) || v.length === 0) return { problem: "parsed bars that are not a list" };
  const bars: SymbolBars[] = [];
  for (const b of v as unknown[]) {
    // Copied out first, then checked: what is checked is what runs, even from shared memory.
    const own = ownCopy(b);
    const problem = problemOf(own);
    if (problem !== null) return { problem };
    bars.push(own as SymbolBars);
  }
  return { bars };
}

/**
 * A column in this worker's own memory: one in shared memory is copied, any other taken as it is.
 * `slice()` copies shared memory in one move; `new Float64Array(shared)` and `set()` go value by
 * value, about 100 times slower (V8).
 */
function own(col: unknown): unknown {
  return col instanceof Float64Array && !(col.buffer instanceof ArrayBuffer) ? col.slice() : col;
}

/** The fields the run reads, and only those, from whatever was sent. */
function ownCopy(b: unknown): unknown {
  if (!isObject(b)) return b;
  return {
    symbol: b.symbol,
    time: own(b.time),
    open: own(b.open),
    high: own(b.high),
    low: own(b.low),
    close: own(b.close),
    volume: own(b.volume),
    tickSize: b.tickSize,
  };
}
