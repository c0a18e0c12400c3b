import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import type { FillEvent, OrderRow, StopMovedEvent } from "../../store/run-results";
import type { EquityBuffer, SeriesBuffer } from "../../store/series-buffer";
import { firstIndexWhere, lastIndexAtOrBefore } from "../../engine/data/sorted-search";
import { forwardFill } from "../../engine/data/forward-fill";
import { isFinalEvent } from "../../engine/orders/order-status";

/** Chart times are Unix seconds; the engine's are Unix ms. */
export const toChartTime = (ms: number) => (ms / 1000) as UTCTimestamp;

export type PricePoint = { time: UTCTimestamp; value: number } | { time: UTCTimestamp };

function formatPrice(p: number): string {
  return p.toFixed(p >= 1000 ? 0 : 2);
}

/** Past this many fills in view, labels would cover the candles: arrows only. */
export const MAX_LABELLED_MARKERS = 60;

/** One marker per fill of `symbol`: buys green below the bar, sells red above, labelled "B 100 @ 123.45". */
export function fillMarkers(fills: readonly FillEvent[], symbol: string): SeriesMarker<UTCTimestamp>[] {
  const out: SeriesMarker<UTCTimestamp>[] = [];
  for (const f of fills) {
    if (f.symbol !== symbol) continue;
    const buy = f.amount > 0;
    out.push({
      time: toChartTime(f.dt),
      position: buy ? "belowBar" : "aboveBar",
      color: buy ? "#26a69a" : "#ef5350",
      shape: buy ? "arrowUp" : "arrowDown",
      text: `${buy ? "B" : "S"} ${Math.abs(f.amount)} @ ${formatPrice(f.price)}`,
    });
  }
  // The fills arrive in time order; a stable sort keeps same-bar fills in fill order.
  return out.sort((a, b) => a.time - b.time);
}

/** A level drawn over the candles: a trailing stop's steps or a bracket leg's price. */
export interface LevelLine {
  orderId: string;
  kind: "trailingStop" | "stopLoss" | "takeProfit";
  points: Array<{ time: UTCTimestamp; value: number }>;
}

function endOf(row: OrderRow, lastTime: number): number {
  return row.history.find((h) => isFinalEvent(h.event))?.dt ?? lastTime;
}

/** Keeps the last point of each time: chart series need strictly increasing times. */
function dedupe(points: Array<{ time: UTCTimestamp; value: number }>): Array<{ time: UTCTimestamp; value: number }> {
  const out: Array<{ time: UTCTimestamp; value: number }> = [];
  for (const p of points) {
    if (out.length > 0 && out[out.length - 1]!.time >= p.time)
      out[out.length - 1] = { time: out[out.length - 1]!.time, value: p.value };
    else out.push(p);
  }
  return out;
}

/**
 * Trailing-stop step lines (from stopMoved events) and bracket stop-loss / take-profit
 * levels from activation to exit, for one symbol.
 */
export function levelLines(
  orders: Readonly<Record<string, OrderRow>>,
  orderIds: readonly string[],
  stopMoves: readonly StopMovedEvent[],
  symbol: string,
  lastTime: number,
): LevelLine[] {
  const lines: LevelLine[] = [];
  const moves = new Map<string, StopMovedEvent[]>();
  for (const m of stopMoves) {
    if (m.symbol !== symbol) continue;
    let list = moves.get(m.orderId);
    if (!list) moves.set(m.orderId, (list = []));
    list.push(m);
  }
  for (const id of orderIds) {
    const row = orders[id];
    if (!row || row.order.symbol !== symbol) continue;
    const { order } = row;
    if (order.type === "trailingStop") {
      const steps = moves.get(id);
      if (!steps || steps.length === 0) continue;
      const pts = steps.map((s) => ({ time: toChartTime(s.dt), value: s.stop }));
      const end = endOf(row, lastTime);
      pts.push({ time: toChartTime(end), value: steps[steps.length - 1]!.stop });
      lines.push({ orderId: id, kind: "trailingStop", points: dedupe(pts) });
    } else if (order.role === "stopLoss" || order.role === "takeProfit") {
      const level = order.role === "stopLoss" ? order.stop : order.limit;
      const released = row.history.find((h) => h.event === "OrderReleased");
      if (level === null || !released) continue;
      const pts = [
        { time: toChartTime(released.dt), value: level },
        { time: toChartTime(endOf(row, lastTime)), value: level },
      ];
      lines.push({ orderId: id, kind: order.role, points: dedupe(pts) });
    }
  }
  return lines;
}

/** A record() series as line data. */
export function recordPoints(buf: SeriesBuffer): Array<{ time: UTCTimestamp; value: number }> {
  const out: Array<{ time: UTCTimestamp; value: number }> = [];
  let last = -Infinity;
  for (let i = 0; i < buf.length; i++) {
    const t = toChartTime(buf.time[i]!);
    const v = buf.value[i]!;
    if (!Number.isFinite(v)) continue;
    if (t <= last) out[out.length - 1] = { time: out[out.length - 1]!.time, value: v };
    else out.push({ time: t, value: v });
    last = Math.max(last, t);
  }
  return out;
}

/**
 * For each time of `frame` (Unix ms ascending), the index of the point at that time in the
 * first `length` of `times`, or -1 where there is none. Without a frame, the points' own times.
 */
