import { DataError, type SymbolBars } from "../symbol-bars";
import { formatTime } from "./parse-time";
import { priceTick } from "./price-tick";

// One typed array per column, sized for the rows the file has: a file in time order (the usual
// case) hands its columns over as they are, with no second copy of every value; only an
// unsorted file is permuted into new columns.
type Field = "time" | "open" | "high" | "low" | "close" | "volume";

/**
 * Makes a column of `length` values: a plain Float64Array unless the caller wants its columns
 * elsewhere (the import worker puts them in shared memory, so they are not copied there after).
 */
export type NewColumn = (length: number) => Float64Array;
const plainColumn: NewColumn = (length) => new Float64Array(length);

/**
 * Collects the checked rows of one symbol, then sorts them (warning when it had to)
 * and rejects duplicate times, which cannot be fixed without guessing which row is right.
 */
export class SymbolBarsBuilder {
  private cols: Record<Field, Float64Array>;
  /** The file line of each row (for the duplicate-time message). */
  private lines: Uint32Array;
  private count = 0;
  private sorted = true;

  constructor(
    readonly symbol: string,
    private readonly file: string,
    private readonly dateColumn: number,
    /** True when the file has a symbol column, so messages must say which symbol. */
    private readonly multiSymbol: boolean,
    expectedRows = 256,
    private readonly newColumn: NewColumn = plainColumn,
  ) {
    const n = Math.max(1, expectedRows);
    this.cols = columns(() => newColumn(n));
    this.lines = new Uint32Array(n);
  }

  push(time: number, o: number, h: number, l: number, c: number, v: number, line: number): void {
    const at = this.count;
    if (at === this.lines.length) this.grow(at * 2);
    const cols = this.cols;
    if (at > 0 && time < cols.time[at - 1]!) this.sorted = false;
    cols.time[at] = time;
    cols.open[at] = o;
    cols.high[at] = h;
    cols.low[at] = l;
    cols.close[at] = c;
    cols.volume[at] = v;
    this.lines[at] = line;
    this.count++;
  }

  /** @param warnings receives the note that rows were sorted, when they were. */
  build(warnings: string[]): SymbolBars {
    this.fit();
    let cols = this.cols;
    let lines = this.lines;
    if (!this.sorted) {
      const whose = this.multiSymbol ? `rows of ${this.symbol}` : "rows";
      warnings.push(`${this.file}: ${whose} were not in time order; sorted them`);
      const order = this.sortOrder();
      cols = columns((f) => permute(this.cols[f], order, this.newColumn(order.length)));
      lines = Uint32Array.from(order, (i) => this.lines[i]!);
    }
    this.rejectDuplicates(cols.time, lines);
    const tickSize = priceTick([cols.open, cols.high, cols.low, cols.close]);
    return { symbol: this.symbol, ...cols, tickSize };
  }

  /**
   * Columns exactly as long as the rows: a view of the same memory when little is left over (a
   * file's trailing newline counted as a row), else a copy, so a big buffer is not kept for a few rows.
   */
  private fit(): void {
    const n = this.count;
    const capacity = this.lines.length;
    if (n === capacity) return;
    if (capacity - n > capacity / 8 + 16) return this.grow(n);
    this.cols = columns((f) => this.cols[f].subarray(0, n));
    this.lines = this.lines.subarray(0, n);
  }

  /** Moves the rows into columns of `size` rows. */
  private grow(size: number): void {
    const n = Math.min(size, this.count) || 0;
    this.cols = columns((f) => {
      const next = this.newColumn(size);
      next.set(this.cols[f].subarray(0, n));
      return next;
    });
    const lines = new Uint32Array(size);
    lines.set(this.lines.subarray(0, n));
    this.lines = lines;
  }

  private sortOrder(): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const time = this.cols.time;
    // Ties keep file order, so a duplicate is reported on its later line.
    order.sort((a, b) => time[a]! - time[b]! || a - b);
    return order;
  }

  private rejectDuplicates(time: Float64Array, lines: Uint32Array): void {
    for (let i = 1; i < time.length; i++) {
      if (time[i] !== time[i - 1]) continue;
      const earlier = lines[i - 1]!;
      const later = lines[i]!;
      const whose = this.multiSymbol ? ` for ${this.symbol}` : "";
      throw new DataError(
        this.file,
        later,
        this.dateColumn + 1,
        `duplicate time ${formatTime(time[i])}${whose} (already on line ${earlier})`,
      );
    }
  }
}

function columns(make: (field: Field) => Float64Array): Record<Field, Float64Array> {
  return {
    time: make("time"),
    open: make("open"),
    high: make("high"),
    low: make("low"),
    close: make("close"),
    volume: make("volume"),
  };
}

function permute(column: Float64Array, order: Uint32Array, out: Float64Array): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = column[order[i]!]!;
  return out;
}
