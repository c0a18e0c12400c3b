import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Backtest, type BacktestListener } from "../../../src/engine/backtest";
import type { BarData } from "../../../src/engine/data/bar-data";
import type { Context } from "../../../src/engine/api/context";
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
import type { OrderEventKind, OrderStatus } from "../../../src/engine/orders/order-status";
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

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * The order lifecycle of the contract, written out here rather than taken from the engine:
 * (status before, event) -> status after; `new` is an order not yet placed. Anything else is
 * illegal. FILLED, CANCELLED, REJECTED and EXPIRED are final: no event leaves them.
 */
const LEGAL: Record<string, Partial<Record<OrderEventKind, OrderStatus>>> = {
  new: { OrderAccepted: "OPEN", OrderHeld: "HELD", OrderRejected: "REJECTED" },
  HELD: { OrderReleased: "OPEN", OrderCancelled: "CANCELLED" },
  OPEN: {
    OrderTriggered: "TRIGGERED",
    OrderPartiallyFilled: "PARTIALLY_FILLED",
    OrderFilled: "FILLED",
    OrderCancelled: "CANCELLED",
    OrderExpired: "EXPIRED",
  },
  TRIGGERED: {
    OrderPartiallyFilled: "PARTIALLY_FILLED",
    OrderFilled: "FILLED",
    OrderCancelled: "CANCELLED",
    OrderExpired: "EXPIRED",
  },
  PARTIALLY_FILLED: {
    OrderPartiallyFilled: "PARTIALLY_FILLED",
    OrderFilled: "FILLED",
    OrderCancelled: "CANCELLED",
    OrderExpired: "EXPIRED",
  },
  FILLED: {},
  CANCELLED: {},
  REJECTED: {},
  EXPIRED: {},
};

/** The reason codes an order may end with, per final status (a rejection at placement, a cut at fill time, expiry). */
const REASON_CODES: Partial<Record<OrderStatus, readonly string[]>> = {
  REJECTED: [
    "INSUFFICIENT_FUNDS",
    "POSITION_LIMIT",
    "ORDER_SIZE_LIMIT",
    "LONG_ONLY",
    "MAX_LEVERAGE",
    "INVALID_PRICE",
    "NOT_TRADABLE",
  ],
  CANCELLED: [
    "OCO",
    "PARENT_CANCELLED",
    "IOC_UNFILLED",
    "FOK_UNFILLED",
    "USER",
    // what cash, leverage or long-only could not cover at fill time
    "INSUFFICIENT_FUNDS",
    "MAX_LEVERAGE",
    "LONG_ONLY",
  ],
  EXPIRED: ["EXPIRED_DAY", "EXPIRED_GTD"],
};

/**
 * Runs a random case and checks, after every bar, what a listener of the run can see: the
 * bar's fill events against the ledger's cash and positions. Nothing of the engine is wrapped,
 * so whatever the broker hands the ledger is what gets checked.
 */