function alignOnFrame(
  times: Float64Array,
  length: number,
  frame: Float64Array | null,
): { times: ArrayLike<number>; index: Int32Array } {
  if (!frame) return { times: times.subarray(0, length), index: Int32Array.from({ length }, (_, i) => i) };
  const index = new Int32Array(frame.length).fill(-1);
  let j = 0;
  for (let i = 0; i < frame.length; i++) {
    const t = frame[i]!;
    while (j < length && times[j]! < t) j++;
    if (j < length && times[j] === t) index[i] = j;
  }
  return { times: frame, index };
}

/**
 * Equity and drawdown laid on the price chart's timeline (`frame`, Unix ms ascending):
 * a whitespace point where the run has no value yet, so bar i of both charts is the same
 * time and their logical ranges can be synchronised. Without a frame, the equity's own times.
 */
export function equityOnFrame(
  equity: EquityBuffer,
  drawdown: Float64Array,
  frame: Float64Array | null,
): { equity: PricePoint[]; drawdown: PricePoint[] } {
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const eq: PricePoint[] = [];
  const dd: PricePoint[] = [];
  for (let i = 0; i < index.length; i++) {
    const time = toChartTime(times[i]!);
    const j = index[i]!;
    if (j >= 0) {
      eq.push({ time, value: equity.value[j]! });
      dd.push({ time, value: drawdown[j]! * 100 });
    } else {
      eq.push({ time });
      dd.push({ time });
    }
  }
  return { equity: eq, drawdown: dd };
}

/**
 * The benchmark as if the starting cash had bought it at the run's start:
 * startingCash × close / first close, where each equity point takes the benchmark's last
 * close at or before its time (as the engine's benchmark return does, so the line ends at
 * the Metrics tab's return). Only at the equity's points, so it grows with the run, and on
 * the same frame as equityOnFrame; whitespace elsewhere and before the benchmark's first bar.
 */
export function benchmarkOnFrame(
  equity: SeriesBuffer,
  benchmark: { time: Float64Array; close: Float64Array },
  startingCash: number,
  frame: Float64Array | null,
): PricePoint[] {
  const value = forwardFill(equity.time, equity.length, { time: benchmark.time, value: benchmark.close });
  const first = value.find((v) => !Number.isNaN(v)) ?? NaN;
  for (let j = 0; j < value.length; j++) value[j] = (startingCash * value[j]!) / first;
  const { times, index } = alignOnFrame(equity.time, equity.length, frame);
  const out: PricePoint[] = [];
  for (let i = 0; i < index.length; i++) {
    const time = toChartTime(times[i]!);
    const v = index[i]! >= 0 ? value[index[i]!]! : NaN;
    out.push(Number.isFinite(v) ? { time, value: v } : { time });
  }
  return out;
}

/** Index of the bar at or just before `t` in ascending `times` (0 when before all). */
export function barIndexAt(times: Float64Array, t: number): number {
  return Math.max(0, lastIndexAtOrBefore(times, t));
}

/** How many markers fall within [from, to] (chart seconds); `markers` sorted by time. */
export function markersBetween(markers: readonly SeriesMarker<UTCTimestamp>[], from: number, to: number): number {
  const lower = (t: number) => firstIndexWhere(markers.length, (i) => markers[i]!.time >= t);
  const first = lower(from);
  let last = lower(to);
  while (last < markers.length && markers[last]!.time === to) last++;
  return last - first;
}

/** The same markers as small unlabelled arrows, for a crowded view. */
export function unlabelled(markers: readonly SeriesMarker<UTCTimestamp>[]): SeriesMarker<UTCTimestamp>[] {
  return markers.map((m) => ({ ...m, text: undefined, size: 0.6 }));
}

/** A point of a level lane; a transparent point hides the segment that leaves it. */
export interface LanePoint {
  time: UTCTimestamp;
  value: number;
  color?: string;
}

/** Level lines of one kind sharing one chart series. */
export interface LevelLane {
  kind: LevelLine["kind"];
  points: LanePoint[];
}

const HIDDEN = "transparent";

/**
 * Packs level lines into as few series as possible (hundreds of bracket legs would otherwise
 * be hundreds of series). Line series join every point, whitespace included, so the gap
 * between two lines of a lane is drawn in a transparent colour: the chart colours a segment
 * with the colour of the point it leaves. That needs a bar strictly between one line's end
 * and the next one's start, for a hidden point at the next line's level (so a step line does
 * not jump visibly). Only existing bar times are used, so the time scale is untouched.
 */
export function packLevelLines(lines: readonly LevelLine[], barTimes: Float64Array): LevelLane[] {
  const lanes: Array<LevelLane & { end: number }> = [];
  const sorted = [...lines].sort((a, b) => a.points[0]!.time - b.points[0]!.time);
  for (const line of sorted) {
    const first = line.points[0]!;
    const end = line.points[line.points.length - 1]!.time;
    let lane = lanes.find((l) => l.kind === line.kind && l.end < first.time);
    // The bar just before the line starts, which must come after the lane's last point.
    const before = barIndexAt(barTimes, first.time * 1000 - 1);
    const gapTime = barTimes.length > 0 ? toChartTime(barTimes[before]!) : first.time;
    if (lane && !(gapTime > lane.end && gapTime < first.time)) lane = undefined;
    if (lane) {
      const last = lane.points[lane.points.length - 1]!;
      lane.points[lane.points.length - 1] = { ...last, color: HIDDEN };
      lane.points.push({ time: gapTime, value: first.value, color: HIDDEN }, ...line.points);
      lane.end = end;
    } else {
      lanes.push({ kind: line.kind, points: [...line.points], end });
    }
  }
  return lanes.map(({ kind, points }) => ({ kind, points }));
}
