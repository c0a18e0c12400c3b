import { appStoreApi } from "../../store/store";
import { extendDebugApi } from "../debug-api";
import type { PriceChartView } from "./price-chart-view";
import type { LevelKind, LevelOutcome, OrderLayerModel } from "./order-levels";
import { markerText } from "./order-style";
import { rowsReady } from "../../runtime/results-rows";

const iso = (ms: number) => new Date(ms).toISOString();

/** `window.playground.chart`: what the price chart draws for the run's orders, as data. */
export interface ChartDebugApi {
  /** Every drawn level of the symbol shown: [ISO time, price] points, a step line. */
  levels(): Array<{
    orderId: string;
    role: string;
    kind: LevelKind;
    points: Array<[string, number]>;
    outcome: LevelOutcome;
  }>;
  /** Every fill marker of the symbol shown, with the label it has at the current zoom ("" when arrows only). */
  markers(): Array<{
    orderId: string;
    time: string;
    price: number;
    amount: number;
    role: string;
    exit: boolean;
    text: string;
  }>;
  /** Ambiguous bars flagged on the chart. */
  flags(): Array<{ time: string; orderIds: readonly string[] }>;
  /** How markers are drawn now: "full" labels, "short" labels or "arrows". */
  mode(): string;
  /** Where the last frame drew an order's marker or level, in CSS px from the chart's top left. */
  pointOf(orderId: string): { x: number; y: number } | null;
  /** Shows the bars from one time to another (ISO), as zooming does. */
  show(from: string, to: string): void;
  /** The visible bar range, as bar indices (fractional), whatever candles the chart holds. */
  visible(): { from: number; to: number } | null;
  /** Where the candle holding the bar at (or just before) an ISO time stands: CSS px from the chart's left. */
  barX(time: string): number | null;
  /** Whether the bar at (or just before) an ISO time is in view. */
  inView(time: string): boolean;
}

export function exposeChartDebugApi(get: () => { model: OrderLayerModel; view: PriceChartView | null }): void {
  const api: ChartDebugApi = {
    levels: () =>
      get()
        .model.allLevels()
        .map((l) => ({
          orderId: l.orderId,
          role: l.role,
          kind: l.kind,
          points: l.points.map(([t, p]) => [iso(t), p] as [string, number]),
          outcome: l.outcome,
        })),
    markers: () => {
      const { model, view } = get();
      const mode = view?.orders.mode ?? "full";
      return model.markers.map((m) => ({
        orderId: m.orderId,
        time: iso(m.time),
        price: m.price,
        amount: m.amount,
        role: m.role,
        exit: m.exit,
        text: markerText(m, mode, view?.window?.bars.tickSize),
      }));
    },
    flags: () => get().model.flags.map((f) => ({ time: iso(f.time), orderIds: f.orderIds })),
    mode: () => get().view?.orders.mode ?? "full",
    pointOf: (id) => get().view?.orders.pointOf(id) ?? null,
    show: (from, to) => get().view?.showTimes(Date.parse(from), Date.parse(to)),
    visible: () => get().view?.frameRange() ?? null,
    barX: (time) => get().view?.barX(Date.parse(time)) ?? null,
    inView: (time) => get().view?.inView(Date.parse(time)) ?? false,
  };
  // The last run's results JSON, so tests can hold what is drawn against what the engine did:
  // null until its orders, fills and log lines have come too (they follow the finished run).
  const results = () => {
    const final = appStoreApi().getState().results.final;
    return final && rowsReady(final) ? final : null;
  };
  extendDebugApi({ chart: api, results });
}
