import { type CommissionModel, NoCommission, PerDollar, PerShare, PerTrade } from "./matching/commission";
import type { FillModelName } from "./matching/fill-model";
import {
  FixedBasisPointsSlippage,
  FixedSlippage,
  NoSlippage,
  type SlippageModel,
  VolumeShareSlippage,
} from "./matching/slippage";

export type SameBarPolicy = "path" | "stopFirst" | "targetFirst";

/** Commission and slippage as plain data (run settings, share links, the CLI). */
export type CommissionSpec =
  | { model: "PerShare"; cost?: number; minTradeCost?: number }
  | { model: "PerTrade"; cost?: number }
  | { model: "PerDollar"; cost?: number }
  | { model: "NoCommission" };
export type SlippageSpec =
  | { model: "FixedBasisPointsSlippage"; basisPoints?: number; volumeLimit?: number }
  | { model: "VolumeShareSlippage"; volumeLimit?: number; priceImpact?: number }
  | { model: "FixedSlippage"; spread?: number }
  | { model: "NoSlippage" };

/** Settings of one run. The strategy's `initialize` may override cash, commission and slippage. */
export interface RunSettings {
  cash: number;
  fillModel: FillModelName;
  sameBarPolicy: SameBarPolicy;
  /** ISO date (inclusive) or undefined for the data's first bar. */
  start?: string;
  /** ISO date (inclusive) or undefined for the data's last bar. */
  end?: string;
  commission?: CommissionSpec;
  slippage?: SlippageSpec;
}

export const DEFAULT_SETTINGS: RunSettings = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" };

export function commissionFromSpec(spec: CommissionSpec | undefined): CommissionModel {
  switch (spec?.model) {
    case "PerTrade":
      return new PerTrade(spec);
    case "PerDollar":
      return new PerDollar(spec);
    case "NoCommission":
      return new NoCommission();
    case "PerShare":
      return new PerShare(spec);
    default:
      return new PerShare({ cost: 0.001, minTradeCost: 0 });
  }
}

export function slippageFromSpec(spec: SlippageSpec | undefined): SlippageModel {
  switch (spec?.model) {
    case "VolumeShareSlippage":
      return new VolumeShareSlippage(spec);
    case "FixedSlippage":
      return new FixedSlippage(spec);
    case "NoSlippage":
      return new NoSlippage();
    case "FixedBasisPointsSlippage":
      return new FixedBasisPointsSlippage(spec);
    default:
      return new FixedBasisPointsSlippage();
  }
}

/** Start of the UTC day of an ISO date, or of the day after for an inclusive end. */
export function dateBound(iso: string | undefined, which: "start" | "end"): number {
  if (!iso) return which === "start" ? -Infinity : Infinity;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (!Number.isFinite(ms)) throw new Error(`not a date: ${iso}`);
  return which === "start" || iso.length !== 10 ? ms : ms + 86_400_000 - 1;
}
