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
export class FrameJobs {
  private readonly queue = new Map<string, () => void>();
  private waiting = false;
  private allAtOnce = false;

  constructor(private readonly nextFrame: NextFrame = afterFrame) {}

  /** Runs `job` after the next frame, or after the jobs queued before it, one per frame. */
  schedule(key: string, job: () => void): void {
    this.queue.set(key, job);
    this.wait();
  }

  /** Drops what is queued (the charts are gone; React may mount them again and schedule afresh). */
  clear(): void {
    this.queue.clear();
    this.allAtOnce = false;
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
      if (failure) throw failure.error;
    });
  }
}
