import Decimal from "decimal.js";
import { money, Money } from "../account/money";
import { describeValue, excerpt } from "../excerpt";
import { StrategyError } from "../strategy-error";
import type { CommissionModel } from "./commission";
import type { SlippageModel } from "./slippage";

/**
 * What `setCommission` / `setSlippage` keep: the user's model behind a wrapper that checks
 * every number it returns, so a model that answers NaN, Infinity or a negative commission
 * stops the run with a StrategyError naming it, before anything reaches the ledger. The
 * settings the results report (`describe()`) and the volume cap are read once, when the
 * model is set, so changing the object afterwards changes nothing.
 */

type Described = Record<string, number | string>;

/** The model's name for messages: its `name`, else its class name. */
function nameOf(model: object): string {
  const own = (model as { name?: unknown }).name;
  if (typeof own === "string" && own !== "") return excerpt(own);
  const ctor = (model as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === "string" && ctor !== "" && ctor !== "Object" ? excerpt(ctor) : "custom";
}

/** `describe()` once, kept as plain strings and finite numbers (at most 20 keys). */
function snapshotDescribe(model: { describe?: unknown }, name: string): Described {
  const out: Described = { model: name };
  if (typeof model.describe !== "function") return out;
  const d: unknown = (model.describe as () => unknown).call(model);
  if (d === null || typeof d !== "object") return out;
  for (const key of Object.keys(d).slice(0, 20)) {
    const v: unknown = (d as Record<string, unknown>)[key];
    if (typeof v === "string") out[excerpt(key)] = excerpt(v);
    else if (typeof v === "number" && Number.isFinite(v)) out[excerpt(key)] = v;
  }
  return out;
}

function requireModel(what: string, model: unknown, method: string, example: string): object {
  if (model === null || typeof model !== "object" || typeof (model as Record<string, unknown>)[method] !== "function") {
    throw new StrategyError(`${what} takes a model such as ${example}, got ${describeValue(model)}`);
  }
  return model;
}

/** Another decimal.js value (or a lookalike) as our Money; null when it does not read as one. */
function decimalOrNull(c: unknown): Money | null {
  try {
    return new Money(String(c));
  } catch {
    return null;
  }
}

class CheckedCommission implements CommissionModel {
  readonly name: string;
  readonly #model: CommissionModel;
  readonly #described: Described;
  constructor(model: CommissionModel) {
    this.#model = model;
    this.name = nameOf(model);
    this.#described = snapshotDescribe(model, this.name);
  }
  charge(shares: number, price: number, filledBefore: number, soFar: Money): Money {
    const c: unknown = this.#model.charge(shares, price, filledBefore, soFar);
    let d: Money | null = null;
    if (typeof c === "number") d = money(c);
    else if (c instanceof Money) d = c;
    else if (Decimal.isDecimal(c)) d = decimalOrNull(c);
    if (d !== null && d.isFinite() && !d.isNegative()) return d;
    throw this.#bad("charge", c, shares, price);
  }
  estimate(shares: number, price: number, filledBefore: number, soFar: number): number {
    const m = this.#model;
    if (typeof m.estimate !== "function") return this.charge(shares, price, filledBefore, money(soFar)).toNumber();
    const e: unknown = m.estimate(shares, price, filledBefore, soFar);
    if (typeof e === "number" && Number.isFinite(e) && e >= 0) return e;
    throw this.#bad("estimate", e, shares, price);
  }
  describe(): Described {
    return { ...this.#described };
  }
  #bad(method: string, got: unknown, shares: number, price: number): StrategyError {
    const what = Decimal.isDecimal(got) ? `the decimal ${excerpt((got as Decimal).toString())}` : describeValue(got);
    return new StrategyError(
      `commission model "${this.name}" returned ${what} from ${method}() for ${shares} shares at ${price}; ` +
        `a commission must be a finite number of dollars, 0 or more`,
    );
  }
}

class CheckedSlippage implements SlippageModel {
  readonly name: string;
  readonly volumeLimit: number | null;
  readonly estimateFactor: number;
  readonly #model: SlippageModel;
  readonly #described: Described;
  constructor(model: SlippageModel) {
    this.#model = model;
    this.name = nameOf(model);
    const cap: unknown = model.volumeLimit ?? null;
    if (cap !== null && (typeof cap !== "number" || !(cap > 0 && cap <= 1))) {
      throw new StrategyError(
        `slippage model "${this.name}" has volumeLimit ${describeValue(cap)}; it must be null or a fraction above 0 and at most 1`,
      );
    }
    this.volumeLimit = cap;
    const factor: unknown = model.estimateFactor ?? 1;
    if (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0) {
      throw new StrategyError(
        `slippage model "${this.name}" has estimateFactor ${describeValue(factor)}; it must be a finite number above 0`,
      );
    }
    this.estimateFactor = factor;
    this.#described = snapshotDescribe(model, this.name);
  }
  slip(price: number, shares: number, barVolume: number): number {
    const p: unknown = this.#model.slip(price, shares, barVolume);
    if (typeof p === "number" && Number.isFinite(p)) return p;
    throw new StrategyError(
      `slippage model "${this.name}" returned ${describeValue(p)} from slip() for ${shares} shares at ${price}; ` +
        `a price must be a finite number`,
    );
  }
  describe(): Described {
    return { ...this.#described };
  }
}

/** `setCommission(model)`: the model, checked on every call. */
export function checkedCommission(model: unknown): CommissionModel {
  const m = requireModel("setCommission", model, "charge", "new commission.PerShare({ cost: 0.005 })");
  return new CheckedCommission(m as CommissionModel);
}

/** `setSlippage(model)`: the model, checked on every call. */
export function checkedSlippage(model: unknown): SlippageModel {
  const m = requireModel("setSlippage", model, "slip", "new slippage.FixedBasisPointsSlippage()");
  return new CheckedSlippage(m as SlippageModel);
}
