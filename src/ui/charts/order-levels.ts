import type { OrderSnapshot } from "../../engine/events";
import { orderLabel, type OrderLabel } from "../../engine/orders/order-label";
import type { FillEvent, OrderRow, OrderTable, StopMovedEvent } from "../../store/run-results";
import { lastIndexAtOrBefore } from "../../engine/data/sorted-search";

/** How a level is drawn: a stop (dashed), a limit (solid) or a trailing stop (a step line). */
export type LevelKind = "stop" | "limit" | "trailing";
/** How a level ended: the leg that filled ends in an exit marker, a cancelled one fades. */
export type LevelOutcome = "filled" | "cancelled" | "expired" | "triggered" | "open";

/** One working price of one order, from the bar it became active to the bar it ended. */
export interface ChartLevel {
  orderId: string;
  role: OrderLabel;
  kind: LevelKind;
  /** [Unix ms, price], in time order; the price holds until the next point (a step). */
  points: Array<[number, number]>;
  outcome: LevelOutcome;
}

/** One fill as the chart marks it. */
export interface ChartMarker {
  orderId: string;
  time: number;
  price: number;
  amount: number;
  role: OrderLabel;
  /** True when the order closes (a bracket leg, OCO leg, trailing stop or a plain stop/limit that reduced). */
  exit: boolean;
  commission: number;
  /** Price before slippage, when the engine said. */
  basePrice: number | null;
}

export interface OrderLayerInput {
  orders: OrderTable;
  orderIds: readonly string[];
  /** The store's log of changed orders (ResultsState.orderUpdates). */
  orderUpdates: readonly string[];
  stopMoves: readonly StopMovedEvent[];
  fills: readonly FillEvent[];
  symbol: string;
  /** Bar times of the symbol on the chart (Unix ms, ascending). */
  barTimes: Float64Array | null;
  /** The last bar the run has reached (Unix ms): where open levels end for now. */
  lastTime: number;
}

const ENDS: Partial<Record<string, LevelOutcome>> = {
  OrderFilled: "filled",
  OrderCancelled: "cancelled",
  OrderExpired: "expired",
};

/** Index of the first time strictly after `t` in ascending `times` (times.length when none). */
function firstAfter(times: Float64Array, t: number): number {
  return lastIndexAtOrBefore(times, t) + 1;
}

/**
 * When an order starts working: a bracket child from the bar its entry filled (it is
 * released mid-bar); any other order from the bar after the one it was placed on (the
 * engine matches orders against later bars only). Null while held or when rejected.
 */
export function activeFrom(row: OrderRow, barTimes: Float64Array | null): number | null {
  let placed: number | null = null;
  for (const h of row.history) {
    if (h.event === "OrderReleased") return h.dt;
    if (h.event === "OrderAccepted") placed = h.dt;
  }
  if (placed === null) return null;
  if (!barTimes || barTimes.length === 0) return placed;
  const i = firstAfter(barTimes, placed);
  return i < barTimes.length ? barTimes[i]! : placed;
}

/** The bar it ended on and how (filled, cancelled, expired), or open up to `lastTime`. */
export function endOf(row: OrderRow, lastTime: number): { end: number; outcome: LevelOutcome } {
  for (const h of row.history) {
    const outcome = ENDS[h.event];
    if (outcome) return { end: h.dt, outcome };
  }
  return { end: Math.max(lastTime, row.history[row.history.length - 1]?.dt ?? lastTime), outcome: "open" };
}

function triggeredAt(row: OrderRow): number | null {
  return row.history.find((h) => h.event === "OrderTriggered")?.dt ?? null;
}

/**
 * The levels of one order: a stop, a limit, a stop-limit's stop (until it triggered) and its
 * limit (from then on, or for its whole life if it never triggered), a trailing stop's steps.
 * A market order has none; nor has an order that never became active (held, rejected).
 */
export function levelsOfOrder(
  row: OrderRow,
  moves: readonly StopMovedEvent[] | undefined,
  barTimes: Float64Array | null,
  lastTime: number,
): ChartLevel[] {
  const o = row.order;
  if (o.type === "market") return [];
  const start = activeFrom(row, barTimes);
  if (start === null) return [];
  const { end: rawEnd, outcome } = endOf(row, lastTime);
  // Cancelled on the bar it was placed: it never worked, but it was there (a point).
  const end = Math.max(rawEnd, start);
  const from = Math.min(start, rawEnd);
  const role = orderLabel(o);
  const flat = (kind: LevelKind, price: number, a: number, b: number, out: LevelOutcome): ChartLevel => ({
    orderId: o.id,
    role,
    kind,
    points:
      a === b
        ? [[a, price]]
        : [
            [a, price],
            [b, price],
          ],
    outcome: out,
  });
  switch (o.type) {
    case "limit":
      return o.limit === null ? [] : [flat("limit", o.limit, from, end, outcome)];
    case "stop":
      return o.stop === null ? [] : [flat("stop", o.stop, from, end, outcome)];
    case "stopLimit": {
      const out: ChartLevel[] = [];
      const trig = triggeredAt(row);
      if (o.stop !== null) out.push(flat("stop", o.stop, from, trig ?? end, trig === null ? outcome : "triggered"));
      if (o.limit !== null) out.push(flat("limit", o.limit, trig ?? from, end, outcome));
      return out;
    }
    case "trailingStop":
      return [trailingLevel(row, role, moves ?? [], barTimes, from, end, outcome)];
  }
}

