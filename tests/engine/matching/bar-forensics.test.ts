import { describe, expect, it } from "vitest";
import {
  explainBar,
  type BarForensics,
  type ForensicsInput,
  type ForensicsOrderRow,
} from "../../../src/engine/matching/bar-forensics";
import { BracketOrder, LimitOrder, StopOrder, TrailingStopOrder } from "../../../src/engine/orders/execution-styles";
import type { RunSettings } from "../../../src/engine/settings";
import type { SameBarPolicy } from "../../../src/engine/settings/same-bar-setting";
import { bars, type Row } from "../helpers/bars";
import { eventsOfType, idAt, orderOf, run, type Step, type TestRun } from "../helpers/run";

/** The page's view of a run (orders with their transitions, fills, stop moves), folded from its events. */
function explain(bt: TestRun, t: number, settings: Partial<ForensicsInput> = {}): BarForensics {
  const orders: Record<string, ForensicsOrderRow> = {};
  for (const e of eventsOfType(bt, "order")) {
    const step = { dt: e.dt, event: e.event, status: e.order.status, filled: e.order.filled };
    orders[e.order.id] = { order: e.order, history: [...(orders[e.order.id]?.history ?? []), step] };
  }
  const sym = bt.md.bars[0]!;
  const c = sym.time.indexOf(bt.md.timeline[t]!);
  return explainBar({
    symbol: sym.symbol,
    bar: {
      dt: sym.time[c]!,
      open: sym.open[c]!,
      high: sym.high[c]!,
      low: sym.low[c]!,
      close: sym.close[c]!,
      volume: sym.volume[c]!,
    },
    fillModel: "ohlc",
    samePolicy: "path",
    volumeLimit: null,
    orders,
    fills: eventsOfType(bt, "fill"),
    stopMoves: eventsOfType(bt, "stopMoved"),
    ...settings,
  });
}

const runA = (rows: Row[], script: Record<number, Step>, settings: Partial<RunSettings> = {}) =>
  run(bars("A", rows), script, { settings });

