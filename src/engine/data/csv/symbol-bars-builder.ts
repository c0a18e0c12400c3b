import { DataError, type SymbolBars } from "../symbol-bars";
import { formatTime } from "./parse-time";

const DEFAULT_TICK_SIZE = 0.01;

// One interleaved buffer (time, open, high, low, close, volume, line) per row: a single
// growable typed array keeps a 200,000-row file from creating seven boxed JS arrays.
const STRIDE = 7;
const TIME = 0;
const LINE = 6;
const FIELD_SLOTS = { open: 1, high: 2, low: 3, close: 4, volume: 5 } as const;

/**
 * Collects the checked rows of one symbol, then sorts them (warning when it had to)
 * and rejects duplicate times, which cannot be fixed without guessing which row is right.
 */
export class SymbolBarsBuilder {
  private rows: Float64Array;
  private count = 0;
  private sorted = true;

  constructor(
    readonly symbol: string,
    private readonly file: string,
    private readonly dateColumn: number,
    /** True when the file has a symbol column, so messages must say which symbol. */
    private readonly multiSymbol: boolean,
    expectedRows = 256,
  ) {
    this.rows = new Float64Array(Math.max(1, expectedRows) * STRIDE);
  }

  push(time: number, o: number, h: number, l: number, c: number, v: number, line: number): void {
    let at = this.count * STRIDE;
    if (at === this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const rows = this.rows;
    if (this.count > 0 && time < rows[at - STRIDE + TIME]) this.sorted = false;
    rows[at++] = time;
    rows[at++] = o;
    rows[at++] = h;
    rows[at++] = l;
    rows[at++] = c;
    rows[at++] = v;
    rows[at] = line;
    this.count++;
  }

  /** @param warnings receives the note that rows were sorted, when they were. */
  build(warnings: string[]): SymbolBars {
    const order = this.sorted ? this.identityOrder() : this.sortOrder();
    if (!this.sorted) {
      const whose = this.multiSymbol ? `rows of ${this.symbol}` : "rows";
      warnings.push(`${this.file}: ${whose} were not in time order; sorted them`);
    }
    const time = this.column(order, TIME);
    this.rejectDuplicates(time, order);
    return {
      symbol: this.symbol,
      time,
      open: this.column(order, FIELD_SLOTS.open),
      high: this.column(order, FIELD_SLOTS.high),
      low: this.column(order, FIELD_SLOTS.low),
      close: this.column(order, FIELD_SLOTS.close),
      volume: this.column(order, FIELD_SLOTS.volume),
      tickSize: DEFAULT_TICK_SIZE,
    };
  }

  private column(order: Uint32Array, slot: number): Float64Array {
    const out = new Float64Array(this.count);
    for (let i = 0; i < out.length; i++) out[i] = this.rows[order[i] * STRIDE + slot];
    return out;
  }

  private identityOrder(): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order;
  }

  private sortOrder(): Uint32Array {
    const order = this.identityOrder();
    const rows = this.rows;
    // Ties keep file order, so a duplicate is reported on its later line.
    order.sort((a, b) => rows[a * STRIDE + TIME] - rows[b * STRIDE + TIME] || a - b);
    return order;
  }

  private rejectDuplicates(time: Float64Array, order: Uint32Array): void {
    for (let i = 1; i < time.length; i++) {
      if (time[i] !== time[i - 1]) continue;
      const earlier = this.rows[order[i - 1] * STRIDE + LINE];
      const later = this.rows[order[i] * STRIDE + LINE];
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