function trailingLevel(
  row: OrderRow,
  role: OrderLabel,
  moves: readonly StopMovedEvent[],
  barTimes: Float64Array | null,
  from: number,
  end: number,
  outcome: LevelOutcome,
): ChartLevel {
  const points: Array<[number, number]> = [];
  for (const m of moves) {
    // A stop moved after bar k's matching is the one bar k + 1 is matched against.
    const i = barTimes ? firstAfter(barTimes, m.dt) : -1;
    const at = barTimes && i < barTimes.length ? barTimes[i]! : m.dt;
    if (at > end) break;
    const p: [number, number] = [Math.max(at, from), m.stop];
    // One point per bar: the stop the bar ended with.
    if (points.length > 0 && points[points.length - 1]![0] >= p[0]) points[points.length - 1] = p;
    else points.push(p);
  }
  if (points.length === 0 && row.order.stop !== null) points.push([from, row.order.stop]);
  const last = points[points.length - 1];
  if (last && last[0] < end) points.push([end, last[1]]);
  return { orderId: row.order.id, role, kind: "trailing", points, outcome };
}

/** The chart's marker for one fill. `exit` from the order's role, or from the position it reduced. */
export function markerOfFill(
  f: FillEvent,
  order: Pick<OrderSnapshot, "role" | "type"> | undefined,
  reduces: boolean,
): ChartMarker {
  const role = order ? orderLabel(order) : "signal";
  const exitRole =
    role !== "entry" && role !== "signal" && role !== "stop" && role !== "limit" && role !== "stop-limit";
  return {
    orderId: f.orderId,
    time: f.dt,
    price: f.price,
    amount: f.amount,
    role,
    exit: exitRole || reduces,
    commission: f.commission,
    basePrice: f.basePrice ?? null,
  };
}

/**
 * What the chart draws for the run's orders on one symbol, kept up to date as batches arrive:
 * `sync` looks only at what changed since the last call (order rows are replaced when they
 * change; fills and stop moves only grow), so a long run costs about the same per batch.
 * A new symbol or a new run (the lists shrink) builds afresh.
 */
export class OrderLayerModel {
  /** Levels per order id, for the orders of the symbol that have any. */
  readonly levels = new Map<string, ChartLevel[]>();
  readonly markers: ChartMarker[] = [];
  private symbol = "";
  private barTimes: Float64Array | null = null;
  private rows = new Map<string, OrderRow>();
  private moves = new Map<string, StopMovedEvent[]>();
  private fillsSeen = 0;
  private movesSeen = 0;
  private updatesSeen = 0;
  /** Each order's place in `orderIds`, for the orders seen so far. */
  private placement = new Map<string, number>();
  private openIds = new Set<string>();
  private position = 0;
  private lastTime = 0;
  /** Bumped whenever anything drawn changed. */
  version = 0;
  /** Ambiguous bars of this symbol (from the final results). */
  flags: Array<{ time: number; orderIds: readonly string[] }> = [];
  private flagsFrom: unknown = null;

  /**
   * The results' ambiguous bars for `symbol`; true when the flags drawn changed. A new list of the
   * same flags (a streaming run has none, and its finished results none either, in a new array)
   * is no change: it repainted every marker of the run at its end, for nothing.
   */
  setFlags(list: ReadonlyArray<{ dt: string; symbol: string; orderIds: readonly string[] }>, symbol: string): boolean {
    const key = `${symbol}`;
    if (this.flagsFrom === list && this.flagsSymbol === key) return false;
    this.flagsFrom = list;
    this.flagsSymbol = key;
    const flags = list
      .filter((a) => a.symbol === symbol)
      .map((a) => ({ time: Date.parse(a.dt), orderIds: a.orderIds }));
    const was = this.flags;
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (
      flags.length === was.length &&
      flags.every((f, i) => f.time === was[i]!.time && same(f.orderIds, was[i]!.orderIds))
    )
      return false;
    this.flags = flags;
    return true;
  }
  private flagsSymbol = "";

