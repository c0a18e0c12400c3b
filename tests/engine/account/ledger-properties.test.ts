import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Backtest } from "../../../src/engine/backtest";
import type { SymbolBars } from "../../../src/engine/data/symbol-bars";
import {
  BracketOrder,
  type ExecutionStyle,
  LimitOrder,
  MarketOrder,
  OCOOrder,
  StopLimitOrder,
  StopOrder,
  TrailingStopOrder,
} from "../../../src/engine/orders/execution-styles";
import { money, type Money } from "../../../src/engine/account/money";
import { nextStatus, type OrderStatus } from "../../../src/engine/orders/order-status";
import type { RunSettings } from "../../../src/engine/settings";
import type { TimeInForce } from "../../../src/engine/orders/time-in-force";
import { TradingAlgorithm } from "../../../src/engine/api/trading-algorithm";
import { bars, type Row } from "../helpers/bars";

// ----- random data: valid OHLC on a cent grid, small volumes so caps and partial fills happen -----
const cents = (x: number) => Math.max(0.01, Math.round(x * 100) / 100);
const rowArb = (prev: number) =>
  fc
    .tuple(
      fc.double({ min: -0.06, max: 0.06, noNaN: true }),
      fc.double({ min: -0.06, max: 0.06, noNaN: true }),
      fc.double({ min: 0, max: 0.05, noNaN: true }),
      fc.double({ min: 0, max: 0.05, noNaN: true }),
      fc.integer({ min: 0, max: 3000 }),
    )
    .map(([go, gc, up, down, v]): Row => {
      const o = cents(prev * (1 + go));
      const c = cents(prev * (1 + gc));
      return [o, cents(Math.max(o, c) * (1 + up)), cents(Math.min(o, c) * (1 - down)), c, v];
    });
const seriesArb = (n: number): fc.Arbitrary<Row[]> =>
  fc.array(fc.tuple(rowArb(100)), { minLength: n, maxLength: n }).map((rs) => {
    // chain the walk: each row re-based on the previous close
    const out: Row[] = [];
    let prev = 100;
    for (const [r] of rs) {
      const k = prev / 100;
      const row = [cents(r[0] * k), cents(r[1] * k), cents(r[2] * k), cents(r[3] * k), r[4]] as const;
      const [o, h, l, c] = row;
      out.push([o, Math.max(h, o, c), Math.min(l, o, c), c, row[4]]);
      prev = c;
    }
    return out;
  });

// ----- random strategies: a script of actions per bar -----
type Action =
  | { kind: "order"; sym: number; amount: number; style: number; a: number; b: number; tif: number }
  | { kind: "cancel"; pick: number };
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      sym: fc.nat(1),
      amount: fc.integer({ min: -60, max: 60 }),
      style: fc.nat(6),
      a: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
      b: fc.double({ min: 0.85, max: 1.15, noNaN: true }),
      tif: fc.nat(9),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat(50) }) },
);
const TIFS: TimeInForce[] = [
  "GTC",
  "GTC",
  "GTC",
  "GTC",
  "DAY",
  "IOC",
  "FOK",
  { gtd: "2024-01-04" },
  { gtd: "2024-01-08" },
  "GTC",
];

function styleFor(x: Extract<Action, { kind: "order" }>, close: number): ExecutionStyle {
  const p = (f: number) => cents(close * f);
  switch (x.style) {
    case 0:
      return new MarketOrder();
    case 1:
      return new LimitOrder(p(x.a));
    case 2:
      return new StopOrder(p(x.a));
    case 3:
      return new StopLimitOrder(p(x.b), p(x.a));
    case 4:
      return x.a > 1
        ? new TrailingStopOrder({ trailPercent: x.a - 1 })
        : new TrailingStopOrder({ trailAmount: p(1 - x.a) + 0.01 });
    case 5:
      return new OCOOrder(new LimitOrder(p(x.a)), new StopOrder(p(x.b)));
    default:
      return new BracketOrder({
        entryStyle: x.a > 1 ? undefined : new LimitOrder(p(x.a)),
        stopLossPrice: p(Math.min(x.a, x.b) * 0.97),
        takeProfitPrice: p(Math.max(x.a, x.b) * 1.03),
      });
  }
}

const settingsArb: fc.Arbitrary<Partial<RunSettings>> = fc.record({
  fillModel: fc.constantFrom("ohlc" as const, "close" as const),
  sameBarPolicy: fc.constantFrom("path" as const, "stopFirst" as const, "targetFirst" as const),
  cash: fc.constantFrom(3_000, 20_000),
  slippage: fc.constantFrom<RunSettings["slippage"]>(
    undefined,
    { model: "VolumeShareSlippage" },
    { model: "FixedSlippage", spread: 0.3 },
    { model: "NoSlippage" },
  ),
  commission: fc.constantFrom<RunSettings["commission"]>(
    undefined,
    { model: "PerShare", cost: 0.0137, minTradeCost: 1 },
    { model: "PerTrade", cost: 2.5 },
    { model: "PerDollar", cost: 0.0011 },
  ),
});

const caseArb = fc.integer({ min: 3, max: 10 }).chain((n) =>
  fc.record({
    a: seriesArb(n),
    b: seriesArb(n),
    bGaps: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    script: fc.array(fc.array(actionArb, { maxLength: 3 }), { minLength: n, maxLength: n }),
    settings: settingsArb,
    controls: fc.record({ longOnly: fc.boolean(), leverage: fc.constantFrom(null, 1.5, 3) }),
  }),
);

