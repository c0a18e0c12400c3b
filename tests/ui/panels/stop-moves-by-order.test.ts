import { describe, expect, it } from "vitest";
import type { StopMovedEvent } from "../../../src/store/run-results";
import { StopMovesByOrder } from "../../../src/ui/panels/stop-moves-by-order";

const DAY = 86_400_000;
const move = (orderId: string, day: number, stop: number): StopMovedEvent => ({
  type: "stopMoved",
  dt: day * DAY,
  orderId,
  symbol: "AAPL",
  stop,
  hwm: stop / 0.97,
});

describe("a trailing stop's level as the blotter reads it", () => {
  it("is where its last move put it, as the moves stream in batch by batch", () => {
    const index = new StopMovesByOrder();
    const first = [move("o1", 1, 247.97)];
    expect(index.update(first).latest("o1")).toBe(247.97);
    const second = first.concat([move("o2", 2, 99), move("o1", 2, 253.83)]);
    expect(index.update(second).latest("o1")).toBe(253.83);
    expect(index.of("o1").map((m) => m.stop)).toEqual([247.97, 253.83]);
    expect(index.latest("o2")).toBe(99);
  });

  it("is null for an order that never moved (a trail placed on the last bar, or any other order)", () => {
    expect(new StopMovesByOrder().update([move("o1", 1, 10)]).latest("o9")).toBeNull();
  });

  it("starts over for a new run's moves, even one with more moves than the last", () => {
    const index = new StopMovesByOrder();
    index.update([move("o1", 1, 50)]);
    const next = [move("o1", 3, 20), move("o1", 4, 21)];
    expect(
      index
        .update(next)
        .of("o1")
        .map((m) => m.stop),
    ).toEqual([20, 21]);
    expect(index.update([]).latest("o1")).toBeNull();
  });
});
