import { appStoreApi } from "../../store/store";
import { extendDebugApi } from "../debug-api";
import type { OrderLayer } from "./order-layer";
import type { LevelKind, LevelOutcome, OrderLayerModel } from "./order-levels";
import { markerText } from "./order-style";

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
}

export function exposeChartDebugApi(get: () => { model: OrderLayerModel; layer: OrderLayer | null }): void {
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
      const { model, layer } = get();
      const mode = layer?.mode ?? "full";
      return model.markers.map((m) => ({
        orderId: m.orderId,
        time: iso(m.time),
        price: m.price,
        amount: m.amount,
        role: m.role,
        exit: m.exit,
        text: markerText(m, mode),
      }));
    },
    flags: () => get().model.flags.map((f) => ({ time: iso(f.time), orderIds: f.orderIds })),
    mode: () => get().layer?.mode ?? "full",
  };
  // The last run's results JSON, so tests can hold what is drawn against what the engine did.
  extendDebugApi({ chart: api, results: () => appStoreApi().getState().results.final });
}
