import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EventColumnsEncoder } from "../../../src/runtime/event-columns";
import { PROTOCOL_VERSION, type WorkerMessage } from "../../../src/runtime/protocol";
import { batchPacer, FLUSH_MS } from "../../../src/ui/run/batch-pacer";

const batch = (barsDone: number): WorkerMessage => ({
  type: "batch",
  protocolVersion: PROTOCOL_VERSION,
  runId: 1,
  barsDone,
  totalBars: 100,
  events: new EventColumnsEncoder().take(),
  equity: { from: 0, time: new Float64Array(0), value: new Float64Array(0), cash: new Float64Array(0) },
  benchmark: null,
});

/** Frames come only when the test says: the page is busy until then. */
let frames: Array<() => void> = [];
const drawFrame = () => {
  const due = frames;
  frames = [];
  for (const f of due) f();
};

/** A pacer that records, for each store change, the bars done of the batches it applied together. */
function recordingPacer() {
  const applied: number[][] = [];
  const pacer = batchPacer((msgs) => (applied.push(msgs.map((m) => (m.type === "batch" ? m.barsDone : -1))), true));
  return { applied, pacer };
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = [];
  vi.stubGlobal("requestAnimationFrame", (f: () => void) => frames.push(f));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("a run's batches on their way into the store", () => {
  it("wait FLUSH_MS and enter together", () => {
    const { applied, pacer } = recordingPacer();
    pacer.push(batch(10));
    pacer.push(batch(20));
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(FLUSH_MS);
    expect(applied).toEqual([[10, 20]]);
  });

  it("wait for the page to draw the last change before the next, however long that takes", () => {
    const { applied, pacer } = recordingPacer();
    pacer.push(batch(10));
    vi.advanceTimersByTime(FLUSH_MS);
    pacer.push(batch(20));
    pacer.push(batch(30));
    vi.advanceTimersByTime(10 * FLUSH_MS);
    expect(applied).toEqual([[10]]);
    drawFrame();
    vi.advanceTimersByTime(FLUSH_MS);
    expect(applied).toEqual([[10], [20, 30]]);
  });

  it("wait for the charts to have drawn the last change, as the page says, before the next is timed", () => {
    const applied: number[][] = [];
    let drawnNow: (() => void) | null = null;
    const pacer = batchPacer(
      (msgs) => (applied.push(msgs.map((m) => (m.type === "batch" ? m.barsDone : -1))), true),
      (then) => (drawnNow = then),
    );
    pacer.push(batch(10));
    vi.advanceTimersByTime(FLUSH_MS);
    pacer.push(batch(20));
    drawFrame();
    vi.advanceTimersByTime(10 * FLUSH_MS);
    expect(applied).toEqual([[10]]);
    drawnNow!();
    vi.advanceTimersByTime(FLUSH_MS - 1);
    expect(applied).toEqual([[10]]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([[10], [20]]);
  });

  it("the bar loop's last batch enters without the pace's wait, with those waiting, once the change before is drawn", () => {
    const { applied, pacer } = recordingPacer();
    pacer.push(batch(10));
    vi.advanceTimersByTime(FLUSH_MS);
    pacer.push(batch(60));
    pacer.push(batch(100));
    vi.advanceTimersByTime(0);
    expect(applied).toEqual([[10]]);
    drawFrame();
    vi.advanceTimersByTime(0);
    expect(applied).toEqual([[10], [60, 100]]);
  });

  it("the bar loop's last batch, arriving while others wait their pace, takes them along at once", () => {
    const { applied, pacer } = recordingPacer();
    pacer.push(batch(40));
    vi.advanceTimersByTime(FLUSH_MS / 2);
    pacer.push(batch(100));
    vi.advanceTimersByTime(0);
    expect(applied).toEqual([[40, 100]]);
  });

  it("all enter at once when the run ends, drawn or not", () => {
    const { applied, pacer } = recordingPacer();
    pacer.push(batch(10));
    vi.advanceTimersByTime(FLUSH_MS);
    pacer.push(batch(20));
    expect(pacer.flush()).toBe(true);
    expect(applied).toEqual([[10], [20]]);
  });

  it("says whether batches wait, so the run's end can take them in a task before its own", () => {
    const { pacer } = recordingPacer();
    expect(pacer.waiting()).toBe(false);
    pacer.push(batch(10));
    expect(pacer.waiting()).toBe(true);
    pacer.flush();
    expect(pacer.waiting()).toBe(false);
  });
});
