import { yieldToPage } from "../yield-to-page";

/** When the next frame has been drawn; a test may step frames by hand. */
export type NextFrame = (then: () => void) => void;

const afterFrame: NextFrame = (then) => requestAnimationFrame(() => void yieldToPage().then(then));

/**
 * Runs the charts' redraws (the order layer, the record() lines, the equity curve) one per frame,
 * each in a task of its own just after a frame. A redraw hands the chart library new data and the
 * library paints it on the next frame: run together, or inside the frame, the redraws and both
 * charts' paints made one main-thread task of 100 ms and more on a long run; one at a time, the
 * page has a frame between any two of them.
 *
 * A job is named by a key: queued again before it ran, it keeps its place and runs once, with the
 * latest function (the state it draws is the latest anyway).
 *
 * A finished run's last redraws are small (the last batch's fills, the curve's last points): they
 * run together in one task (`together`), so the finished run is painted in one frame, not one
 * redraw a frame.
 *
 * A redraw with much to catch up (the order layer after a change that brought thousands of
 * orders) works in slices of SLICE_MS: it returns false when it stopped with work left, and goes
 * on after a yield (not a frame), before anything queued after it; only its last slice hands the
 * library new data.
 */
/** The queues with redraws waiting, and who waits for all of them to be done. */
const busy = new Set<FrameJobs>();
let whenDone: Array<() => void> = [];

function drained(jobs: FrameJobs): void {
  busy.delete(jobs);
  if (busy.size > 0) return;
  const due = whenDone;
  whenDone = [];
  for (const then of due) then();
}

/**
 * Calls `then` once the charts have drawn what the page last changed: at the next frame when no
 * redraw waits then, else at the frame after the last one waiting (which paints it). The run's
 * batch pacer waits for this before it times the next change, so a change is not applied while
 * the charts still draw the one before (a busy page's frames come late, and each change's redraws
 * take a frame each).
 */
export function whenChartsDrawn(then: () => void, nextFrame: (f: () => void) => void = requestAnimationFrame): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    then();
  };
  nextFrame(() => {
    if (busy.size === 0) return once();
    whenDone.push(() => nextFrame(once));
    // Redraws asked for again and again (the user zooming all along) do not hold the run's changes back.
    setTimeout(once, MAX_DRAWN_WAIT_MS);
  });
}

/**
 * How long a redraw's slice runs before it gives the page a turn (OrderLayerModel.sync's `until`).
 * On two cores shared with the run's worker and V8's compilers a task's wall time is two to three
 * times its CPU time: slices of a few ms keep every task well under the 50 ms of a long task.
 */
export const SLICE_MS = 6;

/** The longest whenChartsDrawn waits for the charts' redraws after the next frame. */
export const MAX_DRAWN_WAIT_MS = 1000;

/**
 * A redraw: returns false when it stopped with work left (it gave the page a turn after a few ms:
 * see OrderLayerModel.sync), to be called again, after a yield, before anything queued after it.
 */
export type FrameJob = () => unknown;

export class FrameJobs {
  private readonly queue = new Map<string, FrameJob>();
  /** A redraw that stopped with work left: it goes on before the queue. */
  private resume: [string, FrameJob] | null = null;
  private waiting = false;
  private allAtOnce = false;

  constructor(
    private readonly nextFrame: NextFrame = afterFrame,
    /** Gives the page a turn between the slices of a redraw (tests step it by hand). */
    private readonly pause: NextFrame = (then) => void yieldToPage().then(then),
  ) {}

  /** The chart each job draws (see together). */
  private readonly chartOf = new Map<string, string>();

  /**
   * Runs `job` after the next frame, or after the jobs queued before it, one per frame. `chart`
   * names the chart it hands new data to: jobs of one chart may run together, not of two.
   */
  schedule(key: string, job: FrameJob, chart = ""): void {
    this.chartOf.set(key, chart);
    this.queue.set(key, job);
    busy.add(this);
    this.wait();
  }

  /** Drops what is queued (the charts are gone; React may mount them again and schedule afresh). */
  clear(): void {
    this.queue.clear();
    this.resume = null;
    this.allAtOnce = false;
    drained(this);
  }

  /**
   * The jobs waiting at the next frame (and those queued before it comes) run in one task, in
   * order, as long as they draw the same chart: the next chart's wait for the frame after (each
   * chart paints in a frame of its own: both in one frame was one task of 50 ms of CPU and more
   * on a 200,000-bar run, their paints and the compositor's copy of their canvases).
   */
  together(): void {
    this.allAtOnce = true;
  }

  /** Whether any job waits (tests). */
  get pending(): number {
    return this.queue.size + (this.resume ? 1 : 0);
  }

  private wait(): void {
    if (this.waiting || this.pending === 0) return;
    this.waiting = true;
    this.nextFrame(() => {
      const all = this.allAtOnce;
      this.allAtOnce = false;
      this.run(all);
    });
  }

  /** Runs the next job (all of them, `all`); a job that stops with work left goes on after a yield. */
  private run(all: boolean): void {
    let failure: { error: unknown } | null = null;
    let left = false;
    for (;;) {
      const next = this.resume ?? this.queue.entries().next().value;
      if (!next) break;
      const key = next[0];
      // Asked for again while it waited: the later one (the latest state) goes on from where it stopped.
      const job = this.queue.get(key) ?? next[1];
      this.resume = null;
      this.queue.delete(key);
      try {
        if (job() === false) left = true;
      } catch (error) {
        // The jobs after it still run; the first failure is thrown once they have.
        failure ??= { error };
      }
      if (left) {
        this.resume = [key, job];
        break;
      }
      if (!all) break;
      const following = this.queue.keys().next().value;
      if (following !== undefined && this.chartOf.get(following) !== this.chartOf.get(key)) {
        // The next chart's redraws, together, after the frame that paints this one's.
        this.allAtOnce = true;
        break;
      }
    }
    if (left) this.pause(() => this.run(all));
    else {
      this.waiting = false;
      this.wait();
      if (this.pending === 0) drained(this);
    }
    if (failure) throw failure.error;
  }
}
