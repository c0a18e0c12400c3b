import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadDataPath } from "../../src/cli/load-data";
import type { ResultsJson } from "../../src/engine/results/results-schema";
import type { RunSettings } from "../../src/engine/settings";
import { runStrategy } from "../../src/runtime/run-strategy";

/**
 * Every gallery example runs on the bundled sample data and shows at least one fill of the
 * kind it demonstrates (docs/strategy-api.md, "Examples").
 */

const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));
const { bars } = loadDataPath(fileURLToPath(new URL("../../sample-data", import.meta.url)));
const SETTINGS: RunSettings = { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" };

type Results = ResultsJson;
type OrderRow = Results["orders"][number];
type FillRow = Results["fills"][number];

// --- What the sentences count -------------------------------------------------------------

interface OrderMatch {
  symbol?: string;
  type?: string;
  side?: "buy" | "sell";
  roles?: string[];
}

const matches = (o: OrderRow, m: OrderMatch): boolean =>
  (m.symbol === undefined || o.symbol === m.symbol) &&
  (m.type === undefined || o.type === m.type) &&
  (m.side === undefined || (m.side === "buy" ? o.amount > 0 : o.amount < 0)) &&
  (m.roles === undefined || m.roles.includes(o.role ?? ""));

/** Orders that filled at least in part. */
const filled = (r: Results, m: OrderMatch): OrderRow[] => r.orders.filter((o) => o.filled !== 0 && matches(o, m));

const fillsOf = (r: Results, symbol: string, side: "buy" | "sell"): FillRow[] =>
  r.fills.filter((f) => f.symbol === symbol && (side === "buy" ? f.amount > 0 : f.amount < 0));

/** Fills with the symbol's position right after each one, replayed from the fills. */
function fillsWithPosition(r: Results, symbol: string): Array<FillRow & { after: number }> {
  let held = 0;
  return r.fills
    .filter((f) => f.symbol === symbol)
    .map((f) => {
      held += f.amount;
      return { ...f, after: held };
    });
}

/** Fills that leave the symbol's position short. */
const shortFills = (r: Results, symbol: string) => fillsWithPosition(r, symbol).filter((f) => f.after < 0);

/** The days on which a buy of exactly `shares` filled. */
const daysWithBuys = (r: Results, symbol: string, shares: number): Set<string> =>
  new Set(fillsOf(r, symbol, "buy").flatMap((f) => (f.amount === shares ? [f.dt] : [])));

/** 1 when the symbol's first fill is worth between `lo` and `hi` of the starting cash, else 0. */
function firstFillWorth(r: Results, symbol: string, lo: number, hi: number): number {
  const first = r.fills.find((f) => f.symbol === symbol);
  const share = first ? (first.amount * first.price) / SETTINGS.cash : NaN;
  return Number(share >= lo && share <= hi);
}

const orderEvents = (r: Results, id: string) => r.events.filter((e) => e.type === "order" && e.orderId === id);

/** Trailing stops that filled after their stop moved at least once. */
const trailingStopsFilledAfterMoving = (r: Results): OrderRow[] =>
  filled(r, { type: "trailingStop" }).filter((o) => r.events.some((e) => e.type === "stopMoved" && e.orderId === o.id));

/** Orders that were PARTIALLY_FILLED, then cancelled with less than `pct` of their amount filled. */
const partlyFilledThenCancelled = (r: Results, pct: number): OrderRow[] =>
  r.orders.filter(
    (o) =>
      o.status === "CANCELLED" &&
      o.filled / o.amount > 0 &&
      o.filled / o.amount < pct &&
      orderEvents(r, o.id).some((e) => e.status === "PARTIALLY_FILLED"),
  );

/** Cancelled limit orders whose unfilled rest was placed again, at once, as a market order that filled. */
const staleLimitsReplaced = (r: Results): OrderRow[] =>
  r.orders.filter(
    (c) =>
      c.type === "limit" &&
      c.status === "CANCELLED" &&
      c.reason?.startsWith("USER") === true &&
      r.orders.some(
        (m) =>
          m.type === "market" &&
          m.symbol === c.symbol &&
          m.createdAt === c.updatedAt &&
          m.amount === c.amount - c.filled &&
          m.status === "FILLED",
      ),
  );

/** Rejected orders followed, on the same bar, by an accepted order of the same side and a smaller size. */
const rejectionsRetriedSmaller = (r: Results): OrderRow[] =>
  r.orders.filter(
    (rej, i) =>
      rej.status === "REJECTED" &&
      /^(INSUFFICIENT_FUNDS|POSITION_LIMIT)/.test(rej.reason ?? "") &&
      r.orders
        .slice(i + 1)
        .some(
          (o) =>
            o.status !== "REJECTED" &&
            o.symbol === rej.symbol &&
            o.createdAt === rej.createdAt &&
            Math.sign(o.amount) === Math.sign(rej.amount) &&
            Math.abs(o.amount) < Math.abs(rej.amount),
        ),
  );

/** OCO groups in which one leg filled and the other was cancelled, unfilled, with reason OCO. */
function ocoGroupsResolved(r: Results): string[] {
  const groups = new Map<string, OrderRow[]>();
  for (const o of r.orders) if (o.ocoId !== null) groups.set(o.ocoId, [...(groups.get(o.ocoId) ?? []), o]);
  return [...groups]
    .filter(([, legs]) => legs.length === 2 && legs.some((l) => l.filled !== 0))
    .filter(([, legs]) => legs.some((l) => l.status === "CANCELLED" && l.filled === 0 && l.reason?.startsWith("OCO")))
    .map(([id]) => id);
}

const expiredWith = (r: Results, code: string): OrderRow[] =>
  r.orders.filter((o) => o.status === "EXPIRED" && o.reason?.startsWith(code));

const cancelledWith = (r: Results, code: string): OrderRow[] =>
  r.orders.filter((o) => o.status === "CANCELLED" && o.reason?.startsWith(code));

/** Evidence for every one of several claims: the smallest count. */
const all = (...counts: number[]): number => Math.min(...counts);

// --- The table: what each example must show -------------------------------------------------

/** [completes "the <example> example ...", how often the results show it, the least count wanted (default 1)] */
type Expectation = [says: string, count: (r: Results) => number, atLeast?: number];

const EXPECTATIONS: Record<string, Expectation[]> = {
  "buy-and-hold.ts": [
    ["buys SPY with one market order", (r) => (r.orders.length === 1 ? filled(r, { type: "market" }).length : 0)],
  ],
  "mean-reversion-limits.ts": [
    ["buys AAPL through limit orders", (r) => filled(r, { symbol: "AAPL", type: "limit", side: "buy" }).length],
  ],
  "stop-loss.ts": [
    ["leaves AAPL through a stop order", (r) => filled(r, { symbol: "AAPL", type: "stop", side: "sell" }).length],
  ],
  "bracket-order.ts": [
    [
      "exits TSLA through a stop-loss or take-profit child",
      (r) => filled(r, { symbol: "TSLA", roles: ["stopLoss", "takeProfit"] }).length,
    ],
  ],
  "trailing-stop.ts": [
    ["leaves AAPL through a trailing stop that moved up first", (r) => trailingStopsFilledAfterMoving(r).length],
  ],
  "fixed-dollar-sizing.ts": [
    ["first buys SPY worth just under $10,000", (r) => firstFillWorth(r, "SPY", 0.095, 0.1005)],
    ["then trims the holding with sells as SPY rises", (r) => fillsOf(r, "SPY", "sell").length],
  ],
  "percent-of-portfolio.ts": [
    ["first buys QQQ worth about 10% of the portfolio", (r) => firstFillWorth(r, "QQQ", 0.095, 0.1005)],
    [
      "then buys and sells QQQ to stay there",
      (r) => all(fillsOf(r, "QQQ", "buy").length - 1, fillsOf(r, "QQQ", "sell").length),
    ],
  ],
  "kelly-sizing.ts": [
    ["first buys AAPL worth half the Kelly fraction, 16.25%", (r) => firstFillWorth(r, "AAPL", 0.1575, 0.163)],
  ],
  "stale-limit-replacement.ts": [
    ["cancels a stale limit order and fills its unfilled rest at market", (r) => staleLimitsReplaced(r).length],
  ],
  "partial-fill-monitoring.ts": [
    [
      "cancels the rest of an order filled less than 75% on a thin day",
      (r) => partlyFilledThenCancelled(r, 0.75).length,
    ],
  ],
  "pairs-trading.ts": [
    [
      "sells PEP short at times and KO short at others",
      (r) => all(shortFills(r, "PEP").length, shortFills(r, "KO").length),
    ],
    ["closes the pair again", (r) => r.trades.filter((t) => t.symbol === "PEP" || t.symbol === "KO").length],
  ],
  "monthly-rebalancing.ts": [
    [
      "trades all four of SPY, QQQ, IWM and TLT",
      (r) => all(...["SPY", "QQQ", "IWM", "TLT"].map((s) => r.fills.filter((f) => f.symbol === s).length)),
    ],
  ],
  "scale-in.ts": [
    ["builds its AAPL position in three buys of 100 on different days", (r) => daysWithBuys(r, "AAPL", 100).size, 3],
  ],
  "scale-out.ts": [
    [
      "sells an AAPL position in parts, still holding some after a sell",
      (r) => fillsWithPosition(r, "AAPL").filter((f) => f.amount < 0 && f.after > 0).length,
    ],
  ],
  "robust-ordering.ts": [
    ["retries a rejected AAPL order with a smaller one that is accepted", (r) => rejectionsRetriedSmaller(r).length],
  ],
  "stop-limit.ts": [
    ["buys SPY through a stop-limit order", (r) => filled(r, { symbol: "SPY", type: "stopLimit", side: "buy" }).length],
  ],
  "oco-exit.ts": [
    ["leaves through one OCO leg and cancels the other with reason OCO", (r) => ocoGroupsResolved(r).length],
  ],
  "time-in-force.ts": [
    [
      "lets DAY and GTD orders expire",
      (r) => all(expiredWith(r, "EXPIRED_DAY").length, expiredWith(r, "EXPIRED_GTD").length),
    ],
    [
      "fills orders placed with a time in force other than GTC",
      (r) => filled(r, {}).filter((o) => o.tif !== "GTC").length,
    ],
    [
      "cancels the rest of IOC orders and the whole of FOK orders that could not fill on their first bar",
      (r) => all(cancelledWith(r, "IOC_UNFILLED").length, cancelledWith(r, "FOK_UNFILLED").length),
    ],
    ["fills an FOK order whole", (r) => filled(r, {}).filter((o) => o.tif === "FOK" && o.filled === o.amount).length],
  ],
};

// --- Running ------------------------------------------------------------------------------

const cache = new Map<string, Results>();
function resultsOf(file: string): Results {
  let r = cache.get(file);
  if (r === undefined) {
    const source = readFileSync(examplesDir + file, "utf8");
    r = runStrategy({ source, fileName: file, bars, settings: SETTINGS }).results;
    cache.set(file, r);
  }
  return r;
}

describe("the examples gallery", () => {
  it("has a row in this table for every file in examples/, and a file for every row", () => {
    const files = readdirSync(examplesDir)
      .filter((f) => f.endsWith(".ts"))
      .sort();
    expect(files).toEqual(Object.keys(EXPECTATIONS).sort());
  });

  for (const [file, expectations] of Object.entries(EXPECTATIONS)) {
    for (const [says, count, atLeast = 1] of expectations) {
      it(`the ${file.replace(/\.ts$/, "")} example ${says}`, () => {
        expect(count(resultsOf(file)), says).toBeGreaterThanOrEqual(atLeast);
      });
    }
  }
});
