import { describe, expect, it, vi } from "vitest";
import { FrameJobs, MAX_DRAWN_WAIT_MS, whenChartsDrawn } from "../../../src/ui/charts/frame-jobs";

/** Frames stepped by hand: each step draws one frame and runs what waited for it. */
function frames() {
  let waiting: Array<() => void> = [];
  return {
    nextFrame: (then: () => void) => void waiting.push(then),
    step() {
      const now = waiting;
      waiting = [];
      for (const f of now) f();
    },
  };
}

/** A queue whose frames are stepped by hand, and the list its redraws write what they drew into. */
function queued() {
  const f = frames();
  return { f, jobs: new FrameJobs(f.nextFrame), ran: [] as string[] };
}

describe("chart redraws, one per frame", () => {
  it("redraws queued together run in consecutive frames, one each, in the order queued", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("orders"));
    jobs.schedule("equity", () => ran.push("equity"));
    expect(ran).toEqual([]);
    f.step();
    expect(ran).toEqual(["orders"]);
    f.step();
    expect(ran).toEqual(["orders", "equity"]);
    f.step();
    expect(ran).toEqual(["orders", "equity"]);
  });

  it("a redraw queued again before it ran runs once, with the latest state, keeping its place", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("orders at 10 fills"));
    jobs.schedule("equity", () => ran.push("equity"));
    jobs.schedule("orders", () => ran.push("orders at 20 fills"));
    f.step();
    f.step();
    f.step();
    expect(ran).toEqual(["orders at 20 fills", "equity"]);
  });

  it("a redraw that throws does not stop the ones queued after it", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => {
      throw new Error("no chart");
    });
    jobs.schedule("equity", () => ran.push("equity"));
    expect(() => f.step()).toThrow("no chart");
    f.step();
    expect(ran).toEqual(["equity"]);
  });

  it("a redraw with work left goes on after a turn of the page, not a frame, before the redraws queued after it", () => {
    const f = frames();
    const turns = frames();
    const jobs = new FrameJobs(f.nextFrame, turns.nextFrame);
    const ran: string[] = [];
    let left = 2;
    jobs.schedule("orders", () => (ran.push(`orders slice, ${left} left`), left-- === 0));
    jobs.schedule("equity", () => ran.push("equity"));
    f.step();
    expect(ran).toEqual(["orders slice, 2 left"]);
    turns.step();
    turns.step();
    expect(ran).toEqual(["orders slice, 2 left", "orders slice, 1 left", "orders slice, 0 left"]);
    expect(jobs.pending).toBe(1);
    f.step();
    expect(ran.at(-1)).toBe("equity");
    expect(jobs.pending).toBe(0);
  });

  it("a redraw asked for again between its slices goes on with the latest state", () => {
    const f = frames();
    const turns = frames();
    const jobs = new FrameJobs(f.nextFrame, turns.nextFrame);
    const ran: string[] = [];
    jobs.schedule("orders", () => (ran.push("orders at 10 fills"), false));
    f.step();
    jobs.schedule("orders", () => ran.push("orders at 20 fills"));
    turns.step();
    f.step();
    expect(ran).toEqual(["orders at 10 fills", "orders at 20 fills"]);
    expect(jobs.pending).toBe(0);
  });

  it("nothing queued before the charts went away runs", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("orders"));
    jobs.clear();
    f.step();
    expect(ran).toEqual([]);
    jobs.schedule("equity", () => ran.push("equity"));
    f.step();
    expect(ran).toEqual(["equity"]);
  });
});

describe("the finished run's redraws, together", () => {
  it("the redraws waiting when the run is done run in one frame, in the order queued", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("last fills"));
    jobs.schedule("equity", () => ran.push("whole curve"));
    jobs.together();
    f.step();
    expect(ran).toEqual(["last fills", "whole curve"]);
  });

  it("each chart's redraws together, the next chart's in the frame after, so the two charts paint in frames of their own", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("last fills"), "price");
    jobs.schedule("records", () => ran.push("last records"), "price");
    jobs.schedule("equity", () => ran.push("whole curve"), "equity");
    jobs.schedule("benchmark", () => ran.push("benchmark"), "equity");
    jobs.together();
    f.step();
    expect(ran).toEqual(["last fills", "last records"]);
    f.step();
    expect(ran).toEqual(["last fills", "last records", "whole curve", "benchmark"]);
    expect(jobs.pending).toBe(0);
  });

  it("only that frame's: redraws asked for afterwards go one per frame again", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => ran.push("orders"));
    jobs.together();
    f.step();
    jobs.schedule("orders", () => ran.push("zoomed orders"));
    jobs.schedule("equity", () => ran.push("zoomed equity"));
    f.step();
    expect(ran).toEqual(["orders", "zoomed orders"]);
    f.step();
    expect(ran).toEqual(["orders", "zoomed orders", "zoomed equity"]);
  });

  it("one that throws does not keep the others of the frame from drawing", () => {
    const { f, jobs, ran } = queued();
    jobs.schedule("orders", () => {
      throw new Error("no chart");
    });
    jobs.schedule("equity", () => ran.push("equity"));
    jobs.together();
    expect(() => f.step()).toThrow("no chart");
    expect(ran).toEqual(["equity"]);
    expect(jobs.pending).toBe(0);
  });
});

describe("when the charts have drawn a change", () => {
  it("with no redraw waiting, at the next frame", () => {
    const f = frames();
    let drawn = 0;
    whenChartsDrawn(() => drawn++, f.nextFrame);
    expect(drawn).toBe(0);
    f.step();
    expect(drawn).toBe(1);
  });

  it("after the frame that paints the last redraw waiting, however many frames that takes", () => {
    const f = frames();
    const jobs = new FrameJobs(f.nextFrame);
    let drawn = 0;
    jobs.schedule("orders", () => {});
    jobs.schedule("equity", () => {});
    whenChartsDrawn(() => drawn++, f.nextFrame);
    f.step(); // the orders redraw
    f.step(); // the equity redraw
    expect(drawn).toBe(0);
    f.step(); // the frame that paints it
    expect(drawn).toBe(1);
    f.step();
    expect(drawn).toBe(1);
  });

  it("not later than a second after the next frame, when redraws keep being asked for", () => {
    vi.useFakeTimers();
    try {
      const f = frames();
      const jobs = new FrameJobs(f.nextFrame);
      let drawn = 0;
      jobs.schedule("equity", () => jobs.schedule("equity", () => {}));
      whenChartsDrawn(() => drawn++, f.nextFrame);
      f.step();
      vi.advanceTimersByTime(MAX_DRAWN_WAIT_MS);
      expect(drawn).toBe(1);
      f.step();
      expect(drawn).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