function runCase(c: Case) {
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
    override handleData(context: Context, data: BarData) {
      for (const x of c.script[context.barIndex] ?? []) {
        if (x.kind === "cancel") {
          if (placed.length > 0) this.cancelOrder(placed[x.pick % placed.length]!);
          continue;
        }
        const asset = this.symbol(x.sym === 0 ? "A" : "B");
        const close = data.current(asset, "price");
        if (!Number.isFinite(close)) continue;
        const id = this.order(asset, x.amount, { style: styleFor(x, close), tif: TIFS[x.tif] });
        if (id !== null) placed.push(id);
      }
    }
  }
  const broken: string[] = [];
  // What the fills so far say the account holds: cash, shares per symbol, commissions.
  let cash: Money | null = null;
  let commissions = money(0);
  const shares = new Map<string, number>();
  let fillsSeen = 0;
  const listener: BacktestListener = {
    onBar(t, events) {
      const { ledger, broker } = bt;
      cash ??= ledger.startingCash;
      const fillEvents = [...events].filter((e) => e.type === "fill");
      // the exact fills the run keeps for its results, one per fill event, alike
      const records = broker.fills.slice(fillsSeen);
      fillsSeen = broker.fills.length;
      if (records.length !== fillEvents.length)
        broken.push(`bar ${t}: ${fillEvents.length} fill events, ${records.length} fill records`);
      records.forEach((f, i) => {
        const e = fillEvents[i];
        if (!e || e.orderId !== f.orderId || e.amount !== f.amount || e.price !== f.price)
          broken.push(`bar ${t}: fill event ${JSON.stringify(e)} is not the fill record of ${f.orderId}`);
        else if (e.commission !== f.commission.toNumber())
          broken.push(`bar ${t}: fill event commission ${e.commission} ≠ ${f.commission.toString()}`);
        // cash_before − amount × price − commission = cash_after
        cash = cash!.minus(money(f.price).times(f.amount)).minus(f.commission);
        commissions = commissions.plus(f.commission);
        shares.set(f.symbol, (shares.get(f.symbol) ?? 0) + f.amount);
        // without a leverage limit the account does not borrow: a buy never takes cash below 0
        if (f.amount > 0 && c.controls.leverage === null && cash.isNeg())
          broken.push(`bar ${t}: a buy of ${f.amount} ${f.symbol} took cash to ${cash.toString()}`);
      });
      if (!cash.eq(ledger.cash))
        broken.push(`bar ${t}: the fills leave cash ${cash.toString()}, the ledger holds ${ledger.cash.toString()}`);
      if (!commissions.eq(ledger.commissions))
        broken.push(`bar ${t}: fills charged ${commissions.toString()}, the ledger ${ledger.commissions.toString()}`);
      if (bt.equityCash[t] !== cash.toNumber())
        broken.push(`bar ${t}: the equity point's cash ${bt.equityCash[t]} ≠ ${cash.toNumber()}`);
      for (const [symbol, amount] of shares) {
        const held = ledger.positions.get(bt.host.symbol(symbol))?.amount;
        // positions of amount 0 are removed
        if (held !== (amount === 0 ? undefined : amount))
          broken.push(`bar ${t}: fills add up to ${amount} ${symbol}, the position holds ${held}`);
      }
      // the list the bar loop values every bar holds the positions, in the order the Map iterates them
      const listed = ledger.held.map((p) => p.asset.symbol).join(",");
      const mapped = [...ledger.positions.values()].map((p) => p.asset.symbol).join(",");
      if (listed !== mapped) broken.push(`bar ${t}: held lists ${listed}, positions ${mapped}`);
      // startingCash + realized + unrealized − commissions = portfolio value
      const lhs = ledger.startingCash.plus(ledger.realized).plus(ledger.unrealizedExact()).minus(ledger.commissions);
      // (only average-cost divisions round, at the 40th significant digit)
      if (lhs.minus(ledger.portfolioValueExact()).abs().gte(1e-20))
        broken.push(
          `bar ${t}: P&L adds up to ${lhs.toString()}, the portfolio is worth ${ledger.portfolioValueExact().toString()}`,
        );
    },
  };
  const bt: Backtest = new Backtest(
    data,
    { cash: 10_000, fillModel: "ohlc", sameBarPolicy: "path", ...c.settings },
    new Random(),
    listener,
  );
  bt.run();
  return { bt, data, broken };
}

describe("invariants over random bars and random strategies", () => {
  it("money, fills and order states stay consistent", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { bt, data, broken } = runCase(c);
        const { ledger, broker } = bt;
        // after every bar: cash, commissions and positions are what the fill events say
        expect(broken).toEqual([]);
        // at the end, startingCash + realized + unrealized − commissions = portfolio value to the cent
        const lhs = ledger.startingCash.plus(ledger.realized).plus(ledger.unrealizedExact()).minus(ledger.commissions);
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
        // every order event is a legal transition of the contract's lifecycle, from the status before it
        const status = new Map<string, OrderStatus | "new">();
        const filledSoFar = new Map<string, number>();
        for (const e of bt.events) {
          if (e.type === "fill") filledSoFar.set(e.orderId, (filledSoFar.get(e.orderId) ?? 0) + e.amount);
          if (e.type !== "order") continue;
          const o = e.order;
          const from = status.get(o.id) ?? "new";
          expect(LEGAL[from]![e.event], `${o.id}: ${from} + ${e.event}`).toBe(o.status);
          status.set(o.id, o.status);
          // the snapshot's fill count is the sum of the fills before it
          expect(o.filled, `${o.id} at ${e.event}`).toBe(filledSoFar.get(o.id) ?? 0);
          // HELD is a bracket child waiting for its entry; TRIGGERED a stop-limit whose stop was hit
          if (o.status === "HELD") expect(o.parentId).not.toBeNull();
          if (o.status === "TRIGGERED") expect(o.type).toBe("stopLimit");
          // an order that ends unfilled says why, starting with a code of its final status
          const codes = REASON_CODES[o.status];
          if (codes) expect(codes, `${o.id}: ${o.reason}`).toContain(/^([A-Z_]+): \S/.exec(o.reason ?? "")?.[1]);
        }
        // long only: never short
        if (c.controls.longOnly) for (const p of ledger.positions.values()) expect(p.amount).toBeGreaterThan(0);
      }),
      // Bounded so the unit suite stays fast; PROPERTY_RUNS=5000 digs deeper.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) },
    );
  }, 120_000);
});