  /**
   * Brings the model up to `input`; true when anything drawn changed. With `until` (a
   * `performance.now()` time) it stops once that has passed, with `behind` set and nothing drawn
   * changed yet: called again (with the same or a later input) it goes on from there, so a long
   * catch-up is a few short tasks with the page's turns between them.
   */
  sync(input: OrderLayerInput, until = Infinity): boolean {
    const { orders, orderIds, orderUpdates, stopMoves, fills, symbol, barTimes, lastTime } = input;
    const fresh =
      symbol !== this.symbol ||
      barTimes !== this.barTimes ||
      fills.length < this.fillsSeen ||
      stopMoves.length < this.movesSeen ||
      orderUpdates.length < this.updatesSeen ||
      orderIds.length < this.rows.size;
    if (fresh) this.reset(symbol, barTimes);
    this.behind = false;
    let changed = fresh || this.changedSoFar;
    // The clock is read every 128 steps of this call (a call always gets somewhere).
    let steps = 0;
    const over = () => (++steps & 127) === 0 && performance.now() > until;
    for (let i = this.movesSeen; i < stopMoves.length; i++) {
      const m = stopMoves[i]!;
      if (m.symbol !== symbol) continue;
      let list = this.moves.get(m.orderId);
      if (!list) this.moves.set(m.orderId, (list = []));
      list.push(m);
      this.moved.add(m.orderId);
    }
    this.movesSeen = stopMoves.length;
    for (let i = this.fillsSeen; i < fills.length; i++) {
      if (over()) return this.stop(changed);
      const f = fills[i]!;
      this.fillsSeen = i + 1;
      if (f.symbol !== symbol) continue;
      const before = this.position;
      this.position += f.amount;
      const reduces = before !== 0 && Math.sign(f.amount) !== Math.sign(before);
      this.markers.push(markerOfFill(f, orders.kindOf(f.orderId), reduces));
      changed = true;
    }
    this.lastMoved ||= lastTime !== this.lastTime;
    this.lastTime = lastTime;
    // Only the orders changed since the last call, taken in placement order as a full pass would.
    for (let i = this.placement.size; i < orderIds.length; i++) this.placement.set(orderIds[i]!, i);
    for (;;) {
      if (this.todoAt >= this.todo.length) {
        if (this.updatesSeen >= orderUpdates.length) break;
        const place = (id: string) => this.placement.get(id) ?? Infinity;
        this.todo = [...new Set(orderUpdates.slice(this.updatesSeen))].sort((a, b) => place(a) - place(b));
        this.todoAt = 0;
        this.updatesSeen = orderUpdates.length;
      }
      for (; this.todoAt < this.todo.length; this.todoAt++) {
        if (over()) return this.stop(changed);
        const id = this.todo[this.todoAt]!;
        const kind = orders.kindOf(id);
        // A market order has no level (levelsOfOrder): its row, with its history, is not made for nothing.
        if (!kind || kind.symbol !== symbol || (kind.type === "market" && !this.levels.has(id))) continue;
        const row = orders.get(id);
        if (!row || this.rows.get(id) === row) continue;
        changed = this.rebuild(id, row) || changed;
      }
    }
    // Open levels reach the run's last bar: they grow with it; a trailing stop that moved is redrawn.
    const redo = this.lastMoved ? new Set([...this.openIds, ...this.moved]) : this.moved;
    for (const id of redo) {
      const row = orders.get(id);
      if (row && row.order.symbol === symbol) changed = this.rebuild(id, row) || changed;
    }
    this.moved = new Set();
    this.lastMoved = false;
    this.changedSoFar = false;
    if (changed) this.version++;
    return changed;
  }

  /** True when the last sync stopped at its time with work left: call it again. */
  behind = false;
  /** Orders changed since the sync before, in placement order, and how many of them were looked at. */
  private todo: string[] = [];
  private todoAt = 0;
  /** What a sync that stopped early had found changed (drawn once it is done). */
  private changedSoFar = false;
  private moved = new Set<string>();
  private lastMoved = false;

  private stop(changed: boolean): boolean {
    this.behind = true;
    this.changedSoFar = changed;
    return false;
  }

  private rebuild(id: string, row: OrderRow): boolean {
    this.rows.set(id, row);
    const lv = levelsOfOrder(row, this.moves.get(id), this.barTimes, this.lastTime);
    const had = this.levels.has(id);
    if (lv.length === 0) {
      this.levels.delete(id);
      this.openIds.delete(id);
      return had;
    }
    this.levels.set(id, lv);
    if (lv.some((l) => l.outcome === "open")) this.openIds.add(id);
    else this.openIds.delete(id);
    return true;
  }

  private reset(symbol: string, barTimes: Float64Array | null): void {
    this.symbol = symbol;
    this.barTimes = barTimes;
    this.levels.clear();
    this.markers.length = 0;
    this.rows.clear();
    this.moves.clear();
    this.openIds.clear();
    this.fillsSeen = 0;
    this.movesSeen = 0;
    this.updatesSeen = 0;
    this.placement.clear();
    this.position = 0;
    this.todo = [];
    this.todoAt = 0;
    this.changedSoFar = false;
    this.moved = new Set();
    this.lastMoved = false;
  }

  /** Every level, in placement order of their orders. */
  allLevels(): ChartLevel[] {
    return [...this.levels.values()].flat();
  }
}
