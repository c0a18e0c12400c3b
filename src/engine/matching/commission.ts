import { money, type Money, ZERO } from "../account/money";
import { COMMISSION } from "../settings/commission-setting";
import { modelParam } from "./model-param";

const { PerShare: PER_SHARE, PerTrade: PER_TRADE, PerDollar: PER_DOLLAR } = COMMISSION.models;

/** A commission model charges each fill; `orderTotalSoFar` lets per-order minimums be paid once. */
export interface CommissionModel {
  readonly name: string;
  /** Commission for a fill of `shares` (signed) at `price`, given the order's filled shares before it and commission so far. */
  charge(shares: number, price: number, filledBefore: number, orderTotalSoFar: Money): Money;
  /** The same in floats, for estimates (placement checks, what cash covers); optional for custom models. */
  estimate?(shares: number, price: number, filledBefore: number, orderTotalSoFar: number): number;
  describe(): Record<string, number | string>;
}

/** A model's float estimate, falling back to its exact charge. */
export function estimateCommission(
  m: CommissionModel,
  shares: number,
  price: number,
  filledBefore: number,
  soFar: number,
): number {
  return m.estimate
    ? m.estimate(shares, price, filledBefore, soFar)
    : m.charge(shares, price, filledBefore, money(soFar)).toNumber();
}

/** Per share, with a minimum paid once per order: total = max(minTradeCost, cost × shares so far). */
export class PerShare implements CommissionModel {
  readonly name = "PerShare";
  readonly cost: number;
  readonly minTradeCost: number;
  constructor(opts: { cost?: number; minTradeCost?: number } = {}) {
    this.cost = modelParam("cost", PER_SHARE.params.cost, opts.cost);
    this.minTradeCost = modelParam("minTradeCost", PER_SHARE.params.minTradeCost, opts.minTradeCost);
    this.#cost = money(this.cost);
    this.#min = money(this.minTradeCost);
  }
  readonly #cost: Money;
  readonly #min: Money;
  charge(shares: number, _price: number, filledBefore: number, soFar: Money): Money {
    const due = this.#cost.times(Math.abs(filledBefore) + Math.abs(shares));
    return (due.gt(this.#min) ? due : this.#min).minus(soFar);
  }
  estimate(shares: number, _price: number, filledBefore: number, soFar: number): number {
    return Math.max(this.minTradeCost, this.cost * (Math.abs(filledBefore) + Math.abs(shares))) - soFar;
  }
  describe() {
    return { model: this.name, cost: this.cost, minTradeCost: this.minTradeCost };
  }
}

/** A flat cost per order, charged on its first fill. */
export class PerTrade implements CommissionModel {
  readonly name = "PerTrade";
  readonly cost: number;
  constructor(opts: { cost?: number } = {}) {
    this.cost = modelParam("cost", PER_TRADE.params.cost, opts.cost);
  }
  charge(_shares: number, _price: number, filledBefore: number): Money {
    return filledBefore === 0 ? money(this.cost) : ZERO;
  }
  estimate(_shares: number, _price: number, filledBefore: number): number {
    return filledBefore === 0 ? this.cost : 0;
  }
  describe() {
    return { model: this.name, cost: this.cost };
  }
}

/** A fraction of each fill's notional: 0.0015 = 15 bp. */
export class PerDollar implements CommissionModel {
  readonly name = "PerDollar";
  readonly cost: number;
  constructor(opts: { cost?: number } = {}) {
    this.cost = modelParam("cost", PER_DOLLAR.params.cost, opts.cost);
  }
  charge(shares: number, price: number): Money {
    return money(this.cost).times(money(price).times(Math.abs(shares)));
  }
  estimate(shares: number, price: number): number {
    return this.cost * price * Math.abs(shares);
  }
  describe() {
    return { model: this.name, cost: this.cost };
  }
}

export class NoCommission implements CommissionModel {
  readonly name = "NoCommission";
  charge(): Money {
    return ZERO;
  }
  estimate(): number {
    return 0;
  }
  describe() {
    return { model: this.name };
  }
}