function runCase(
  c: fc.Arbitrary<unknown> extends never ? never : typeof caseArb extends fc.Arbitrary<infer T> ? T : never,
) {
  const n = c.a.length;
  const dates = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
  const keep = c.bGaps.map((g, i) => i === 0 || !g);
  const data: SymbolBars[] = [
    bars("A", c.a, undefined, { dates }),
    bars(
      "B",
      c.b.filter((_, i) => keep[i]),
      undefined,
      { dates: dates.filter((_, i) => keep[i]) },
    ),
  ];
  const placed: string[] = [];
  class Random extends TradingAlgorithm {
    override initialize() {
      if (c.controls.longOnly) this.setLongOnly();
      if (c.controls.leverage !== null) this.setMaxLeverage(c.controls.leverage);
    }
    override handleData() {
      for (const x of c.script[bt.clock.t] ?? []) {
        if (x.kind === "cancel") {
          if (placed.length > 0) this.cancelOrder(placed[x.pick % placed.length]!);
          continue;
        }
        const asset = bt.md.assets[x.sym]!;
        const close = bt.md.lastClose(asset.sid);
        if (!Number.isFinite(close)) continue;
        const id = this.order(asset, x.amount, { style: styleFor(x, close), tif: TIFS[x.tif] });
        if (id !== null) placed.push(id);
      }
    }
  }
  const bt: Backtest = new Backtest(
    data,
    { cash: 10_000, fillModel: "ohlc", sameBarPolicy: "path", ...c.settings },
    new Random(),
  );
  // Check the cash identity at every fill, exactly, as it happens.
  const applyFill = bt.ledger.applyFill.bind(bt.ledger);
  const broken: string[] = [];
  bt.ledger.applyFill = (asset, shares, price, commission: Money) => {
    const before = bt.ledger.cash;
    const realized = applyFill(asset, shares, price, commission);
    const expected = before.minus(money(price).times(shares)).minus(commission);
    if (!expected.eq(bt.ledger.cash))
      broken.push(`${before} − ${shares} × ${price} − ${commission} ≠ ${bt.ledger.cash}`);
    // without a leverage limit the account does not borrow: a buy never takes cash below 0
    if (shares > 0 && c.controls.leverage === null && bt.ledger.cash.isNeg())
      broken.push(`a buy of ${shares} took cash to ${bt.ledger.cash}`);
    return realized;
  };
  bt.run();
  return { bt, data, broken };
}

describe("invariants over random bars and random strategies", () => {
  it("money, fills and order states stay consistent", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { bt, data, broken } = runCase(c);
        const { ledger, broker } = bt;
        // every fill keeps cash_before − amount × price − commission = cash_after
        expect(broken).toEqual([]);
        // startingCash + realized + unrealized − commissions = portfolio value, to the cent and far beyond
        const lhs = ledger.startingCash.plus(ledger.realized).plus(ledger.unrealizedExact()).minus(ledger.commissions);
        // (only average-cost divisions round, at the 40th significant digit)
        expect(lhs.minus(ledger.portfolioValueExact()).abs().lt(1e-20)).toBe(true);
        expect(lhs.toFixed(2)).toBe(ledger.portfolioValueExact().toFixed(2));
        for (const f of broker.fills) {
          const o = broker.orders.get(f.orderId)!;
          const sym = data[f.sid]!;
          const i = sym.time.indexOf(f.dt);
          // a fill happens on a bar of its symbol, after the bar the order was placed on, inside [low, high]
          expect(i).toBeGreaterThanOrEqual(0);
          expect(f.bar).toBeGreaterThan(o.placedBar);
          expect(f.price).toBeGreaterThanOrEqual(sym.low[i]!);
          expect(f.price).toBeLessThanOrEqual(sym.high[i]!);
          expect(Math.sign(f.amount)).toBe(Math.sign(o.amount));
          // a limit never fills worse than its limit
          if (o.limit !== null) {
            if (o.amount > 0) expect(f.price).toBeLessThanOrEqual(o.limit);
            else expect(f.price).toBeGreaterThanOrEqual(o.limit);
          }
        }
        for (const o of broker.orders.values()) {
          // never more than ordered, never the wrong way
          expect(Math.abs(o.filled)).toBeLessThanOrEqual(Math.abs(o.amount));
          expect(o.filled === 0 || Math.sign(o.filled) === Math.sign(o.amount)).toBe(true);
          if (o.status === "FILLED") expect(o.filled).toBe(o.amount);
        }
        // every order event is a legal transition from the status before it
        const status = new Map<string, OrderStatus>();
        for (const e of bt.events) {
          if (e.type !== "order") continue;
          const from = status.get(e.order.id) ?? null;
          expect(nextStatus(from, e.event)).toBe(e.order.status);
          status.set(e.order.id, e.order.status);
        }
        // long only: never short
        if (c.controls.longOnly) for (const p of ledger.positions.values()) expect(p.amount).toBeGreaterThan(0);
      }),
      // Bounded so the unit suite stays fast; PROPERTY_RUNS=5000 digs deeper.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  }, 120_000);
});
