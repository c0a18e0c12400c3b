import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, type WorkerMessage } from "../../src/runtime/protocol";
import { runSession } from "../../src/runtime/run-session";
import { warmUpBars, warmUpEngine } from "../../src/runtime/warm-up-engine";
import { makeWhereBuffer } from "../../src/runtime/where-cells";

// A strategy of a user's, unlike the warm-up's own: limit entries, a stop, a log line, a record.
const USERS_STRATEGY = `import { TradingAlgorithm, order, getOpenOrders, cancelOrder, LimitOrder, StopOrder, record, type Context, type BarData } from "playground";
export default class Dips extends TradingAlgorithm {
  initialize(context: Context) { context.asset = this.symbol("W"); }
  handleData(context: Context, data: BarData) {
    const a = context.asset;
    const close = data.current(a, "close");
    record("close", close);
    for (const o of getOpenOrders(a)) if (context.barIndex % 7 === 0) cancelOrder(o);
    const held = context.portfolio.positions.get(a)?.amount ?? 0;
    if (held === 0 && context.barIndex % 5 === 0) order(a, 10, { style: new LimitOrder(close * 0.99) });
    else if (held > 0 && getOpenOrders(a).length === 0) {
      order(a, -held, { style: new StopOrder(close * 0.97) });
      this.log.info("protected " + held);
    }
  }
}`;

/** Every message of one session as the bytes the page would get (typed arrays as lists), and its rows. */
function sessionBytes(): string {
  const sent: unknown[] = [];
  let clock = 0;
  const rows = runSession(
    {
      type: "run",
      protocolVersion: PROTOCOL_VERSION,
      runId: 3,
      source: USERS_STRATEGY,
      fileName: "strategy.ts",
      settings: { cash: 100_000, fillModel: "ohlc", sameBarPolicy: "path" },
      data: [],
      where: makeWhereBuffer(),
      rowsLater: true,
    },
    [warmUpBars(1_500)],
    [],
    (m: WorkerMessage) => sent.push(m),
    () => (clock += 3), // a batch every 64 bars, the same in every run
  );
  rows?.();
  return JSON.stringify(sent, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
  );
}

describe("a spare run worker's engine warm-up", () => {
  // First in this file (each test file has modules of its own): the run without is a fresh worker's.
  it("leaves nothing behind: a run after it sends the same bytes as a run without it", () => {
    const without = sessionBytes();
    expect(without).toContain('"type":"done"');
    expect(without).toContain("protected");
    for (let i = 0; i < 3; i++) warmUpEngine(1_000, () => i, makeWhereBuffer());
    expect(sessionBytes()).toBe(without);
  });

  it("trades on its made-up bars: the order path and the results are warmed, not just the loop", () => {
    expect(warmUpEngine(1_000, () => 0)).toBeGreaterThan(10);
  });
});
