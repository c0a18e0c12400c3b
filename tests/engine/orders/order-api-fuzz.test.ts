import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money, ZERO } from "../../../src/engine/account/money";
import {
  BracketOrder,
  LimitOrder,
  OCOOrder,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from "../../../src/engine/orders/execution-styles";
import { StrategyError } from "../../../src/engine/strategy-error";
import { bars, type Row } from "../helpers/bars";
import { run, type TestRun } from "../helpers/run";

/** Something a strategy could pass, of any JS type; `"A"`/`"B"` stand for the run's assets. */
const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, -1e21, 2 ** 53, 1e-9, -1, 0.5, "10", null, undefined),
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ min: -1e6, max: 1e6 }),
);
const price = fc.oneof(fc.double({ min: 1e-12, max: 1e4, noNaN: true }), anyValue);
/** A style built inside the step (a bad price is a StrategyError from the constructor), or a forged one. */
type StyleMaker = () => unknown;
const style: fc.Arbitrary<StyleMaker> = fc.oneof(
  price.map((p) => () => new LimitOrder(p as number)),
  price.map((p) => () => new StopOrder(p as number)),
  fc.tuple(price, price).map(
    ([a, b]) =>
      () =>
        new StopLimitOrder(a as number, b as number),
  ),
  price.map((p) => () => new TrailingStopOrder({ trailAmount: p as number })),
  fc.double({ min: 0.001, max: 0.999 }).map((p) => () => new TrailingStopOrder({ trailPercent: p })),
  fc.tuple(price, price).map(
    ([a, b]) =>
      () =>
        new OCOOrder(new LimitOrder(a as number), new StopOrder(b as number)),
  ),
  fc.tuple(price, price).map(
    ([a, b]) =>
      () =>
        new BracketOrder({ stopLossPrice: a as number, takeProfitPrice: b as number }),
  ),
  fc
    .record({
      kind: fc.constantFrom("market", "limit", "stop", "stopLimit", "trailingStop", "oco", "bracket", "bogus"),
      limitPrice: anyValue,
      stopPrice: anyValue,
      first: anyValue,
      second: anyValue,
    })
    .map((forged) => () => forged),
  anyValue.map((x) => () => x),
);
const tif = fc.oneof(
  fc.constantFrom(undefined, "GTC", "DAY", "IOC", "FOK", "daily", { gtd: "2024-01-04" }, { gtd: "nope" }),
  anyValue,
);
const opts = fc.oneof(
  fc.constant(() => undefined),
  anyValue.map((x) => () => x),
  fc.tuple(style, tif).map(([s, t]) => () => ({ style: s(), tif: t })),
);
const FUNCTIONS = [
  "order",
  "orderValue",
  "orderPercent",
  "orderTarget",
  "orderTargetValue",
  "orderTargetPercent",
] as const;
// Mostly plausible calls (so orders fill and the ledger moves), some of anything at all.
const amount = fc.oneof(
  { arbitrary: fc.integer({ min: -400, max: 400 }), weight: 4 },
  { arbitrary: fc.double({ min: -0.5, max: 0.5 }), weight: 1 },
  { arbitrary: anyValue, weight: 2 },
);
const call = fc.oneof(
  fc.record({
    fn: fc.constantFrom(...FUNCTIONS),
    asset: fc.oneof({ arbitrary: fc.constantFrom("A", "B"), weight: 5 }, { arbitrary: anyValue, weight: 1 }),
    amount,
    opts: fc.oneof({ arbitrary: fc.constant(() => undefined), weight: 3 }, { arbitrary: opts, weight: 2 }),
  }),
  fc.record({ fn: fc.constant("cancelOrder" as const), id: fc.oneof(fc.constantFrom("o1", "o2", "o3"), anyValue) }),
);

// Two symbols, six bars that wander, so stops, limits and partial fills happen.
const rows = (base: number): Row[] =>
  [0, 3, -4, 6, -2, 1].map((d) => {
    const c = base + d;
    return [c - 1, c + 3, c - 3, c, 500] as const;
  });

/** Cash, positions and the accounting identity, recomputed from the fills alone. */
function expectLedgerWhole(bt: TestRun): void {
  const { ledger, broker } = bt;
  let cash = ledger.startingCash;
  let commissions = ZERO;
  const held = new Map<string, number>();
  for (const f of broker.fills) {
    expect(Number.isSafeInteger(f.amount) && f.amount !== 0).toBe(true);
    expect(Number.isFinite(f.price) && f.price > 0).toBe(true);
    cash = cash.minus(money(f.price).times(f.amount)).minus(f.commission);
    commissions = commissions.plus(f.commission);
    held.set(f.symbol, (held.get(f.symbol) ?? 0) + f.amount);
  }
  expect(ledger.cash.eq(cash)).toBe(true);
  expect(ledger.commissions.eq(commissions)).toBe(true);
  for (const p of ledger.positions.values()) expect(p.amount).toBe(held.get(p.asset.symbol));
  const identity = ledger.startingCash.plus(ledger.realized).plus(ledger.unrealizedExact()).minus(ledger.commissions);
  expect(identity.minus(ledger.portfolioValueExact()).abs().lte("0.000001")).toBe(true);
  for (const o of broker.orders.values()) {
    expect(Math.abs(o.filled)).toBeLessThanOrEqual(Math.abs(o.amount));
    expect(o.filled === 0 || Math.sign(o.filled) === Math.sign(o.amount)).toBe(true);
    const fromFills = broker.fills.filter((f) => f.orderId === o.id).reduce((s, f) => s + f.amount, 0);
    expect(o.filled).toBe(fromFills);
    if (o.status === "REJECTED") expect(o.reason).toMatch(/^[A-Z_]+: \S/);
  }
}

describe("the order API under fuzzing: a StrategyError, a REJECTED order or a valid order, never a corrupt ledger", () => {
  it("random calls with arguments of any JS type", () => {
    fc.assert(
      fc.property(fc.array(fc.array(call, { maxLength: 4 }), { minLength: 5, maxLength: 5 }), (script) => {
        const bt = run([bars("A", rows(100)), bars("B", rows(20))], (b, _c, _d, t) => {
          for (const c of script[t] ?? []) {
            try {
              if (c.fn === "cancelOrder") {
                b.cancelOrder(c.id as string);
              } else {
                const asset = c.asset === "A" || c.asset === "B" ? b.symbol(c.asset) : c.asset;
                (b[c.fn] as (...a: unknown[]) => unknown)(asset, c.amount, c.opts());
              }
            } catch (e) {
              if (!(e instanceof StrategyError)) throw e;
            }
          }
        });
        expectLedgerWhole(bt);
      }),
      { numRuns: 300 },
    );
  });
});
