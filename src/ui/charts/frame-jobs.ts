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

/** The longest whenChartsDrawn waits for the charts' redraws after the next frame. */
export const MAX_DRAWN_WAIT_MS = 1000;

export class FrameJobs {
  private readonly queue = new Map<string, () => void>();
  private waiting = false;
  private allAtOnce = false;

  constructor(private readonly nextFrame: NextFrame = afterFrame) {}

  /** Runs `job` after the next frame, or after the jobs queued before it, one per frame. */
  schedule(key: string, job: () => void): void {
    this.queue.set(key, job);
    busy.add(this);
    this.wait();
  }

  /** Drops what is queued (the charts are gone; React may mount them again and schedule afresh). */
  clear(): void {
    this.queue.clear();
    this.allAtOnce = false;
    drained(this);
  }

  /** The jobs waiting at the next frame (and those queued before it comes) run in one task, in order. */
  together(): void {
    this.allAtOnce = true;
  }

  /** Whether any job waits (tests). */
  get pending(): number {
    return this.queue.size;
  }

  private wait(): void {
    if (this.waiting || this.queue.size === 0) return;
    this.waiting = true;
    this.nextFrame(() => {
      this.waiting = false;
      const all = this.allAtOnce;
      this.allAtOnce = false;
      let failure: { error: unknown } | null = null;
      for (const [key, job] of this.queue) {
        this.queue.delete(key);
        try {
          job();
        } catch (error) {
          // The jobs after it still run; the first failure is thrown once they have.
          failure ??= { error };
        }
        if (!all) break;
      }
      this.wait();
      if (this.queue.size === 0) drained(this);
      if (failure) throw failure.error;
    });
  }
}
