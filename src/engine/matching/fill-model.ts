import type { FillModelName } from "../settings/fill-model-setting";
import type { PricePath } from "./price-path";

export type { FillModelName } from "../settings/fill-model-setting";

/**
 * A fill model decides the path a bar's price takes; the matcher then fills each order
 * at the first point of that path where it can.
 */
export interface FillModel {
  readonly name: FillModelName;
  /** Whether bracket children become active on the rest of the bar their entry filled in. */
  readonly childrenSameBar: boolean;
  buildPath(open: number, high: number, low: number, close: number, out: PricePath): void;
}

/**
 * The default. Assumption: the price goes from the open to the nearer extreme first
 * (the low when both are equally near, the pessimistic choice for a long), then to the
 * other extreme, then to the close. A bar gives no more than that about its path.
 */
export const ohlcFillModel: FillModel = {
  name: "ohlc",
  childrenSameBar: true,
  buildPath(open, high, low, close, out) {
    const lowFirst = open - low <= high - open;
    out.n = 4;
    out.p[0] = open;
    out.p[1] = lowFirst ? low : high;
    out.p[2] = lowFirst ? high : low;
    out.p[3] = close;
  },
};

/**
 * zipline-compatible: only the close is known, so orders are checked against it and fill
 * at it; bracket children therefore start on the next bar.
 */
export const closeFillModel: FillModel = {
  name: "close",
  childrenSameBar: false,
  buildPath(_open, _high, _low, close, out) {
    out.n = 1;
    out.p[0] = close;
  },
};

const FILL_MODELS: Record<FillModelName, FillModel> = { ohlc: ohlcFillModel, close: closeFillModel };

export function fillModelByName(name: FillModelName): FillModel {
  return FILL_MODELS[name] ?? ohlcFillModel;
}
