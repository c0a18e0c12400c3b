import { describe, expect, it } from "vitest";
import { MAX_TURN_MS, PageTurnGiver, makePageTurnBuffer, pageTurnWaiter } from "../../src/runtime/page-turn";

/** A waiter whose waits are recorded instead of slept. */
function recordedWaiter(buf: SharedArrayBuffer) {
  const waits: Array<{ value: number; ms: number }> = [];
  const wait = pageTurnWaiter(buf, (_cell, value, ms) => waits.push({ value, ms }));
  return { wait, waits };
}

describe("the page's turn to draw, between the page and the run worker", () => {
  it("lets the worker go on at once while the page has not taken its turn", () => {
    const buf = makePageTurnBuffer();
    const { wait, waits } = recordedWaiter(buf);
    wait();
    wait();
    expect(waits).toEqual([]);
  });

  it("makes the worker wait, at most MAX_TURN_MS, while the page draws", () => {
    const buf = makePageTurnBuffer();
    const page = new PageTurnGiver(buf);
    const { wait, waits } = recordedWaiter(buf);
    page.take();
    wait();
    expect(waits).toEqual([{ value: 1, ms: MAX_TURN_MS }]);
  });

  it("waits for one turn once: a page that keeps it past the limit (a background tab) no longer holds the worker", () => {
    const buf = makePageTurnBuffer();
    const page = new PageTurnGiver(buf);
    const { wait, waits } = recordedWaiter(buf);
    page.take();
    page.take(); // taken again before it was given back: the same turn
    wait();
    wait();
    wait();
    expect(waits).toHaveLength(1);
  });

  it("waits again for the page's next turn, once the last was given back", () => {
    const buf = makePageTurnBuffer();
    const page = new PageTurnGiver(buf);
    const { wait, waits } = recordedWaiter(buf);
    page.take();
    wait();
    page.give();
    wait(); // given back: nothing to wait for
    page.take();
    wait();
    expect(waits.map((w) => w.value)).toEqual([1, 3]);
  });

  it("really sleeps the waiting thread until the limit when the page keeps its turn", () => {
    const buf = makePageTurnBuffer();
    new PageTurnGiver(buf).take();
    const wait = pageTurnWaiter(buf);
    const t0 = performance.now();
    wait();
    // Atomics.wait (allowed on Node's main thread) times out after MAX_TURN_MS, not before.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(MAX_TURN_MS - 1);
  });
});