describe("bar forensics", () => {
  it("a sell stop gapped through at the open says gap and fills at the open", () => {
    // bought 10 at bar 1's open 100; the sell stop 95 is first matched on bar 2, which opens at 94
    const bt = runA(
      [
        [100, 100, 100, 100],
        [100, 101, 99, 100],
        [94, 96, 93, 95],
      ],
      { 0: (b) => b.order(b.symbol("A"), 10), 1: (b) => b.order(b.symbol("A"), -10, { style: new StopOrder(95) }) },
    );
    const f = explain(bt, 2);
    expect(f.path.map((p) => [p.label, p.price])).toEqual([
      ["open", 94],
      ["low", 93], // 94 − 93 = 1 is nearer than 96 − 94 = 2
      ["high", 96],
      ["close", 95],
    ]);
    const [stop] = f.orders;
    expect(stop).toMatchObject({ label: "stop", reach: { tau: 0, price: 94, gap: true }, filled: -10, fillPrice: 94 });
    expect(stop!.why).toEqual(["gap"]);
    expect(stop!.text).toMatch(/gap: the bar opened at 94\.00, already through 95\.00/);
  });

  it("a EURUSD bar's sentences write its prices in the symbol's five decimals", () => {
    // bar 1: open 1.07346, low 1.07281 (0.00065 away) nearer than high 1.07412 (0.00066): low first;
    // the buy limit 1.07300 is under the open and touched on the way down
    const fx = bars(
      "A",
      [
        [1.0734, 1.0734, 1.0734, 1.0734],
        [1.07346, 1.07412, 1.07281, 1.0739],
      ],
      "2024-01-01",
      { tickSize: 0.00001 },
    );
    const bt = run(fx, { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(1.073) }) });
    const f = explain(bt, 1, { tick: 0.00001 });
    expect(f.tick).toBe(0.00001);
    expect(f.orders[0]!.text).toBe(
      "limit (o1, buy 10, limit 1.07300): touch: the price reached 1.07300 on the way from the open 1.07346 down to the low 1.07281 (touching a level counts); filled 10 at 1.07300.",
    );
  });

  it("a buy limit touched on the way down says touch at its price three quarters along the first leg", () => {
    // bar 1: open 100, low 96, high 104 — equally near, so low first: 100 → 96 → 104 → 102;
    // 97 is reached after (100 − 97) / (100 − 96) = 0.75 of the leg
    const bt = runA(
      [
        [100, 100, 100, 100],
        [100, 104, 96, 102],
      ],
      { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(97) }) },
    );
    const [limit] = explain(bt, 1).orders;
    expect(limit).toMatchObject({ reach: { tau: 0.75, price: 97, gap: false }, filled: 10, fillPrice: 97 });
    expect(limit!.why).toEqual(["touch"]);
    expect(limit!.text).toContain(
      "touch: the price reached 97.00 on the way from the open 100.00 down to the low 96.00",
    );
  });

  // Long 10 at bar 1's open 100 with SL 95 / TP 105; bar 1 runs 100 → 94 → 106 → 104 (low first,
  // 6 each way): the stop is reached at 5/6 of the first leg, the target at 1 + 11/12.
  const bracketBar: Row[] = [
    [100, 100, 100, 100],
    [100, 106, 94, 104],
  ];
  const bracket = (samePolicy: SameBarPolicy) => {
    const bt = runA(
      bracketBar,
      {
        0: (b) => b.order(b.symbol("A"), 10, { style: new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 105 }) }),
      },
      { sameBarPolicy: samePolicy },
    );
    const [sl, tp] = orderOf(bt, idAt(bt, 0)).children;
    return { f: explain(bt, 1, { samePolicy }), sl: sl!, tp: tp! };
  };

  it("a bracket whose bar touches both legs names the leg the path reaches first under `path`", () => {
    const { f, sl, tp } = bracket("path");
    expect(f.ambiguous).toEqual([
      { stopId: sl, targetId: tp, pathFirst: sl, chosen: sl, policy: "path", text: expect.any(String) },
    ]);
    expect(f.ambiguous[0]!.text).toBe(
      `Ambiguous bar: both SL ${sl} and TP ${tp} could fill. The path reaches SL ${sl} first (on the way from the open 100.00 down to the low 94.00); the same-bar policy \`path\` follows the path: SL ${sl} filled.`,
    );
    const slOnBar = f.orders.find((o) => o.orderId === sl)!;
    const tpOnBar = f.orders.find((o) => o.orderId === tp)!;
    expect(slOnBar.reach!.tau).toBeCloseTo(5 / 6, 12);
    expect(tpOnBar.reach!.tau).toBeCloseTo(1 + 11 / 12, 12);
    expect(slOnBar).toMatchObject({ label: "SL", filled: -10, fillPrice: 95, outcome: "filled" });
    expect(slOnBar.why).toEqual(["touch", "same-bar policy"]);
    expect(tpOnBar).toMatchObject({ label: "TP", filled: 0, outcome: "cancelled" });
    expect(tpOnBar.why).toEqual(["oco"]);
  });

  it("under targetFirst the same bar says the policy chose the take-profit over the earlier stop", () => {
    const { f, sl, tp } = bracket("targetFirst");
    expect(f.ambiguous[0]).toMatchObject({ pathFirst: sl, chosen: tp });
    const tpOnBar = f.orders.find((o) => o.orderId === tp)!;
    expect(tpOnBar).toMatchObject({ filled: -10, fillPrice: 105 });
    expect(tpOnBar.text).toContain(
      "the same-bar policy `targetFirst` chose this leg over the one the path reaches first",
    );
    expect(f.ambiguous[0]!.text).toContain(
      `the same-bar policy \`targetFirst\` puts the target first: TP ${tp} filled`,
    );
    expect(f.orders.find((o) => o.orderId === sl)!.outcome).toBe("cancelled");
  });

  it("a bar that opens through the take-profit lists no ambiguous pair, though it later reaches the stop", () => {
    // long 10 at bar 1's open 100 (SL 95 / TP 105); bar 2 opens at 107, then falls to 94
    const bt = runA(
      [
        [100, 100, 100, 100],
        [100, 100, 100, 100],
        [107, 108, 94, 100],
      ],
      {
        0: (b) => b.order(b.symbol("A"), 10, { style: new BracketOrder({ stopLossPrice: 95, takeProfitPrice: 105 }) }),
      },
      { sameBarPolicy: "stopFirst" },
    );
    const [, tp] = orderOf(bt, idAt(bt, 0)).children;
    const f = explain(bt, 2, { samePolicy: "stopFirst" });
    expect(f.ambiguous).toEqual([]);
    expect(f.orders.find((o) => o.orderId === tp)).toMatchObject({ filled: -10, fillPrice: 107, why: ["gap"] });
  });

  it("a fill capped by the bar's volume says volume cap and how much carries over", () => {
    // volume 50 × 10% = 5 of the 10 shares fill on bar 1
    const bt = runA(
      [
        [100, 100, 100, 100, 50],
        [100, 100, 100, 100, 50],
      ],
      { 0: (b) => b.order(b.symbol("A"), 10) },
      { slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 } },
    );
    const [o] = explain(bt, 1, { volumeLimit: 0.1 }).orders;
    expect(o).toMatchObject({ open: 10, filled: 5, outcome: "partly filled" });
    expect(o!.why).toEqual(["market", "volume cap"]);
    expect(o!.text).toContain("at most 5 shares may fill on this bar");
    expect(o!.text).toContain("so 5 carry to the next bar");
  });

  it("a stop that filled in part on an earlier bar is explained as filling the rest at the open", () => {
    // bar 1 touches the stop 95 and fills 100 of 250 (10% of 1,000); bar 2 opens at 99 above it and
    // never comes back: the rest fills at the open as a market order, 100 more
    const bt = runA(
      [
        [100, 100, 100, 100, 1000],
        [100, 100, 94, 95, 1000],
        [99, 101, 98, 100, 1000],
      ],
      { 0: (b) => b.order(b.symbol("A"), -250, { style: new StopOrder(95) }) },
      { slippage: { model: "FixedBasisPointsSlippage", basisPoints: 0, volumeLimit: 0.1 } },
    );
    const [o] = explain(bt, 2, { volumeLimit: 0.1 }).orders;
    expect(o).toMatchObject({ filled: -100, fillPrice: 99, outcome: "partly filled" });
    expect(o!.reach).toMatchObject({ tau: 0, price: 99 });
    expect(o!.why).toEqual(["market", "volume cap"]);
    expect(o!.text).toContain("its stop was hit on an earlier bar, so the rest is a market order");
  });

  it("a buy cut for cash says cash with the engine's reason", () => {
    // $1,000 buys 9 at the close 100 when placed; bar 1 opens at 120: cash covers 8 (960), the rest is cancelled
    const bt = runA(
      [
        [100, 100, 100, 100],
        [120, 121, 119, 120],
      ],
      { 0: (b) => b.order(b.symbol("A"), 9) },
      { cash: 1000 },
    );
    const [o] = explain(bt, 1).orders;
    expect(o).toMatchObject({ filled: 8, fillPrice: 120, outcome: "cancelled" });
    expect(o!.why).toEqual(["market", "cash"]);
    expect(o!.text).toMatch(/cash: INSUFFICIENT_FUNDS: cash \$1,000\.00 covers 8 of 9/);
  });

  it("a level the path never reaches says not reached with the bar's range", () => {
    const bt = runA(
      [
        [100, 100, 100, 100],
        [100, 103, 98, 101],
      ],
      { 0: (b) => b.order(b.symbol("A"), 10, { style: new LimitOrder(95) }) },
    );
    const [o] = explain(bt, 1).orders;
    expect(o!.why).toEqual(["not reached"]);
    expect(o!.text).toContain("never got to 95.00 (low 98.00, high 103.00)");
  });

  it("a trailing stop is explained at the level in force on the bar, not the one it moved to after", () => {
    // placed at the close 100 with a 5 trail: stop 95; bar 1's high 110 moves it to 105 after bar 1;
    // bar 2 runs 106 → 107 → 104 → 105 (high nearer) and meets 105 at 1 + (107 − 105) / (107 − 104) = 1 2/3
    const bt = runA(
      [
        [100, 100, 100, 100],
        [100, 110, 99, 108],
        [106, 107, 104, 105],
      ],
      { 0: (b) => b.order(b.symbol("A"), -10, { style: new TrailingStopOrder({ trailAmount: 5 }) }) },
    );
    const [onBar1] = explain(bt, 1).orders;
    expect(onBar1).toMatchObject({ label: "trail", stop: 95, reach: null });
    expect(onBar1!.why).toEqual(["not reached"]);
    const [onBar2] = explain(bt, 2).orders;
    expect(onBar2).toMatchObject({ stop: 105, filled: -10, fillPrice: 105 });
    expect(onBar2!.reach!.tau).toBeCloseTo(5 / 3, 12);
    expect(onBar2!.text).toContain("on the way from the high 107.00 down to the low 104.00");
  });
});
