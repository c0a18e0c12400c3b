import { describe, expect, it } from "vitest";
import { TrailingStopOrder } from "../../../src/engine/orders/execution-styles";
import type { FillModelName } from "../../../src/engine/matching/fill-model";
import { bars, type Row } from "../helpers/bars";
import { eventsOfType, fillsOf, idAt, orderOf, run } from "../helpers/run";

/** Place a trailing stop for `amount` A on bar 0 (close 100) and record order.stop at every bar. */
function trailing(
  rows: Row[],
  amount: number,
  params: ConstructorParameters<typeof TrailingStopOrder>[0],
  fillModel: FillModelName = "ohlc",
) {
  const seen: Array<number | null> = [];
  const bt = run(
    bars("A", [[100, 100, 100, 100], ...rows]),
    (b, _c, _d, t) => {
      if (t === 0) return b.order(b.symbol("A"), amount, { style: new TrailingStopOrder(params) });
      seen.push(b.getOrder(idAt(b, 0)!)!.stop);
      return undefined;
    },
    { settings: { fillModel } },
  );
  const id = idAt(bt, 0);
  const moves = eventsOfType(bt, "stopMoved").map((e) => ({
    orderId: e.orderId,
    bar: bt.md.timeline.indexOf(e.dt),
    stop: e.stop,
    hwm: e.hwm,
  }));
  return { bt, id, order: orderOf(bt, id), seen, moves };
}

describe("trailing stops", () => {
  it("a sell trailing percent starts at the last close and ratchets with the highs of earlier bars", () => {
    const { bt, id, seen, moves } = trailing(
      [
        [101, 110, 100, 108], // level 90 used; hwm → 110, stop 99
        [108, 115, 100, 101], // level 99 used (not 115 × 0.9 = 103.5): low 100 does not reach it; hwm → 115
        [104, 104.5, 102, 103], // level 103.5: path 104 → 104.5 → 102 crosses it
      ],
      -10,
      { trailPercent: 0.1 },
    );
    expect(moves).toEqual([
      { orderId: id, bar: 0, stop: 100 * 0.9, hwm: 100 },
      { orderId: id, bar: 1, stop: 110 * 0.9, hwm: 110 },
      { orderId: id, bar: 2, stop: 115 * 0.9, hwm: 115 },
    ]);
    expect(seen.slice(0, 2)).toEqual([110 * 0.9, 115 * 0.9]); // order.stop is the current level
    expect(fillsOf(bt, id)).toEqual([[3, -10, 115 * 0.9]]);
  });

  it("a sell trailing amount trails by a fixed distance", () => {
    const { bt, id, moves } = trailing(
      [
        [101, 110, 100, 108], // level 95; hwm 110 → stop 105
        [108, 112, 104, 106], // level 105; high and low both 4 away: low first, crosses 105
      ],
      -10,
      { trailAmount: 5 },
    );
    expect(moves.map((m) => [m.stop, m.hwm])).toEqual([
      [95, 100],
      [105, 110],
    ]);
    expect(fillsOf(bt, id)).toEqual([[2, -10, 105]]);
  });

  it("a buy trailing stop mirrors with a low-water mark", () => {
    const { bt, id, moves } = trailing(
      [
        [99, 100, 90, 92], // level 110; lwm → 90, stop 99
        [92, 99.5, 91, 99], // level 99: path 92 → 91 → 99.5 crosses it on the way up
      ],
      10,
      { trailPercent: 0.1 },
    );
    expect(moves.map((m) => [m.stop, m.hwm])).toEqual([
      [100 * 1.1, 100],
      [90 * 1.1, 90],
    ]);
    expect(fillsOf(bt, id)).toEqual([[2, 10, 90 * 1.1]]);
  });

  it("a bar that does not make a new high emits no stopMoved", () => {
    const { moves } = trailing(
      [
        [100, 100, 99, 99.5],
        [99.5, 100, 99, 99],
      ],
      -10,
      { trailPercent: 0.1 },
    );
    expect(moves).toHaveLength(1);
  });

  it("a trailing level is computed, not rounded to the tick", () => {
    const { order } = trailing([[100, 100.37, 100, 100.2]], -10, { trailPercent: 0.03 });
    expect(order.stop).toBe(100.37 * (1 - 0.03)); // 97.3589, between ticks
  });

  it("under the close model the watermark still follows the bar's high", () => {
    // bar 1 high 110 → stop 99; bar 2 closes 98.5 ≤ 99 → fills at the close
    const { bt, id, moves } = trailing(
      [
        [101, 110, 100, 105],
        [105, 106, 98, 98.5],
      ],
      -10,
      { trailPercent: 0.1 },
      "close",
    );
    expect(moves.map((m) => m.hwm)).toEqual([100, 110]);
    expect(fillsOf(bt, id)).toEqual([[2, -10, 98.5]]);
  });
});
