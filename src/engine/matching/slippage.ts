import { SLIPPAGE } from "../settings/slippage-setting";
import { modelParam } from "./model-param";
import { wholeShares } from "../orders/whole-shares";

const { FixedBasisPointsSlippage: FIXED_BP, VolumeShareSlippage: VOLUME_SHARE, FixedSlippage: FIXED } = SLIPPAGE.models;

/**
 * A slippage model moves a fill price against the order and caps how many shares
 * may fill per bar. The matcher clamps the result to the bar's range and the limit.
 */
export interface SlippageModel {
  readonly name: string;
  /** Fraction of the bar's volume that may fill per bar (all orders of the symbol), or null for no cap. */
  readonly volumeLimit: number | null;
  /** Price after slippage for `shares` (signed) filling at `price` in a bar with `barVolume`. */
  slip(price: number, shares: number, barVolume: number): number;
  /** Multiplier for the funds check at placement (1 + bp/10,000 for the fixed-bp model, else 1). */
  readonly estimateFactor: number;
  describe(): Record<string, number | string>;
}

/**
 * Whole shares that may fill on a bar of `volume` under `volumeLimit` (Infinity without a cap):
 * volumeLimit × volume rounded down, read as whole when float dust hides a whole number
 * (0.57 × 100 is 56.99999999999999 and means 57).
 */
export function volumeCap(volumeLimit: number | null, volume: number): number {
  return volumeLimit === null ? Infinity : wholeShares(volumeLimit * volume);
}

/** The default (zipline, rustybt): 5 bp against the order, at most 10% of the bar's volume. */
export class FixedBasisPointsSlippage implements SlippageModel {
  readonly name = "FixedBasisPointsSlippage";
  readonly basisPoints: number;
  readonly volumeLimit: number;
  constructor(opts: { basisPoints?: number; volumeLimit?: number } = {}) {
    this.basisPoints = modelParam("basisPoints", FIXED_BP.params.basisPoints, opts.basisPoints);
    this.volumeLimit = modelParam("volumeLimit", FIXED_BP.params.volumeLimit, opts.volumeLimit);
  }
  get estimateFactor(): number {
    return 1 + this.basisPoints / 10_000;
  }
  slip(price: number, shares: number): number {
    const f = this.basisPoints / 10_000;
    return shares > 0 ? price * (1 + f) : price * (1 - f);
  }
  describe() {
    return { model: this.name, basisPoints: this.basisPoints, volumeLimit: this.volumeLimit };
  }
}

/** zipline's VolumeShareSlippage: impact grows with the square of the volume share taken. */
export class VolumeShareSlippage implements SlippageModel {
  readonly name = "VolumeShareSlippage";
  readonly volumeLimit: number;
  readonly priceImpact: number;
  readonly estimateFactor = 1;
  constructor(opts: { volumeLimit?: number; priceImpact?: number } = {}) {
    this.volumeLimit = modelParam("volumeLimit", VOLUME_SHARE.params.volumeLimit, opts.volumeLimit);
    this.priceImpact = modelParam("priceImpact", VOLUME_SHARE.params.priceImpact, opts.priceImpact);
  }
  slip(price: number, shares: number, barVolume: number): number {
    const share = barVolume > 0 ? Math.abs(shares) / barVolume : 0;
    const impact = price * this.priceImpact * share * share;
    return shares > 0 ? price + impact : price - impact;
  }
  describe() {
    return { model: this.name, volumeLimit: this.volumeLimit, priceImpact: this.priceImpact };
  }
}

/** Half the spread against the order; no volume cap. */
export class FixedSlippage implements SlippageModel {
  readonly name = "FixedSlippage";
  readonly volumeLimit = null;
  readonly estimateFactor = 1;
  readonly spread: number;
  constructor(opts: { spread?: number } = {}) {
    this.spread = modelParam("spread", FIXED.params.spread, opts.spread);
  }
  slip(price: number, shares: number): number {
    return shares > 0 ? price + this.spread / 2 : price - this.spread / 2;
  }
  describe() {
    return { model: this.name, spread: this.spread };
  }
}

/** Fills at the model price with no cap: for teaching and tests. */
export class NoSlippage implements SlippageModel {
  readonly name = "NoSlippage";
  readonly volumeLimit = null;
  readonly estimateFactor = 1;
  slip(price: number): number {
    return price;
  }
  describe() {
    return { model: this.name };
  }
}
