import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BracketOrder } from "../../../src/engine/orders/execution-styles";
import { buildResults, buildRunSummary } from "../../../src/engine/results/results";
import { roundTrips, tradeOutcomes } from "../../../src/engine/results/round-trips";
import { bars, type Row } from "../helpers/bars";
import { run } from "../helpers/run";

/** A bar on a cent grid between 90 and 110: four prices, the lowest the low, the highest the high. */
const barArb = fc.tuple(...[0, 1, 2, 3].map(() => fc.integer({ min: 9000, max: 11000 }))).map(([a, b, c, d]) => {
  const [lo, x, y, hi] = [a, b, c, d].sort((p, q) => p - q).map((v) => v / 100);
  return [x!, hi!, lo!, y!] as Row;
});

/** What the script does on a bar: nothing, a market order of some shares either way, a bracket, or a log line. */
const actionArb = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.integer({ min: -30, max: 30 }).map((shares) => ({ kind: "market" as const, shares })),
  fc.integer({ min: 1, max: 500 }).map((cents) => ({ kind: "bracket" as const, width: cents / 100 })),
  fc.constant({ kind: "log" as const }),
);

const runArb = fc.record({
  rows: fc.array(barArb, { minLength: 2, maxLength: 40 }),
  actions: fc.array(actionArb, { minLength: 40, maxLength: 40 }),
  perShare: fc.constantFrom(0, 0.01, 0.005),
  benchmark: fc.boolean(),
});

type RandomRun = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

/** A random run on two symbols: trades on A (long, short, reversals, brackets), B as the benchmark or held. */
function randomRun({ rows, actions, perShare, benchmark }: RandomRun) {
  return run(
    [bars("A", rows), bars("B", rows.slice().reverse())],
    (bt, _context, data, t) => {
      const a = actions[t]!;
      const asset = bt.symbol("A");
      if (a.kind === "market" && a.shares !== 0) bt.order(asset, a.shares);
      if (a.kind === "bracket") {
        const p = data.current(asset, "close");
        bt.order(asset, 10, { style: new BracketOrder({ stopLossPrice: p - a.width, takeProfitPrice: p + a.width }) });
      }
      if (a.kind === "log") bt.host.log.info(`bar ${t}`);
      if (t === 1) bt.order(bt.symbol("B"), 5);
    },
    {
      settings: { commission: perShare > 0 ? { model: "PerShare", cost: perShare } : { model: "NoCommission" } },
      init: (bt) => {
        if (benchmark) bt.setBenchmark(bt.symbol("B"));
      },
    },
  );
}

describe("the summary the command line prints without the long parts", () => {
  it("has the very run and summary of the full results", () => {
    fc.assert(
      fc.property(runArb, (r) => {
        const bt = randomRun(r);
        const meta = { strategy: "random", elapsedMs: 12.3 };
        const full = buildResults(bt, meta);
        expect(buildRunSummary(bt, meta)).toEqual({ run: full.run, summary: full.summary });
      }),
      { numRuns: 60 },
    );
  });

  it("reads of each trade the side, P&L and bars the round trips give, in the same order", () => {
    fc.assert(
      fc.property(runArb, (r) => {
        const bt = randomRun(r);
        const trips = roundTrips(bt.broker.fills, bt.md, bt.broker.orders);
        expect(tradeOutcomes(bt.broker.fills)).toEqual(
          trips.map(({ side, pnl, bars: held }) => ({ side, pnl, bars: held })),
        );
      }),
      { numRuns: 60 },
    );
  });
});
